// Where results frameworks sit on a sheet: a header naming an indicator column and, per period, a
// target and/or an actual column — periods as a band over the pairs (two header rows, merged or not,
// either way up) or inline ("Meta 2021", "Realizado 2021"). Then one row per indicator; component
// bands (a lone or merged text) or a component column group them.
import { parseDeadline } from '../deadline';
import { isBlank, isDateCell, type Cell } from '../grid';
import type { SheetView } from '../sheet-view';
import { roleOf } from '../vocab/headers';
import { numberedPeriod } from '../calendar/periods';
import { frameworkRoleOf, isBudgetWord, valueRoleOf, valueWithPeriod, type FrameworkRole, type ValueRole } from './vocab';

/** Roles with one column per framework. */
export type FixedRole = Exclude<FrameworkRole, ValueRole>;

export interface PeriodColumns {
  /** The period as the header shows it ("2017", "Q1 2023 (Jan 1 - Mar 31)"), '' when the sheet names none. */
  readonly label: string;
  /** First and last day (YYYY-MM-DD); null when the label is not a readable period. */
  readonly start: string | null;
  readonly end: string | null;
  readonly target?: number;
  readonly actual?: number;
  readonly percentMet?: number;
}

export interface FrameworkLayout {
  readonly sheet: string;
  /** 0-based header rows (one or two). */
  readonly headerRows: readonly number[];
  readonly columns: Readonly<Partial<Record<FixedRole, number>>>;
  /** In the sheet's column order. */
  readonly periods: readonly PeriodColumns[];
  /** The year a baseline header names ("Línea base (2014)"), or null. */
  readonly baselineYear: string | null;
  /** Header label per column (both header rows joined), for findings. */
  readonly labels: readonly string[];
  readonly first: number;
  readonly last: number;
  /** 0-based rows: the first after the header and the last non-blank one of the table. */
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Framework headers sit near the top of a sheet: only the first rows are searched (keeps record sheets cheap). */
export const HEADER_SCAN_ROWS = 150;
/** Blank rows that end a framework. */
const GAP_ENDING_A_TABLE = 4;

interface Slot {
  col: number;
  role: ValueRole;
  period: string;
  /** The cell the period was read from (a number such as 2015 stays a number for parseDeadline). */
  periodCell: Cell;
}

/** Every results framework on the sheet, top to bottom. */
export function findFrameworks(view: SheetView, date1904: boolean): FrameworkLayout[] {
  const out: FrameworkLayout[] = [];
  const scan = Math.min(view.height, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const fw = frameworkAt(view, r, date1904);
    if (!fw) continue;
    out.push(fw);
    r = fw.lastRow;
  }
  return out;
}

function rowRoles(view: SheetView, r: number): (FrameworkRole | null)[] {
  const texts = view.texts(r);
  const roles: (FrameworkRole | null)[] = [];
  for (let c = 0; c < view.width; c++) roles.push(texts[c] ? frameworkRoleOf(texts[c] as string) : null);
  return roles;
}

/**
 * Whether a cell of row r could name the indicator column: every indicator word holds "indic" (checked
 * first, cheaply: this runs on the first rows of every sheet of every check, plans and record sheets alike).
 */
function mayNameIndicator(view: SheetView, r: number): boolean {
  const texts = view.texts(r);
  for (let c = 0; c < texts.length; c++) {
    const t = texts[c];
    if (t && t.length <= 80 && INDIC.test(t)) return true;
  }
  return false;
}
const INDIC = /indic/i;

function frameworkAt(view: SheetView, r: number, date1904: boolean): FrameworkLayout | null {
  if (!mayNameIndicator(view, r)) return null;
  const upperRoles = rowRoles(view, r);
  if (!upperRoles.includes('indicator')) return null;
  const upper = view.texts(r);
  if (upper.some((t) => t && isBudgetWord(t))) return null;
  // A second header row: value words under period labels (or periods under value words).
  const lowerTexts = view.texts(r + 1);
  const lowerValues = lowerTexts.map((t) => (t ? valueRoleOf(t) : null));
  const lowerPeriods = lowerTexts.map((t, c) => (t && upperRoles[c] && valueRoleOf(upper[c] ?? '') ? isPeriod(view.raw(r + 1, c), date1904) : false));
  const two = lowerValues.some(Boolean) || lowerPeriods.some(Boolean);
  if (two && lowerTexts.some((t) => t && isBudgetWord(t))) return null;

  const columns: Partial<Record<FixedRole, number>> = {};
  const slots: Slot[] = [];
  const labels: string[] = [];
  let band = '';
  let bandCell: Cell = '';
  for (let c = 0; c < view.width; c++) {
    const u = upper[c] ?? '';
    const l = two ? (lowerTexts[c] ?? '') : '';
    labels.push([u, l].filter((x, i, a) => x && a.indexOf(x) === i).join(' '));
    const uRole = upperRoles[c] ?? null;
    const lValue = two ? (lowerValues[c] ?? null) : null;
    if (lValue) {
      // A period label over value words; an unmerged band leaves the cells after its first one blank.
      if (u && !valueRoleOf(u)) {
        band = u;
        bandCell = cellLabel(view.raw(r, c), u);
      }
      if (uRole && uRole !== lValue && !isPeriodText(u, date1904)) {
        // A fixed column whose header spans both rows reads the same word twice; anything else is no band.
        band = '';
      }
      slots.push({ col: c, role: lValue, period: band, periodCell: band ? bandCell : '' });
      continue;
    }
    band = '';
    const uValue = valueRoleOf(u);
    if (two && uValue && l && isPeriod(view.raw(r + 1, c), date1904)) {
      slots.push({ col: c, role: uValue, period: l, periodCell: cellLabel(view.raw(r + 1, c), l) });
      continue;
    }
    const inline = valueWithPeriod(l || u);
    if (inline && !(uRole && uRole !== 'target' && uRole !== 'actual' && uRole !== 'percentMet') && isPeriodText(inline.period, date1904)) {
      slots.push({ col: c, role: inline.role, period: inline.period, periodCell: inline.period });
      continue;
    }
    if (uValue) {
      slots.push({ col: c, role: uValue, period: '', periodCell: '' });
      continue;
    }
    const role = uRole ?? (l ? frameworkRoleOf(l) : null);
    if (role && role !== 'target' && role !== 'actual' && role !== 'percentMet' && columns[role] === undefined) columns[role] = c;
  }
  // An indicator and at least one actual column; a plan of actions that tracks an indicator ("Acción |
  // Indicador | Meta | Avance | Plazo") stays a plan unless its values are per period.
  if (columns.indicator === undefined || !slots.some((s) => s.role === 'actual')) return null;
  // Numbered periods ("Meta Año 1") do not count here: a plan may well name its years so.
  if (!slots.some((s) => s.period && !numberedPeriod(s.period)) && namesPlanColumns(upper)) return null;

  const periods: (PeriodColumns & { target?: number; actual?: number; percentMet?: number })[] = [];
  const byLabel = new Map<string, number>();
  for (const s of slots) {
    let i = byLabel.get(s.period);
    if (i === undefined || (periods[i] as PeriodColumns)[s.role] !== undefined) {
      const read = s.period ? parseDeadline(s.periodCell, { date1904 }) : null;
      const ok = read && (read.kind === 'period' || read.kind === 'date');
      i = periods.length;
      // A real date over the pair reads as its ISO day (its cell text is a serial number).
      const label = ok && isDateCell(s.periodCell) ? (read.date ?? s.period) : s.period;
      periods.push({ label, start: ok ? (read.start ?? read.date) : null, end: ok ? read.date : null });
      byLabel.set(s.period, i);
    }
    (periods[i] as { [K in ValueRole]?: number })[s.role] = s.col;
  }

  const headerRows = two ? [r, r + 1] : [r];
  const allCols = [...Object.values(columns), ...slots.map((s) => s.col)] as number[];
  const first = Math.min(...allCols);
  const last = Math.max(...allCols);
  const firstRow = r + headerRows.length;
  const lastRow = tableEnd(view, firstRow, first, last, date1904);
  const baselineHeader = columns.baseline !== undefined ? (labels[columns.baseline] ?? '') : '';
  const year = /\b((?:19|20)\d{2})\b/.exec(baselineHeader);
  return { sheet: view.name, headerRows, columns, periods, baselineYear: year?.[1] ?? null, labels, first, last, firstRow, lastRow };
}

/** The row names a key-action table's columns: an action and a deadline, responsible or status. */
function namesPlanColumns(texts: readonly string[]): boolean {
  const roles = new Set(texts.map((t) => (t ? roleOf(t) : null)));
  return roles.has('action') && (roles.has('deadline') || roles.has('responsible') || roles.has('status'));
}

/** The last non-blank row before a long blank gap or the next framework header. */
function tableEnd(view: SheetView, from: number, c0: number, c1: number, date1904: boolean): number {
  let last = from - 1;
  let blanks = 0;
  for (let r = from; r < view.height; r++) {
    if (view.isBlankRow(r, c0, c1)) {
      if (++blanks >= GAP_ENDING_A_TABLE) break;
      continue;
    }
    blanks = 0;
    if (r > from && frameworkAt(view, r, date1904)) break;
    last = r;
  }
  return Math.max(last, from - 1);
}

/** A period label for parseDeadline: numbers (2015) and real dates as they are, anything else as its text. */
function cellLabel(v: Cell, text: string): Cell {
  return typeof v === 'number' || isDateCell(v) ? v : text;
}

function isPeriod(v: Cell, date1904: boolean): boolean {
  if (isBlank(v) || typeof v === 'boolean') return false;
  // "Año 1", "Year 2": a part of the framework's own timeline, dated later from the baseline year (rules.ts).
  if (typeof v === 'string' && numberedPeriod(v)) return true;
  const d = parseDeadline(v, { date1904 });
  return d.kind === 'period' || d.kind === 'date';
}

function isPeriodText(text: string, date1904: boolean): boolean {
  return text !== '' && isPeriod(/^\d{4}$/.test(text) ? Number(text) : text, date1904);
}
