// Milestones grouped for people: by period (overdue first within each) and by partner (most overdue
// first). The CLI's text report and the pane's list use the same groups.
import type { WorkbookGrid } from '../grid';
import { catalogue, fill, type Lang } from '../i18n';
import type { CheckResult } from '../model';
import type { OutputSheet } from '../output';
import { trackingSheet, trackingSheetName } from './tracking';
import type { CalendarPeriod, CalendarResult, Milestone } from './types';

export interface PeriodGroup {
  readonly period: CalendarPeriod;
  /** Overdue first (most days first), then the rest in calendar order. */
  readonly items: readonly Milestone[];
  readonly overdue: number;
}

export interface PartnerGroup {
  readonly section: string | null;
  readonly partner: string;
  readonly items: readonly Milestone[];
  readonly overdue: number;
}

function overdueFirst(items: readonly Milestone[]): Milestone[] {
  // Stable sort: ties keep calendar order.
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
}

export function byPeriod(cal: CalendarResult): PeriodGroup[] {
  return cal.periods
    .map((period) => {
      const items = overdueFirst(cal.items.filter((m) => m.period === period.label));
      return { period, items, overdue: items.filter((m) => m.overdue).length };
    })
    .filter((g) => g.items.length > 0);
}

/** Partners in calendar order, the ones with most overdue milestones first. */
export function byPartner(cal: CalendarResult): PartnerGroup[] {
  const groups = new Map<string, { section: string | null; partner: string; items: Milestone[] }>();
  for (const m of cal.items) {
    const key = `${m.section ?? ''}\u0001${m.partner}`;
    const g = groups.get(key);
    if (g) g.items.push(m);
    else groups.set(key, { section: m.section, partner: m.partner, items: [m] });
  }
  return [...groups.values()]
    .map((g) => ({ ...g, items: overdueFirst(g.items), overdue: g.items.filter((m) => m.overdue).length }))
    .sort((a, b) => b.overdue - a.overdue);
}

/** The calendars part of `tablero check`'s text report; empty when there are none. */
export function calendarText(calendars: readonly CalendarResult[], lang: Lang): string[] {
  if (!calendars.length) return [];
  const c = catalogue(lang);
  const x = c.calendar;
  const lines: string[] = ['', fill(x.calendarsFound, { count: calendars.length })];
  for (const cal of calendars) {
    const overdue = cal.items.filter((m) => m.overdue).length;
    lines.push(fill(x.calendarLine, { sheet: cal.sheet, range: cal.range, milestones: cal.items.length, periods: cal.periods.length, overdue }));
  }
  for (const cal of calendars) {
    lines.push('', x.byPeriod);
    for (const g of byPeriod(cal)) {
      lines.push(fill(x.periodLine, { period: g.period.label, due: g.period.end ?? x.noDue, milestones: g.items.length, overdue: g.overdue }));
      for (const m of g.items) {
        lines.push(
          m.overdue
            ? fill(x.overdueItem, { cell: m.cell, partner: m.partner, text: m.text, days: m.daysOverdue ?? 0 })
            : fill(x.item, { cell: m.cell, partner: m.partner, text: m.text, status: c.status[m.status] }),
        );
      }
    }
    lines.push('', x.byPartner);
    for (const g of byPartner(cal)) lines.push(fill(x.partnerLine, { partner: g.partner, milestones: g.items.length, overdue: g.overdue }));
  }
  return lines;
}

/**
 * The tracking sheet to write after a check (none when there is no calendar and nothing tracked). It keeps
 * the name of the tracking sheet already in the workbook, in whichever language it was written.
 */
export function calendarTrackingSheets(result: CheckResult, wb: WorkbookGrid, lang: Lang): OutputSheet[] {
  const calendars = result.calendars ?? [];
  const removed = result.milestonesRemoved ?? [];
  if (!calendars.length && !removed.length) return [];
  const sheet = trackingSheet(calendars, removed, result.asOf, lang);
  const existing = trackingSheetName(wb);
  return [existing ? { ...sheet, name: existing } : sheet];
}
