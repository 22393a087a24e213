// What the pane's long lists show: search and filters over the overdue actions, and the actions due
// soon. Pure, so the lists can be tested without drawing them.
import type { CheckResult, StatusId } from '../core/model';
import { dayNumberToISO, daysBetween, isoToDayNumber } from '../core/dates';
import { naturalCompare, rowAddress, type OverdueItem } from './logic';
import { changesBetween, resultStates } from '../core/refresh-history';

export interface ListFilter {
  /** Words to find in the id, the action's text or the responsible (case and accents ignored). */
  readonly query: string;
  /** Lead organisation (as grouped), or '' for all. */
  readonly responsible: string;
  readonly status: StatusId | '';
  readonly recommendation: string;
}

export const NO_FILTER: ListFilter = { query: '', responsible: '', status: '', recommendation: '' };

/** Lower case without accents: "Capacitación" matches "capacitacion". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function filterItems(items: readonly OverdueItem[], f: ListFilter, lead: (responsible: string | null) => string | null): OverdueItem[] {
  const words = foldText(f.query).split(/\s+/).filter(Boolean);
  if (!words.length && !f.responsible && !f.status && !f.recommendation) return [...items];
  return items.filter((it) => {
    const a = it.action;
    if (f.responsible && (lead(a.responsible) ?? '') !== f.responsible) return false;
    if (f.status && a.status !== f.status) return false;
    if (f.recommendation && (a.recommendation ?? '') !== f.recommendation) return false;
    if (!words.length) return true;
    const hay = foldText(`${a.id ?? ''} ${a.text} ${a.responsible ?? ''}`);
    return words.every((w) => hay.includes(w));
  });
}

/** The values each filter offers, from the items themselves (most frequent responsible first). */
export function facets(
  items: readonly OverdueItem[],
  lead: (responsible: string | null) => string | null,
): { responsible: string[]; status: StatusId[]; recommendation: string[] } {
  const resp = new Map<string, number>();
  const status = new Set<StatusId>();
  const recs = new Set<string>();
  for (const it of items) {
    const l = lead(it.action.responsible);
    if (l) resp.set(l, (resp.get(l) ?? 0) + 1);
    status.add(it.action.status);
    if (it.action.recommendation) recs.add(it.action.recommendation);
  }
  return {
    responsible: [...resp.entries()].sort((a, b) => b[1] - a[1] || naturalCompare(a[0], b[0])).map(([k]) => k),
    status: [...status],
    recommendation: [...recs].sort(naturalCompare),
  };
}

export interface UpcomingItem extends OverdueItem {
  /** Days from the as-of date to the deadline (1–30). */
  readonly daysLeft: number;
}

/** Open actions (not done, not overdue) due after the as-of date and within `days` of it, soonest first. */
export function upcomingItems(result: CheckResult, days = 30): UpcomingItem[] {
  const until = dayNumberToISO(isoToDayNumber(result.asOf) + days);
  const out: UpcomingItem[] = [];
  for (const t of result.tables) {
    for (const a of t.actions) {
      if (a.overdue || !a.deadline || a.status === 'completed' || a.status === 'not_applicable') continue;
      if (a.deadline <= result.asOf || a.deadline > until) continue;
      out.push({ sheet: t.sheet, action: a, address: rowAddress(t, a.row), daysLeft: daysBetween(result.asOf, a.deadline) });
    }
  }
  return out.sort((x, y) => x.daysLeft - y.daysLeft || x.action.row - y.action.row);
}

/** What changed between two checks: actions now overdue that were not, and now completed that were not. */
export function changesSince(before: CheckResult, after: CheckResult): { newlyOverdue: string[]; newlyCompleted: string[] } {
  return changesBetween(resultStates(before), after);
}
