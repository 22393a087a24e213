// What changed between two "Refresh status": newly overdue and newly completed actions, kept as a
// short history in a sheet of Tablero's. The previous state is the Seguimiento sheet the last refresh
// wrote (the workbook itself, never memory outside it); the history sheet keeps the last entries.
// Pure: the refresh workflow (pane, ribbon, worker) writes it through the one sheet plan.
import { serialToISO } from './dates';
import { cellText, isBlank, isDateCell, type SheetGrid, type WorkbookGrid } from './grid';
import { catalogue, LANGS, t, type Lang } from './i18n';
import type { CheckResult } from './model';
import type { OutputSheet } from './output';
import { rewriteName } from './our-sheet-name';
import { findRecordSheet, recordRows, recordSheet, type RecordKind } from './record-sheet';

/** Refreshes the history keeps (newest first). */
export const HISTORY_LENGTH = 10;
/** Ids listed in one cell; the rest are counted ("… +12"), so a cell never nears Excel's 32,767 characters. */
const IDS_IN_CELL = 200;

export interface RefreshEntry {
  /** When the refresh ran, local time "YYYY-MM-DD HH:MM". */
  readonly at: string;
  readonly asOf: string;
  readonly actions: number;
  readonly overdue: number;
  readonly completed: number;
  /** False on the first refresh (no earlier Seguimiento to compare with): the lists below are empty. */
  readonly compared: boolean;
  readonly newlyOverdue: readonly string[];
  readonly newlyCompleted: readonly string[];
  /** Counts, also when the id lists were cut short in the sheet. */
  readonly newlyOverdueCount: number;
  readonly newlyCompletedCount: number;
}

interface ActionState {
  readonly overdue: boolean;
  readonly completed: boolean;
}

/** An action's identity across checks: its sheet and id, else its cell. */
function actionKey(sheet: string, id: string | null, cell: string | null): string | null {
  const own = id?.trim() || cell?.trim();
  return own ? `${sheet}\u0000${own}` : null;
}

/** What a check says of each action. */
export function resultStates(result: CheckResult): Map<string, ActionState & { label: string }> {
  const out = new Map<string, ActionState & { label: string }>();
  for (const tb of result.tables) {
    for (const a of tb.actions) {
      const k = actionKey(tb.sheet, a.id, a.cells.action ?? null);
      if (k) out.set(k, { overdue: a.overdue, completed: a.status === 'completed', label: a.id ?? a.cells.action ?? `#${a.row}` });
    }
  }
  return out;
}

/** Where a Seguimiento actions header sits (any language): the columns the comparison needs. */
function seguimientoHeader(rows: SheetGrid['rows']): { r: number; sheet: number; id: number; status: number; overdue: number; cell: number } | null {
  for (let r = 0; r < rows.length && r < 12; r++) {
    const row = (rows[r] ?? []).map((v) => cellText(v).trim());
    for (const l of LANGS) {
      const s = catalogue(l).seguimiento;
      const sheet = row.indexOf(s.colSheet);
      const id = row.indexOf(s.colId);
      const status = row.indexOf(s.colStatus);
      const overdue = row.indexOf(s.colOverdue);
      const cell = row.indexOf(s.colCell);
      if (sheet >= 0 && id > sheet && status > id && overdue > status && cell > overdue) return { r, sheet, id, status, overdue, cell };
    }
  }
  return null;
}

/** The action states a Seguimiento sheet of ours records, or null when the sheet is not one. */
export function seguimientoStates(sheet: Pick<SheetGrid, 'rows'>): Map<string, ActionState> | null {
  const h = seguimientoHeader(sheet.rows);
  if (!h) return null;
  const yes = new Set(LANGS.map((l) => catalogue(l).seguimiento.yes.toLowerCase()));
  const done = new Set(LANGS.map((l) => catalogue(l).status.completed.toLowerCase()));
  const out = new Map<string, ActionState>();
  for (let r = h.r + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const name = cellText(row[h.sheet] ?? null);
    // The actions table ends at its first blank row (the findings table follows).
    if (isBlank(name)) break;
    const k = actionKey(name, cellText(row[h.id] ?? null) || null, cellText(row[h.cell] ?? null) || null);
    if (!k) continue;
    out.set(k, {
      overdue: yes.has(cellText(row[h.overdue] ?? null).trim().toLowerCase()),
      completed: done.has(cellText(row[h.status] ?? null).trim().toLowerCase()),
    });
  }
  return out;
}

/** Our Seguimiento sheet in a read workbook: marked, and holding the actions table (whatever its name). */
export function findSeguimientoSheet<S extends Pick<SheetGrid, 'createdByTablero' | 'rows'>>(sheets: readonly S[]): S | undefined {
  return sheets.find((s) => s.createdByTablero && seguimientoHeader(s.rows) !== null);
}

/** Actions now overdue that were not, and now completed that were not (an action new to the plan counts as newly overdue, not as newly completed). */
export function changesBetween(before: ReadonlyMap<string, ActionState>, after: CheckResult): { newlyOverdue: string[]; newlyCompleted: string[] } {
  const newlyOverdue: string[] = [];
  const newlyCompleted: string[] = [];
  for (const [k, now] of resultStates(after)) {
    const prev = before.get(k);
    if (now.overdue && !prev?.overdue) newlyOverdue.push(now.label);
    if (now.completed && prev && !prev.completed) newlyCompleted.push(now.label);
  }
  return { newlyOverdue, newlyCompleted };
}

