// Reads every user sheet's used range (values, number formats, hidden rows, merged areas) in as
// few syncs as the bytes allow: rows are taken in pieces, pieces of all sheets are packed into one
// sync until the byte budget is reached. A plan of a few thousand rows is one sync of data.
import type { Cell, Merge, SheetGrid, WorkbookGrid } from '../../core/grid';
import { parseRange } from '../../core/grid';
import { jsonBytes } from './chunks';
import { toGridRows } from './convert';
import type { Ctx, OfficeEnv } from './env';
import { OfficeHostError, isPayloadError } from './errors';
import { loadState, type SheetState, type UsedBox } from './state';

/** First guess of response bytes per cell (value + format as JSON); adjusted after every sync. */
const INITIAL_BYTES_PER_CELL = 48;
const MIN_BYTES_PER_CELL = 12;
/** Response bytes per row for the row properties (hidden or not). */
const BYTES_PER_ROW = 40;

interface Acc {
  readonly sheet: SheetState;
  readonly used: UsedBox;
  readonly rows: Cell[][];
  readonly hidden: Set<number>;
  merges: Merge[];
  next: number;
}

interface Piece {
  readonly acc: Acc;
  readonly start: number;
  readonly count: number;
  range?: Excel.Range;
  rowProps?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  merges?: Excel.RangeAreas;
}

export interface ReadStats {
  /** Estimated response bytes per cell after the last sync (for tests and diagnostics). */
  bytesPerCell: number;
}

export async function readWorkbook(ctx: Ctx, env: OfficeEnv, stats: ReadStats = { bytesPerCell: INITIAL_BYTES_PER_CELL }): Promise<WorkbookGrid> {
  const state = await loadState(ctx, env, { used: true, date: true });
  const accs: Acc[] = [];
  for (const sheet of state.sheets) {
    // Our own sheets are read too, flagged: the engine skips them, the pane reads its records there.
    if (!sheet.used) continue;
    accs.push({ sheet, used: sheet.used, rows: [], hidden: new Set(), merges: [], next: 0 });
  }

  let perCell = Math.max(MIN_BYTES_PER_CELL, stats.bytesPerCell);
  while (accs.some((a) => a.next < a.used.rowCount)) {
    const batch = planBatch(accs, perCell, env.budget);
    for (const p of batch) queuePiece(p, env);
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      // Excel refused the size: take these rows again in smaller pieces.
      const single = batch.length === 1 && batch[0]?.count === 1;
      if (single) throw new OfficeHostError('officeTooLarge', { sheet: batch[0]?.acc.sheet.name ?? '?' }, env.lang);
      for (const p of batch) p.acc.next = Math.min(p.acc.next, p.start);
      perCell *= 2;
      continue;
    }
    let bytes = 0;
    let cells = 0;
    for (const p of batch) {
      const b = takePiece(p);
      bytes += b;
      cells += p.count * p.acc.used.columnCount;
    }
    if (cells) perCell = Math.max(MIN_BYTES_PER_CELL, Math.ceil((bytes / cells) * 1.25));
  }
  stats.bytesPerCell = perCell;

  const byName = new Map(accs.map((a) => [a.sheet.name, a]));
  const sheets: SheetGrid[] = state.sheets.map((s) => {
    const a = byName.get(s.name);
    const createdByTablero = s.marked || s.isRegistry;
    if (!a) return { name: s.name, rows: [], merges: [], createdByTablero };
    const hidden = [...a.hidden].sort((x, y) => x - y);
    return { name: s.name, rows: a.rows, merges: a.merges, ...(hidden.length ? { hiddenRows: hidden } : {}), createdByTablero };
  });
  return { sheets, date1904: state.date1904 };
}

/** Takes rows from the sheets in order until the estimated response fills the budget. */
function planBatch(accs: readonly Acc[], perCell: number, budget: number): Piece[] {
  const batch: Piece[] = [];
  let left = budget;
  for (const acc of accs) {
    const rowBytes = acc.used.columnCount * perCell + BYTES_PER_ROW;
    while (acc.next < acc.used.rowCount) {
      let fit = Math.floor(left / rowBytes);
      if (fit < 1) {
        if (batch.length) return batch;
        fit = 1; // one row bigger than the budget: alone, Excel decides
      }
      const count = Math.min(fit, acc.used.rowCount - acc.next);
      batch.push({ acc, start: acc.next, count });
      acc.next += count;
      left -= count * rowBytes;
      if (left <= 0) return batch;
    }
  }
  return batch;
}

function queuePiece(p: Piece, env: OfficeEnv): void {
  const { used, sheet } = p.acc;
  const range = sheet.ws.getRangeByIndexes(used.rowIndex + p.start, used.columnIndex, p.count, used.columnCount);
  range.load(env.features.rowProperties ? 'values,numberFormat' : 'values,numberFormat,rowHidden');
  p.range = range;
  if (env.features.rowProperties) p.rowProps = range.getRowProperties({ rowHidden: true });
  if (p.start === 0 && env.features.mergedAreas) {
    const whole = sheet.ws.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount);
    p.merges = whole.getMergedAreasOrNullObject();
    p.merges.load('address');
  }
}

/** Moves a synced piece into its sheet's grid; returns the bytes it brought (to adjust the estimate). */
function takePiece(p: Piece): number {
  const { acc } = p;
  const range = p.range;
  if (!range) return 0;
  const values = range.values;
  const formats = range.numberFormat;
  const first = acc.used.rowIndex + p.start;
  const rows = toGridRows(values, formats, acc.used.columnIndex);
  while (acc.rows.length < first) acc.rows.push([]);
  rows.forEach((row, i) => {
    acc.rows[first + i] = row;
  });
  if (p.rowProps) {
    p.rowProps.value.forEach((rp, i) => {
      if (rp.rowHidden) acc.hidden.add(typeof rp.rowIndex === 'number' ? rp.rowIndex : first + i);
    });
  } else if (range.rowHidden === true) {
    // Without row properties (before ExcelApi 1.9) only "all hidden" is certain; mixed reads as visible.
    for (let i = 0; i < p.count; i++) acc.hidden.add(first + i);
  }
  if (p.merges && !p.merges.isNullObject) acc.merges = parseAreas(p.merges.address);
  return jsonBytes(values) + jsonBytes(formats) + p.count * 8;
}

/**
 * "Plan!A1:C1,Plan!D5:D6" (sheet names may be quoted and hold commas) → 0-based boxes.
 * Only what follows each "!" is an address, so a comma inside a quoted sheet name does no harm.
 */
export function parseAreas(address: string): Merge[] {
  const out: Merge[] = [];
  const re = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address))) {
    const box = m[1] ? parseRange(m[1].replace(/\$/g, '')) : null;
    if (box) out.push(box);
  }
  if (!out.length) {
    // Some hosts omit the sheet: "A1:C1, D5:D6".
    for (const part of address.split(',')) {
      const box = parseRange(part.trim().replace(/\$/g, ''));
      if (box) out.push(box);
    }
  }
  return out;
}
