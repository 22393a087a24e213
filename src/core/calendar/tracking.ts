// Tablero's milestone tracking sheet: one row per milestone, where the user types status and comments.
// Calendars have no status column, so this sheet is where their status lives: the next check reads it
// back (matched by section, partner, period and text) and the rewritten sheet carries it over. A row
// whose milestone left the calendar stays, marked as removed.
import { serialToISO } from '../dates';
import { a1, cellText, isDateCell, type SheetGrid, type WorkbookGrid } from '../grid';
import { catalogue, fill, LANGS, type Lang } from '../i18n';
import type { OutputColumn, OutputSheet, OutputValue } from '../output';
import { foldWords } from '../text';
import { CANONICAL_STATUSES } from '../vocab/status';
import type { CalendarResult, RemovedMilestone } from './types';

/** What the user left in one row of the tracking sheet. */
export interface TrackedRow {
  readonly sheet: string | null;
  readonly section: string | null;
  readonly partner: string;
  readonly period: string;
  readonly due: string | null;
  readonly text: string;
  readonly statusText: string;
  readonly comments: string | null;
  readonly removed: boolean;
  /** Where the status was typed: the tracking sheet and the cell's A1 address. */
  readonly where: { readonly sheet: string; readonly cell: string };
}

/** The key a milestone is matched by: section, partner, period and text, compared folded. */
export function milestoneKey(m: { section: string | null; partner: string; period: string; text: string }): string {
  return [m.section ?? '', m.partner, m.period, m.text].map((s) => foldWords(s)).join('\u0001');
}

/** The columns that say which milestone a row is, as the tracking sheet and the donor export both show them. */
export function milestoneColumns(x: ReturnType<typeof catalogue>['calendar']): OutputColumn[] {
  return [
    { header: x.colSheet, type: 'text', width: 16 },
    { header: x.colSection, type: 'text', width: 28 },
    { header: x.colPartner, type: 'text', width: 24 },
    { header: x.colPeriod, type: 'text', width: 24 },
    { header: x.colDue, type: 'date', width: 12 },
    { header: x.colMilestone, type: 'text', width: 60 },
  ];
}

const COLUMNS = ['colSheet', 'colSection', 'colPartner', 'colPeriod', 'colDue', 'colMilestone', 'colStatus', 'colComments', 'colOverdue', 'colDaysOverdue', 'colCell'] as const;
type ColumnKey = (typeof COLUMNS)[number];
const MILESTONE_HEADERS: ReadonlySet<string> = new Set(LANGS.map((l) => catalogue(l).calendar.colMilestone));

/** The tracking sheet, in the user's language, with the removed rows kept at the end. */
export function trackingSheet(calendars: readonly CalendarResult[], removed: readonly RemovedMilestone[], asOf: string, lang: Lang): OutputSheet {
  const c = catalogue(lang);
  const x = c.calendar;
  const rows: OutputValue[][] = [];
  let overdue = 0;
  let milestones = 0;
  for (const cal of calendars) {
    for (const m of cal.items) {
      milestones++;
      if (m.overdue) overdue++;
      rows.push([
        cal.sheet, m.section, m.partner, m.period, m.due ? { date: m.due } : null, m.text,
        m.statusText || null, m.comments, m.overdue ? c.seguimiento.yes : c.seguimiento.no, m.daysOverdue, m.cell,
      ]);
    }
  }
  for (const m of removed) {
    rows.push([m.sheet, m.section, m.partner, m.period, m.due ? { date: m.due } : null, m.text, m.statusText || null, m.comments, null, null, x.removed]);
  }
  const choices = CANONICAL_STATUSES.map((s) => c.status[s]);
  return {
    name: x.trackingSheetName,
    lines: [
      x.trackingTitle,
      fill(c.seguimiento.asOf, { asOf }),
      fill(x.trackingStatusLine, { milestones, overdue, removed: removed.length }),
      x.trackingHelp,
    ],
    tables: [
      {
        name: 'Tablero_Hitos',
        caption: x.trackingCaption,
        columns: [
          ...milestoneColumns(x),
          { header: x.colStatus, type: 'text', width: 16, choices },
          { header: x.colComments, type: 'text', width: 40 },
          { header: x.colOverdue, type: 'text', width: 9 },
          { header: x.colDaysOverdue, type: 'integer', width: 10 },
          { header: x.colCell, type: 'text', width: 10 },
        ],
        rows,
      },
    ],
  };
}

/** Column index by role when row r is the tracking table's header (in either language), else null. */
function headerColumns(sheet: SheetGrid, r: number): Map<ColumnKey, number> | null {
  const row = sheet.rows[r] ?? [];
  // Our other sheets run to thousands of rows: a row without the "Hito" / "Milestone" header is passed over unfolded.
  if (!row.some((v) => typeof v === 'string' && MILESTONE_HEADERS.has(v.trim()))) return null;
  const texts = row.map((v) => foldWords(cellText(v)));
  for (const lang of LANGS) {
    const x = catalogue(lang).calendar;
    const found = new Map<ColumnKey, number>();
    for (const key of COLUMNS) {
      const i = texts.indexOf(foldWords(x[key]));
      if (i !== -1) found.set(key, i);
    }
    // The columns a milestone is matched by, and the two the user fills in.
    const needed: ColumnKey[] = ['colPartner', 'colPeriod', 'colMilestone', 'colStatus', 'colComments'];
    if (needed.every((k) => found.has(k))) return found;
  }
  return null;
}

function isRemovedMark(text: string): boolean {
  return LANGS.some((l) => foldWords(catalogue(l).calendar.removed) === foldWords(text));
}

/** The name of Tablero's tracking sheet in the workbook, or null. */
export function trackingSheetName(wb: WorkbookGrid): string | null {
  for (const sheet of wb.sheets) {
    if (!sheet.createdByTablero) continue;
    for (let r = 0; r < sheet.rows.length; r++) if (headerColumns(sheet, r)) return sheet.name;
  }
  return null;
}

/** Every row of Tablero's tracking sheet, as the user left them. */
export function readTracking(wb: WorkbookGrid): TrackedRow[] {
  const out: TrackedRow[] = [];
  for (const sheet of wb.sheets) {
    // Only our own sheet: a user's sheet with the same headers is theirs, not ours to read as status.
    if (!sheet.createdByTablero) continue;
    for (let r = 0; r < sheet.rows.length; r++) {
      const cols = headerColumns(sheet, r);
      if (!cols) continue;
      const text = (k: ColumnKey, row: number): string => {
        const i = cols.get(k);
        return i === undefined ? '' : cellText(sheet.rows[row]?.[i] ?? null).trim();
      };
      for (let k = r + 1; k < sheet.rows.length; k++) {
        const milestone = text('colMilestone', k);
        if (!milestone) break;
        const due = sheet.rows[k]?.[cols.get('colDue') ?? -1];
        out.push({
          sheet: text('colSheet', k) || null,
          section: text('colSection', k) || null,
          partner: text('colPartner', k),
          period: text('colPeriod', k),
          due: isDateCell(due) ? serialToISO(due.serial, wb.date1904) : null,
          text: milestone,
          statusText: text('colStatus', k),
          comments: text('colComments', k) || null,
          removed: isRemovedMark(text('colCell', k)),
          where: { sheet: sheet.name, cell: a1(k, cols.get('colStatus') ?? 0) },
        });
      }
      // One tracking sheet: the one a rewrite replaces (see trackingSheetName).
      return out;
    }
  }
  return out;
}