/** The history's table; its first two headers tell it apart. */
const RECORD: RecordKind = {
  sheetName: 'histSheetName',
  table: 'TableroHistorial',
  columns: [
    { header: 'histColAt', type: 'text', width: 17 },
    { header: 'histColAsOf', type: 'date', width: 12 },
    { header: 'histColActions', type: 'integer', width: 10 },
    { header: 'histColOverdue', type: 'integer', width: 10 },
    { header: 'histColCompleted', type: 'integer', width: 11 },
    { header: 'histColNewOverdue', type: 'integer', width: 12 },
    { header: 'histColNewCompleted', type: 'integer', width: 13 },
    { header: 'histColNewOverdueIds', type: 'text', width: 40 },
    { header: 'histColNewCompletedIds', type: 'text', width: 40 },
  ],
  key: 2,
};

function idsCell(ids: readonly string[]): string {
  if (ids.length <= IDS_IN_CELL) return ids.join(', ');
  return `${ids.slice(0, IDS_IN_CELL).join(', ')}, … +${ids.length - IDS_IN_CELL}`;
}

/** The history as a sheet to write, newest first (`name`: keep the existing sheet's name). */
export function historySheet(entries: readonly RefreshEntry[], lang: Lang, name?: string): OutputSheet {
  const lines = [t(lang, 'pane', 'histSheetTitle'), t(lang, 'pane', 'histSheetHint', { count: HISTORY_LENGTH })];
  return recordSheet(
    RECORD,
    lang,
    name,
    lines,
    entries.slice(0, HISTORY_LENGTH).map((e) => [
      e.at,
      { date: e.asOf },
      e.actions,
      e.overdue,
      e.completed,
      e.compared ? e.newlyOverdueCount : null,
      e.compared ? e.newlyCompletedCount : null,
      e.compared ? idsCell(e.newlyOverdue) : t(lang, 'pane', 'histFirst'),
      e.compared ? idsCell(e.newlyCompleted) : null,
    ]),
  );
}

/** Our history sheet in a read workbook: marked, and holding the history table (whatever its name). */
export function findHistorySheet<S extends Pick<SheetGrid, 'createdByTablero' | 'rows'>>(sheets: readonly S[]): S | undefined {
  return findRecordSheet(sheets, RECORD);
}

function count(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function ids(v: unknown): string[] {
  const text = cellText((v ?? null) as SheetGrid['rows'][number][number]);
  return text
    .split(/,\s*/)
    .map((x) => x.trim())
    .filter((x) => x && !x.startsWith('…'));
}

/** The entries a history sheet lists, newest first. */
export function parseHistory(sheet: Pick<SheetGrid, 'rows'>, date1904: boolean): RefreshEntry[] {
  return recordRows(sheet, RECORD).map((row) => {
    const d = row[1] ?? null;
    const asOf = (isDateCell(d) ? serialToISO(d.serial, date1904) : null) ?? cellText(d).trim();
    const nOver = count(row[5]);
    const nDone = count(row[6]);
    const compared = nOver !== null || nDone !== null;
    return {
      at: cellText(row[0] ?? null).trim(),
      asOf,
      actions: count(row[2]) ?? 0,
      overdue: count(row[3]) ?? 0,
      completed: count(row[4]) ?? 0,
      compared,
      newlyOverdue: compared ? ids(row[7]) : [],
      newlyCompleted: compared ? ids(row[8]) : [],
      newlyOverdueCount: nOver ?? 0,
      newlyCompletedCount: nDone ?? 0,
    };
  });
}

/** The history a workbook carries (newest first), or none. */
export function historyOf(grid: WorkbookGrid): RefreshEntry[] {
  const sheet = findHistorySheet(grid.sheets);
  return sheet ? parseHistory(sheet, grid.date1904) : [];
}

/** Same as-of date and figures, and nothing changed: a rewrite that tells nothing new (e.g. the download's). */
function repeats(e: RefreshEntry, last: RefreshEntry | undefined): boolean {
  return (
    !!last &&
    e.compared &&
    !e.newlyOverdueCount &&
    !e.newlyCompletedCount &&
    e.asOf === last.asOf &&
    e.actions === last.actions &&
    e.overdue === last.overdue &&
    e.completed === last.completed
  );
}

/**
 * The history after a refresh of `grid` (read before Seguimiento is rewritten) that gave `result`:
 * `change` compares it with the Seguimiento the workbook holds; `entries` is the history the workbook
 * holds with `change` first, cut to HISTORY_LENGTH — unless `change` only repeats the last entry
 * (same as-of date and figures, nothing new), which the history does not list twice.
 */
export function nextHistory(grid: WorkbookGrid, result: CheckResult, at: string): { change: RefreshEntry; entries: RefreshEntry[] } {
  const prevSheet = findSeguimientoSheet(grid.sheets);
  const states = prevSheet ? seguimientoStates(prevSheet) : null;
  const ch = states ? changesBetween(states, result) : { newlyOverdue: [], newlyCompleted: [] };
  let completed = 0;
  for (const tb of result.tables) for (const a of tb.actions) if (a.status === 'completed') completed++;
  const entry: RefreshEntry = {
    at,
    asOf: result.asOf,
    actions: result.summary.actions,
    overdue: result.summary.overdue,
    completed,
    compared: states !== null,
    newlyOverdue: ch.newlyOverdue,
    newlyCompleted: ch.newlyCompleted,
    newlyOverdueCount: ch.newlyOverdue.length,
    newlyCompletedCount: ch.newlyCompleted.length,
  };
  const before = historyOf(grid);
  return { change: entry, entries: repeats(entry, before[0]) ? before : [entry, ...before].slice(0, HISTORY_LENGTH) };
}

/** The history sheet to write after a refresh (keeps the existing sheet's name, in whichever language). */
export function historySheetFor(grid: WorkbookGrid, entries: readonly RefreshEntry[], lang: Lang): OutputSheet {
  return historySheet(entries, lang, rewriteName(findHistorySheet(grid.sheets)?.name, 'histSheetName'));
}
