// Writes Tablero's sheets: values first (in pieces under the byte budget), number formats after,
// then tables, styles, widths, frozen headers and the mark — calculation and screen updating
// suspended on every sync. Sheets we created are cleared and rewritten in place (formulas that
// point at them keep working); a user's sheet with the same name is never touched.
// Sheets with charts (the plan's) then get them, in a sync of their own: a chart Excel refuses never costs the
// sheets already written.
import { freeSheetName, type OutputSheet } from '../../core/output';
import { planSheet, tableBaseName } from '../../core/sheet-plan';
import type { WrittenSheet } from '../host';
import { OP_OVERHEAD_BYTES, jsonBytes, packBatches, splitRowsByBytes } from './chunks';
import { addChart, mayHaveCharts, placeCharts, removeOurCharts, type ChartPlacement } from './charts';
import { syncWrite, type Ctx, type OfficeEnv } from './env';
import { OfficeHostError, toHostError } from './errors';
import { TABLE_STYLE, layoutSheet, type SheetLayout, type WriteValue } from './layout';
import { MARK_KEY, REGISTRY_NAME, markValue, registryValues, type RegistryRecord } from './registry';
import { loadState, type BookState, type SheetState } from './state';

interface Target {
  readonly sheet: OutputSheet;
  readonly name: string;
  readonly existing: SheetState | null;
  readonly layout: SheetLayout;
  /** Unique table names, in the order of layout.tables. */
  readonly tableNames: readonly string[];
  /** The plan's charts to add, when Excel can draw them. */
  readonly charts: readonly ChartPlacement[];
  ws?: Excel.Worksheet;
}

interface Op {
  readonly bytes: number;
  readonly apply: () => void;
}

export interface WriteResult {
  readonly written: WrittenSheet[];
  /** The sheets as they were found (the caller may need the date system or the marks). */
  readonly state: BookState;
}

