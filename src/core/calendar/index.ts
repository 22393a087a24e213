// Milestone calendars: recognise them, give each milestone the status typed in Tablero's tracking
// sheet, flag the overdue ones. Overdue: due (the period's last day) before the as-of date and the
// status neither completed nor not applicable — a milestone nobody gave a status is overdue once its
// period is over, as a blank status is in plans.
import { daysBetween } from '../dates';
import { finding, type Finding } from '../findings';
import type { WorkbookGrid } from '../grid';
import { SheetView } from '../sheet-view';
import { StatusMatcher, type StatusVocabulary } from '../vocab/status';
import { draftCell, findCalendar, type DraftCalendar } from './recognise';
import { milestoneKey, readTracking, type TrackedRow } from './tracking';
import type { CalendarResult, Milestone, RemovedMilestone } from './types';

export type { CalendarPeriod, CalendarResult, Milestone, RemovedMilestone } from './types';
export { findCalendar, milestoneLines, type CalendarGrid, type DraftCalendar } from './recognise';
export { readPeriodCell } from './periods';
export { milestoneKey, readTracking, trackingSheet, trackingSheetName, type TrackedRow } from './tracking';

export interface CalendarOptions {
  readonly asOf: string;
  readonly vocabulary?: StatusVocabulary;
  /** Only this sheet's calendar: tracking rows of other sheets are neither read nor reported as removed. */
  readonly sheet?: string;
}

export interface CalendarReading {
  readonly calendars: CalendarResult[];
  /** Status words typed in the tracking sheet that mean nothing known (on their cell there). */
  readonly findings: Finding[];
  /** Rows of the tracking sheet whose milestone is in no calendar any more. */
  readonly removed: RemovedMilestone[];
}

/** The calendar of one sheet, before tracking (check.ts calls this per sheet, to keep action tables off it). */
export function sheetCalendar(view: SheetView, date1904: boolean): DraftCalendar | null {
  return findCalendar(view, date1904);
}

/** Whether 0-based row r lies in one of the calendar's grids (band, header or partner rows). */
export function insideCalendar(calendar: DraftCalendar, r: number): boolean {
  return calendar.grids.some((g) => r >= g.top && r <= g.bottom);
}

/** Statuses and comments from the tracking sheet, then overdue, for every calendar found. */
export function trackCalendars(drafts: readonly DraftCalendar[], wb: WorkbookGrid, opts: CalendarOptions): CalendarReading {
  const statuses = new StatusMatcher(opts.vocabulary);
  // Several rows may share a key (the same line twice in a cell): they are matched in order.
  const tracked = new Map<string, TrackedRow[]>();
  for (const row of readTracking(wb)) {
    if (opts.sheet !== undefined && row.sheet !== opts.sheet) continue;
    const key = milestoneKey(row);
    const list = tracked.get(key);
    if (list) list.push(row);
    else tracked.set(key, [row]);
  }
  const findings: Finding[] = [];
  const calendars = drafts.map((d): CalendarResult => ({
    sheet: d.sheet,
    range: d.range,
    periods: d.periods,
    items: d.items.map((m): Milestone => {
      const row = tracked.get(milestoneKey({ ...m, period: m.period.label }))?.shift();
      const statusText = row?.statusText ?? '';
      const match = statuses.match(statusText);
      const status = match.status;
      if (row && status === 'unknown') {
        findings.push(finding('unknown_status', 'warning', row.where, { text: statusText, suggestion: match.suggestion ?? '' }));
      }
      const due = m.period.end;
      const done = status === 'completed' || status === 'not_applicable';
      const overdue = due !== null && !done && due < opts.asOf;
      return {
        section: m.section,
        partner: m.partner,
        period: m.period.label,
        due,
        text: m.text,
        cell: draftCell(m),
        status,
        statusText,
        comments: row?.comments ?? null,
        overdue,
        daysOverdue: overdue && due ? daysBetween(due, opts.asOf) : null,
      };
    }),
  }));
  const removed: RemovedMilestone[] = [];
  for (const rows of tracked.values()) {
    for (const r of rows) {
      removed.push({ sheet: r.sheet, section: r.section, partner: r.partner, period: r.period, due: r.due, text: r.text, statusText: r.statusText, comments: r.comments });
    }
  }
  return { calendars, removed, findings };
}

/** Every calendar of the workbook (our own sheets skipped), tracked. */
export function readCalendars(wb: WorkbookGrid, opts: CalendarOptions): CalendarReading {
  const drafts: DraftCalendar[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.createdByTablero || (opts.sheet !== undefined && sheet.name !== opts.sheet)) continue;
    const d = findCalendar(new SheetView(sheet), wb.date1904);
    if (d) drafts.push(d);
  }
  return trackCalendars(drafts, wb, opts);
}
