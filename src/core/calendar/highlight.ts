// "Highlight overdue" on calendars: a conditional format on each calendar cell that holds an overdue
// milestone, carrying the same mark as the action rows' rules so "remove highlights" removes it too.
// The statuses live in the tracking sheet, so which cells light up is the check's answer at the time;
// the date test stays live (TODAY(), or the chosen as-of date when it is not today).
import { cellAreas, CF_MARKER, type CfRuleSpec } from '../workbook-state/highlight-rules';
import type { CheckResult } from '../model';

function dateExpr(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y},${m},${d})`;
}

/** One rule per calendar sheet and due day, over the cells holding an overdue milestone due that day. */
export function calendarOverdueRules(result: CheckResult, opts: { today: string }): CfRuleSpec[] {
  const now = result.asOf === opts.today ? 'TODAY()' : dateExpr(result.asOf);
  const rules: CfRuleSpec[] = [];
  for (const cal of result.calendars ?? []) {
    const byDue = new Map<string, string[]>();
    for (const m of cal.items) {
      if (!m.overdue || !m.due) continue;
      const cells = byDue.get(m.due) ?? [];
      if (!cells.includes(m.cell)) cells.push(m.cell);
      byDue.set(m.due, cells);
    }
    for (const [due, cells] of [...byDue.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      rules.push({ sheet: cal.sheet, sqref: cellAreas(cells).join(' '), formula: `AND(${CF_MARKER},${dateExpr(due)}<${now})` });
    }
  }
  return rules;
}
