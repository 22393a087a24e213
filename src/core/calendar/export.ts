// The donor export's "Milestones" / "Hitos" sheet: every milestone with its status in the UN tracking
// vocabulary, then per period the share not overdue (the figure offices are scored on, as for actions).
import { catalogue, fill, type Lang } from '../i18n';
import type { CheckResult } from '../model';
import type { OutputSheet, OutputValue } from '../output';
import { NOT_OVERDUE_BANDS, trackingStatus } from '../export';
import { byPeriod } from './report';
import { milestoneColumns } from './tracking';
import type { Milestone } from './types';

/** Excel table names: fixed whatever the language. */
export const MILESTONE_TABLES = { milestones: 'Tablero_Milestones', byPeriod: 'Tablero_MilestonesByPeriod' } as const;

function periodRow(label: string, items: readonly Milestone[]): OutputValue[] {
  const n = items.length;
  const completed = items.filter((m) => m.status === 'completed').length;
  const overdue = items.filter((m) => m.overdue).length;
  return [label, n, completed, overdue, n ? (n - overdue) / n : null];
}

/** The sheet, or null when the workbook holds no calendar. */
export function milestonesExportSheet(check: CheckResult, lang: Lang): OutputSheet | null {
  const calendars = check.calendars ?? [];
  if (!calendars.length) return null;
  const c = catalogue(lang);
  const x = c.calendar;
  const e = c.export;
  const all = calendars.flatMap((cal) => cal.items);
  const overdue = all.filter((m) => m.overdue).length;
  const rows: OutputValue[][] = calendars.flatMap((cal) =>
    cal.items.map((m) => [
      cal.sheet, m.section, m.partner, m.period, m.due ? { date: m.due } : null, m.text,
      trackingStatus(m.status, lang), m.comments, m.overdue ? c.seguimiento.yes : c.seguimiento.no, m.daysOverdue, m.cell,
    ]),
  );
  const periods: OutputValue[][] = calendars.flatMap((cal) =>
    byPeriod(cal).map((g) => periodRow(calendars.length > 1 ? `${cal.sheet}: ${g.period.label}` : g.period.label, g.items)),
  );
  periods.push(periodRow(e.total, all));
  return {
    name: x.exportSheetName,
    lines: [x.exportTitle, fill(c.seguimiento.asOf, { asOf: check.asOf }), fill(x.exportNotOverdue, { notOverdue: all.length - overdue, milestones: all.length })],
    tables: [
      {
        name: MILESTONE_TABLES.byPeriod,
        columns: [
          { header: x.colPeriod, type: 'text', width: 30 },
          { header: x.trackingCaption, type: 'integer', width: 11 },
          { header: e.statusCompleted, type: 'integer', width: 11 },
          { header: e.colOverdueCount, type: 'integer', width: 11 },
          { header: x.exportShare, type: 'percent', width: 14, bands: NOT_OVERDUE_BANDS },
        ],
        rows: periods,
        totalRow: true,
      },
      {
        name: MILESTONE_TABLES.milestones,
        columns: [
          ...milestoneColumns(x),
          { header: x.colStatus, type: 'text', width: 18 },
          { header: x.colComments, type: 'text', width: 30 },
          { header: x.colOverdue, type: 'text', width: 9 },
          { header: x.colDaysOverdue, type: 'integer', width: 10 },
          { header: x.colCell, type: 'text', width: 8 },
        ],
        rows,
      },
    ],
  };
}
