// What "highlight overdue" and "status dropdowns" put in a sheet, computed from a check result, and
// the marks that let any host find them again in a saved workbook. Pure: the browser host writes these
// into sheet XML, the Office host into conditional formats and validations, so both mark the same rows.
import type { CheckResult, TableResult, Action } from '../model';
import type { WorkbookGrid, SheetGrid } from '../grid';
import { cellAt, columnIndex, isDateCell, parseA1, parseRange, columnLetter } from '../grid';

/** Marks our conditional-format formulas so "remove highlights" finds them in any saved workbook. */
export const CF_MARKER = 'N("tablero:overdue")=0';
/** How an overdue row looks (RRGGBB): Excel's "light red fill with dark red text". */
export const OVERDUE_LOOK = { fill: 'FFC7CE', font: '9C0006' } as const;
/** Marks our data validations (their error title). */
export const DV_MARKER = 'Tablero';

export interface CfRuleSpec {
  readonly sheet: string;
  /** Space-separated areas, ordered top to bottom; relative references in `formula` follow the first area's top-left cell. */
  readonly sqref: string;
  /** Without the leading "=". */
  readonly formula: string;
  /** How the cells look (RRGGBB); absent: OVERDUE_LOOK. Results-framework bands each have their own. */
  readonly look?: { readonly fill: string; readonly font: string };
}

export interface DvSpec {
  readonly sheet: string;
  /** Status cells, as A1 addresses, of every action row. */
  readonly cells: readonly string[];
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function dateExpr(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y},${m},${d})`;
}

/** Row areas "A14:G14 A15:G17 …" for the given 1-based rows, merging consecutive rows. */
export function rowAreas(rows: readonly number[], c0: string, c1: string): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  let start: number | undefined;
  let prev: number | undefined;
  for (const r of sorted) {
    if (start !== undefined && prev !== undefined && r === prev + 1) {
      prev = r;
      continue;
    }
    if (start !== undefined && prev !== undefined) out.push(`${c0}${start}:${c1}${prev}`);
    start = r;
    prev = r;
  }
  if (start !== undefined && prev !== undefined) out.push(`${c0}${start}:${c1}${prev}`);
  return out;
}

function tableSpan(t: TableResult): { c0: string; c1: string } {
  const box = parseRange(t.range);
  if (box) return { c0: columnLetter(box.c0), c1: columnLetter(box.c1) };
  const letters = Object.values(t.columns).filter((x): x is string => !!x).map(columnIndex).sort((a, b) => a - b);
  return { c0: columnLetter(letters[0] ?? 0), c1: columnLetter(letters[letters.length - 1] ?? 0) };
}

/** Status words that mean "nothing left to do": an action with one of them is never overdue. */
export function doneWords(result: CheckResult, canonical: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const add = (w: string): void => {
    const k = w.trim().toLowerCase();
    if (k && !seen.has(k)) seen.set(k, w.trim());
  };
  canonical.forEach(add);
  for (const t of result.tables) {
    for (const a of t.actions) if (a.status === 'completed' || a.status === 'not_applicable') add(a.statusText);
  }
  return [...seen.values()];
}

/**
 * Conditional-format rules that light up overdue action rows and stay live with TODAY() (or the
 * chosen as-of date when it is not today). Rows whose deadline cell holds a real date compare the
 * cell itself; text deadlines and periods compare the due day the check read from them.
 */
export function overdueRules(
  result: CheckResult,
  wb: WorkbookGrid,
  opts: { today: string; done: readonly string[] },
): CfRuleSpec[] {
  const now = result.asOf === opts.today ? 'TODAY()' : dateExpr(result.asOf);
  const rules: CfRuleSpec[] = [];
  for (const t of result.tables) {
    const sheet = wb.sheets.find((s) => s.name === t.sheet);
    const { c0, c1 } = tableSpan(t);
    const statusCol = t.columns.status;
    const deadlineCol = t.columns.deadline;
    const pending = (row: number): string =>
      statusCol && opts.done.length
        ? `NOT(OR(${opts.done.map((w) => `TRIM($${statusCol}${row})=${quote(w)}`).join(',')}))`
        : 'TRUE';
    const live: number[] = [];
    const byDate = new Map<string, number[]>();
    for (const a of t.actions) {
      if (!a.deadline || a.deadlineKind === 'continuous' || a.deadlineKind === 'missing' || a.deadlineKind === 'invalid') continue;
      if (deadlineCol && sheet && isRealDate(a, sheet, deadlineCol)) live.push(a.row);
      else byDate.set(a.deadline, [...(byDate.get(a.deadline) ?? []), a.row]);
    }
    if (live.length && deadlineCol) {
      const areas = rowAreas(live, c0, c1);
      const first = Math.min(...live);
      const cell = `$${deadlineCol}${first}`;
      rules.push({ sheet: t.sheet, sqref: areas.join(' '), formula: `AND(${CF_MARKER},ISNUMBER(${cell}),${cell}<${now},${pending(first)})` });
    }
    for (const [iso, rows] of [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const first = Math.min(...rows);
      rules.push({ sheet: t.sheet, sqref: rowAreas(rows, c0, c1).join(' '), formula: `AND(${CF_MARKER},${dateExpr(iso)}<${now},${pending(first)})` });
    }
  }
  return rules;
}

function isRealDate(a: Action, sheet: SheetGrid, col: string): boolean {
  const addr = a.cells.deadline ?? `${col}${a.row}`;
  const p = parseA1(addr);
  return !!p && isDateCell(cellAt(sheet, p.r, p.c));
}

/** The status cells of every action, per sheet, for list validation. */
export function statusCells(result: CheckResult): DvSpec[] {
  const bySheet = new Map<string, string[]>();
  for (const t of result.tables) {
    const col = t.columns.status;
    if (!col) continue;
    const list = bySheet.get(t.sheet) ?? [];
    for (const a of t.actions) list.push(a.cells.status ?? `${col}${a.row}`);
    bySheet.set(t.sheet, list);
  }
  return [...bySheet.entries()].map(([sheet, cells]) => ({ sheet, cells }));
}

/** Cells as compact areas: consecutive rows of one column become "F14:F17". */
export function cellAreas(cells: readonly string[]): string[] {
  const byCol = new Map<string, number[]>();
  for (const c of cells) {
    const p = parseA1(c);
    if (!p) continue;
    const col = columnLetter(p.c);
    byCol.set(col, [...(byCol.get(col) ?? []), p.r + 1]);
  }
  const out: string[] = [];
  for (const [col, rows] of byCol) {
    for (const area of rowAreas(rows, col, col)) {
      const [a, b] = area.split(':');
      out.push(a === b ? (a ?? area) : area);
    }
  }
  return out;
}

/** A literal list for a validation formula ("a,b,c"), or null when Excel cannot hold it inline. */
export function inlineList(words: readonly string[]): string | null {
  if (words.some((w) => w.includes(',') || w.includes('"'))) return null;
  const list = words.join(',');
  return list.length <= 255 ? `"${list}"` : null;
}
