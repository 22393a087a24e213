// Every conditional format "Highlight" puts in the user's sheets, from one check result: overdue action
// rows, overdue milestone cells of calendars, results-framework bands. Both pane hosts (and through
// them the ribbon's Refresh status) write exactly this list; all carry CF_MARKER, so one "remove" removes all.
import { calendarOverdueRules } from './calendar/highlight';
import { frameworkBandRules } from './framework/highlight';
import type { WorkbookGrid } from './grid';
import { catalogue, LANGS } from './i18n';
import type { CheckResult } from './model';
import { doneWords, overdueRules, type CfRuleSpec } from './workbook-state/highlight-rules';

export function highlightRules(result: CheckResult, grid: WorkbookGrid, opts: { today: string }): CfRuleSpec[] {
  const canonical = LANGS.flatMap((l) => [catalogue(l).status.completed, catalogue(l).status.not_applicable]);
  return [
    ...overdueRules(result, grid, { today: opts.today, done: doneWords(result, canonical) }),
    ...calendarOverdueRules(result, { today: opts.today }),
    ...frameworkBandRules(result.frameworks),
  ];
}
