// Pure helpers behind the pane's lists: grouping, addresses, conversions, dropdown words.
import type { Action, CheckResult, StatusId, TableResult } from '../core/model';
import type { Finding, Severity } from '../core/findings';
import type { DateConversion } from '../hosts/pane-host';
import { catalogue, type Lang } from '../core/i18n';
import { columnIndex, columnLetter, parseRange, type WorkbookGrid } from '../core/grid';
import { CANONICAL_STATUSES } from '../core/vocab/status';
import { findConversionSheet, findDropdownSheet, parseConversionRecord, parseDropdownRecord } from '../core/workbook-state';

export interface OverdueItem {
  readonly sheet: string;
  readonly action: Action;
  /** The action's row across the table's columns ("A14:G14"). */
  readonly address: string;
}

export interface OverdueGroup {
  readonly key: string;
  /** The recommendation number or the organisation; null when the actions have none. */
  readonly label: string | null;
  readonly items: readonly OverdueItem[];
}

export type GroupBy = 'recommendation' | 'lead';

export function rowAddress(table: TableResult, row: number): string {
  const box = parseRange(table.range);
  if (box) return `${columnLetter(box.c0)}${row}:${columnLetter(box.c1)}${row}`;
  const cols = Object.values(table.columns).filter((c): c is string => !!c).map(columnIndex);
  const lo = cols.length ? Math.min(...cols) : 0;
  const hi = cols.length ? Math.max(...cols) : 0;
  return `${columnLetter(lo)}${row}:${columnLetter(hi)}${row}`;
}

/** Overdue actions, most days overdue first. */
export function overdueItems(result: CheckResult): OverdueItem[] {
  const out: OverdueItem[] = [];
  for (const t of result.tables) {
    for (const a of t.actions) if (a.overdue) out.push({ sheet: t.sheet, action: a, address: rowAddress(t, a.row) });
  }
  return out.sort((x, y) => (y.action.daysOverdue ?? 0) - (x.action.daysOverdue ?? 0) || x.action.row - y.action.row);
}

// One collator for every comparison: localeCompare with options builds one per call (slow on thousands).
const NATURAL = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}

/** Groups overdue actions by recommendation (in plan order) or by lead organisation (largest group first). */
export function groupOverdue(
  items: readonly OverdueItem[],
  by: GroupBy,
  leadOrganisation: (responsible: string | null) => string | null,
): OverdueGroup[] {
  const groups = new Map<string, { label: string | null; items: OverdueItem[] }>();
  for (const it of items) {
    const label = by === 'recommendation' ? it.action.recommendation : leadOrganisation(it.action.responsible);
    const key = label === null ? '\u0000none' : label.toLowerCase();
    const g = groups.get(key) ?? { label, items: [] };
    g.items.push(it);
    groups.set(key, g);
  }
  const list = [...groups.entries()].map(([key, g]) => ({
    key,
    label: g.label,
    items: [...g.items].sort((x, y) => naturalCompare(x.action.id ?? '', y.action.id ?? '') || x.action.row - y.action.row),
  }));
  if (by === 'recommendation') {
    return list.sort((a, b) => (a.label === null ? 1 : b.label === null ? -1 : naturalCompare(a.label, b.label)));
  }
  return list.sort((a, b) => (a.label === null ? 1 : b.label === null ? -1 : b.items.length - a.items.length || naturalCompare(a.label, b.label)));
}

/** Deadlines typed as text that the check could read as a date: what "Convert text dates" offers. */
export function textDateConversions(result: CheckResult): DateConversion[] {
  const out: DateConversion[] = [];
  const seen = new Set<string>();
  for (const f of result.findings) {
    if (f.code !== 'deadline_as_text' || !f.sheet || !f.cell) continue;
    const iso = String(f.params.deadline ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) continue;
    const key = `${f.sheet}!${f.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ sheet: f.sheet, cell: f.cell, originalText: String(f.params.text ?? ''), iso });
  }
  return out;
}

/**
 * Words for the status dropdown: the canonical word of each status in the pane's language, then
 * every variant the plan already uses, so no cell that is filled today becomes invalid.
 */
export function statusDropdownWords(result: CheckResult, lang: Lang): string[] {
  const seen = new Map<string, string>();
  const add = (w: string): void => {
    const word = w.replace(/\s+/g, ' ').trim();
    const k = word.toLowerCase();
    if (word && !seen.has(k)) seen.set(k, word);
  };
  for (const s of CANONICAL_STATUSES) add(catalogue(lang).status[s]);
  for (const t of result.tables) for (const a of t.actions) add(a.statusText);
  return [...seen.values()];
}

export function severityCounts(findings: readonly Finding[]): Record<Severity | 'all', number> {
  const c = { all: findings.length, error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Findings worth listing: overdue actions have their own list, so they are left out here. */
export function listedFindings(result: CheckResult, severity: Severity | 'all'): Finding[] {
  const rank = (s: Severity): number => SEVERITY_ORDER.indexOf(s);
  return result.findings
    .filter((f) => f.code !== 'overdue')
    .filter((f) => severity === 'all' || f.severity === severity)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

export interface ChartBar {
  readonly id: StatusId | 'overdue';
  readonly count: number;
}

/** Bars for the status chart: every status with actions (completed first), then overdue. */
export function chartBars(result: CheckResult): ChartBar[] {
  const order: StatusId[] = ['completed', 'in_progress', 'not_started', 'not_applicable', 'missing', 'unknown'];
  const bars: ChartBar[] = order
    .filter((s) => result.summary.byStatus[s] > 0 || s === 'completed' || s === 'in_progress' || s === 'not_started')
    .map((s) => ({ id: s, count: result.summary.byStatus[s] }));
  bars.push({ id: 'overdue', count: result.summary.overdue });
  return bars;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function todayISO(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Whether the workbook records status dropdowns of ours (our sheet, either language) to remove. */
export function hasDropdownRecord(grid: WorkbookGrid): boolean {
  const sheet = findDropdownSheet(grid.sheets);
  return sheet !== undefined && parseDropdownRecord(sheet).length > 0;
}

/** Whether the workbook holds a record of converted dates (our sheet, either language) to undo. */
export function hasConversionRecord(grid: WorkbookGrid): boolean {
  const sheet = findConversionSheet(grid.sheets);
  return sheet !== undefined && parseConversionRecord(sheet, grid.date1904).length > 0;
}