/** A table name Excel accepts and no other table or defined name uses. */
export function uniqueTableName(base: string, taken: Set<string>): string {
  // The plan's rule for the name (the .xlsx writer uses the same), then a suffix while it is taken.
  const clean = tableBaseName(base);
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function writeOutputSheets(ctx: Ctx, env: OfficeEnv, sheets: readonly OutputSheet[]): Promise<WriteResult> {
  // Charts need ExcelApi 1.7 (series from ranges); below it the sheets are written without them.
  const charts = env.features.minimum && sheets.some(mayHaveCharts);
  const state = await loadState(ctx, env, { tables: true, protection: true, date: true, charts });
  const taken = state.sheets.map((s) => s.name);
  const targets: Target[] = [];
  const replaced = new Set<SheetState>();
  for (const sheet of sheets) {
    const requested = sheet.name.toLowerCase();
    const ours = state.sheets
      .filter((s) => s.marked && !s.isRegistry && (s.meta?.requested == null || s.meta.requested.toLowerCase() === requested))
      .filter((s) => !replaced.has(s))
      .map((s) => s.name);
    const name = freeSheetName(sheet.name, [...taken, ...targets.map((t) => t.name)], ours);
    const existing = state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
    if (existing?.protected) throw new OfficeHostError('officeWriteProtected', { sheet: existing.name }, env.lang);
    if (existing) replaced.add(existing);
    const layout = layoutSheet(sheet, state.date1904);
    targets.push({ sheet, name, existing, layout, tableNames: [], charts: charts ? placeCharts(layout) : [] });
  }
  // Tables on the sheets we replace go away with them: their names are free again.
  const replacedTables = new Set([...replaced].flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  const names = new Set(state.names.map((n) => n.toLowerCase()).filter((n) => !replacedTables.has(n)));
  const withNames = targets.map((t) => ({ ...t, tableNames: t.layout.tables.map((tp) => uniqueTableName(tp.name, names)) }));

  const ops: Op[] = [];
  for (const t of withNames) ops.push(...prepareOps(ctx, t));
  for (const t of withNames) ops.push(...valueOps(t, env.budget));
  for (const t of withNames) ops.push(...formatOps(t, env.budget));
  for (const t of withNames) ops.push(...finishOps(t, env));

  const useRegistry = !env.features.customProperties;
  if (useRegistry) {
    // The registry lists worksheet ids, which Excel gives a new sheet only once it exists.
    for (const t of withNames) {
      ops.push({ bytes: OP_OVERHEAD_BYTES, apply: () => t.ws?.load('id') });
    }
  }

  // Each sync also carries the two suspend calls.
  const batches = packBatches(ops, (o) => o.bytes, env.budget - 2 * OP_OVERHEAD_BYTES);
  try {
    for (const batch of batches) {
      for (const op of batch) op.apply();
      await syncWrite(ctx, env);
    }
    if (useRegistry) await writeRegistry(ctx, env, state, withNames);
  } catch (e) {
    throw toHostError(e, env.lang, withNames.map((t) => t.name).join(', '));
  }
  const chartState = await writeCharts(ctx, env, withNames);
  return {
    written: withNames.map((t) => {
      const w: WrittenSheet = { requested: t.sheet.name, name: t.name };
      return t.charts.length ? { ...w, chart: chartState } : w;
    }),
    state,
  };
}

/** One sync for every chart; if Excel refuses, what was added of ours is removed and the sheets stay. */
async function writeCharts(ctx: Ctx, env: OfficeEnv, targets: readonly Target[]): Promise<'added' | 'failed'> {
  const charted = targets.filter((t) => t.charts.length);
  if (!charted.length) return 'added';
  try {
    for (const t of charted) for (const c of t.charts) addChart(sheetOf(t), c, env);
    await syncWrite(ctx, env);
    return 'added';
  } catch {
    try {
      const collections = charted.map((t) => sheetOf(t).charts.load('items/name'));
      await ctx.sync();
      for (const c of collections) removeOurCharts(c.items);
      await ctx.sync();
    } catch {
      // Best effort: a half-drawn chart is left rather than failing a write that succeeded.
    }
    return 'failed';
  }
}

function prepareOps(ctx: Ctx, t: Target): Op[] {
  return [
    {
      bytes: OP_OVERHEAD_BYTES * (3 + (t.existing?.tables.length ?? 0) + (t.existing?.charts.length ?? 0)),
      apply: () => {
        if (t.existing) {
          const ws = t.existing.ws;
          for (const table of t.existing.tables) table.delete();
          removeOurCharts(t.existing.charts);
          ws.getRange().conditionalFormats.clearAll();
          ws.getRange().clear();
          ws.freezePanes.unfreeze();
          t.ws = ws;
        } else {
          t.ws = ctx.workbook.worksheets.add(t.name);
        }
      },
    },
  ];
}

function sheetOf(t: Target): Excel.Worksheet {
  if (!t.ws) throw new Error(`sheet ${t.name} not prepared`);
  return t.ws;
}

function valueOps(t: Target, budget: number): Op[] {
  const ops: Op[] = [];
  const room = Math.max(1, budget - 3 * OP_OVERHEAD_BYTES); // the op itself and the sync's two suspend calls
  for (const block of t.layout.blocks) {
    const width = block.values[0]?.length ?? 0;
    if (!width) continue;
    const sizes = block.values.map((row) => jsonBytes(row) + 1);
    for (const piece of splitRowsByBytes(sizes, room)) {
      const values = block.values.slice(piece.start, piece.start + piece.count) as WriteValue[][];
      ops.push({
        bytes: piece.bytes + OP_OVERHEAD_BYTES,
        apply: () => {
          sheetOf(t).getRangeByIndexes(block.row + piece.start, block.col, piece.count, width).values = values;
        },
      });
    }
  }
  return ops;
}

function formatOps(t: Target, budget: number): Op[] {
  const ops: Op[] = [];
  const room = Math.max(1, budget - 3 * OP_OVERHEAD_BYTES); // the op itself and the sync's two suspend calls
  for (const run of t.layout.formats) {
    const cell = jsonBytes([run.format]) + 1;
    const sizes = new Array<number>(run.rowCount).fill(cell);
    for (const piece of splitRowsByBytes(sizes, room)) {
      const formats = Array.from({ length: piece.count }, () => [run.format]);
      ops.push({
        bytes: piece.bytes + OP_OVERHEAD_BYTES,
        apply: () => {
          sheetOf(t).getRangeByIndexes(run.row + piece.start, run.col, piece.count, 1).numberFormat = formats;
        },
      });
    }
  }
  return ops;
}

function finishOps(t: Target, env: OfficeEnv): Op[] {
  const { layout } = t;
  const small = (apply: () => void, extra = 0): Op => ({ bytes: OP_OVERHEAD_BYTES + extra, apply });
  const ops: Op[] = [];
  layout.tables.forEach((tp, i) => {
    const name = t.tableNames[i] ?? tp.name;
    ops.push(
      small(() => {
        const ws = sheetOf(t);
        const range = ws.getRangeByIndexes(tp.box.row, tp.box.col, tp.box.rowCount, tp.box.colCount);
        const table = ws.tables.add(range, true);
        table.name = name;
        table.style = TABLE_STYLE;
      }),
    );
  });
  // Drop-down lists (OutputColumn.choices, planned as PlannedColumn.list) on the data rows, as the
  // .xlsx writer adds them (ExcelApi 1.8).
  if (env.features.dataValidation) {
    for (const tp of planSheet(t.sheet).tables) {
      tp.columns.forEach((col, c) => {
        const source = col.list;
        if (source === null || tp.dataCount < 1) return;
        ops.push(
          small(() => {
            const range = sheetOf(t).getRangeByIndexes(tp.headerRow + 1, c, tp.dataCount, 1);
            range.dataValidation.rule = { list: { inCellDropDown: true, source } };
          }, source.length),
        );
      });
    }
  }
  if (layout.title) {
    const b = layout.title;
    ops.push(
      small(() => {
        const f = sheetOf(t).getRangeByIndexes(b.row, b.col, b.rowCount, b.colCount).format.font;
        // Bold only, as the .xlsx writer draws it: one sheet plan, one look.
        f.bold = true;
      }),
    );
  }
  for (const b of layout.bold) ops.push(small(() => void (sheetOf(t).getRangeByIndexes(b.row, b.col, b.rowCount, b.colCount).format.font.bold = true)));
  for (const b of layout.wrap) ops.push(small(() => void (sheetOf(t).getRangeByIndexes(b.row, b.col, b.rowCount, b.colCount).format.wrapText = true)));
  for (const b of layout.fills) ops.push(small(() => void (sheetOf(t).getRangeByIndexes(b.row, b.col, b.rowCount, b.colCount).format.fill.color = b.color)));
  if (env.features.conditionalFormats) {
    for (const b of layout.bands) {
      ops.push(
        small(() => {
          const cf = sheetOf(t).getRangeByIndexes(b.row, b.col, b.rowCount, b.colCount).conditionalFormats.add('Custom');
          cf.custom.rule.formula = b.formula;
          cf.custom.format.fill.color = b.color;
        }, b.formula.length),
      );
    }
  }
  for (const w of layout.widths) ops.push(small(() => void (sheetOf(t).getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = w.points)));
  if (layout.freezeRows) ops.push(small(() => sheetOf(t).freezePanes.freezeRows(layout.freezeRows)));
  if (env.features.customProperties) {
    const value = markValue({ requested: t.sheet.name, statusRow: layout.statusRow });
    ops.push(small(() => void sheetOf(t).customProperties.add(MARK_KEY, value)));
  }
  return ops;
}

/** Older Excel: our sheets are listed in the hidden registry sheet (created on first use). */
async function writeRegistry(ctx: Ctx, env: OfficeEnv, state: BookState, targets: readonly Target[]): Promise<void> {
  const existingNames = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  const ids = new Set(state.sheets.map((s) => s.id));
  const fresh: RegistryRecord[] = targets.map((t) => ({
    id: sheetOf(t).id,
    name: t.name,
    requested: t.sheet.name,
    title: t.layout.titleText ?? '',
    statusRow: t.layout.statusRow,
  }));
  const freshIds = new Set(fresh.map((r) => r.id));
  const freshNames = new Set(fresh.map((r) => r.name.toLowerCase()));
  // Records of sheets that are gone (neither the id nor the name exists) are dropped.
  const kept = (state.registry?.records ?? []).filter(
    (r) => !freshIds.has(r.id) && !freshNames.has(r.name.toLowerCase()) && (ids.has(r.id) || existingNames.has(r.name.toLowerCase())),
  );
  const values = registryValues([...kept, ...fresh]);
  let ws: Excel.Worksheet;
  if (state.registry) {
    ws = state.registry.sheet.ws;
    ws.getRange().clear();
  } else {
    const taken = [...state.sheets.map((s) => s.name), ...targets.map((t) => t.name)];
    ws = ctx.workbook.worksheets.add(freeSheetName(REGISTRY_NAME, taken));
    ws.visibility = 'Hidden';
  }
  ws.getRangeByIndexes(0, 0, values.length, values[0]?.length ?? 1).values = values;
  await syncWrite(ctx, env);
}
