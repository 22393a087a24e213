// Finding milestone calendars on a sheet. A grid is: a header row of periods (or two: labels over their
// months), perhaps a group row above it ("Lead | Milestones"), then one row per partner, named in the
// column left of the periods. A band row above the header names the grid's section. Grids end at a
// band, at the next header, or after two blank rows.
import { a1, rangeA1, type Cell } from '../grid';
import type { SheetView } from '../sheet-view';
import { fold, foldWords } from '../text';
import { isNotAnAction } from '../vocab/bands';
import { BULLET_MARKS, PARTNER_HEADERS } from '../vocab/calendar';
import { combinePeriods, periodKey, readPeriodCell, type PeriodCell } from './periods';
import type { CalendarPeriod } from './types';

/** A milestone before tracking: where it is and what it says. */
export interface DraftMilestone {
  readonly section: string | null;
  readonly partner: string;
  readonly period: CalendarPeriod;
  readonly text: string;
  /** 0-based cell. */
  readonly r: number;
  readonly c: number;
}

export interface CalendarGrid {
  /** 0-based first row (the section band, else the first header row) and last partner row. */
  readonly top: number;
  readonly bottom: number;
  readonly first: number;
  readonly last: number;
  readonly headerRows: readonly number[];
}

export interface DraftCalendar {
  readonly sheet: string;
  readonly range: string;
  readonly grids: readonly CalendarGrid[];
  readonly periods: readonly CalendarPeriod[];
  readonly items: readonly DraftMilestone[];
}

interface PeriodRow {
  readonly partnerCol: number;
  /** Period columns, left to right, consecutive. */
  readonly cols: readonly number[];
  readonly cells: readonly PeriodCell[];
}

/** Longer header cells are not periods (readPeriodCell's own bound, in characters). */
const MAX_PERIOD_TEXT = 40;
/** Blank rows that end a grid. */
const GAP_ENDING_A_GRID = 2;
/** How far below a lone text the header it names may start. */
const BAND_LOOKAHEAD = 3;
const LETTERS = /\p{L}.*?\p{L}.*?\p{L}/u;

const PARTNER_KEYS: ReadonlySet<string> = new Set(PARTNER_HEADERS.map(foldWords));
const BULLETS = new RegExp(`^(?:[${BULLET_MARKS.map((m) => m.replace(/[\]\\^-]/g, '\\$&')).join('')}]+|\\d{1,2}[.)](?=\\s)|[a-z]\\)(?=\\s))\\s*`, 'iu');

/** Partner headers are short: longer text is data (asked of every row's first cell, it must be cheap). */
const MAX_PARTNER_HEADER = 40;

function isPartnerHeader(text: string): boolean {
  return text === '' || (text.length <= MAX_PARTNER_HEADER && PARTNER_KEYS.has(foldWords(text)));
}

/**
 * Whether a row has two different short cells with a digit, as every period row has ("Q1 2024",
 * "Trimestre 5"), and no long text: most rows fail (a merged band repeats one text, an action row holds
 * its action) and are ruled out without parsing. A long cell is neither a period nor a partner header,
 * so periodRow would refuse the row anyway.
 */
function mayHoldPeriods(texts: readonly string[]): boolean {
  let first: string | null = null;
  let digits = false;
  let last = '';
  for (let c = 0; c < texts.length; c++) {
    const t = texts[c];
    // A merged band repeats one text across the row: it was looked at already.
    if (!t || t === last) continue;
    last = t;
    // readPeriodCell's first bound (before spaces are folded): no period or partner header is longer.
    if (t.length > 2 * MAX_PERIOD_TEXT) return false;
    if (digits || t === first || t.length > MAX_PERIOD_TEXT) continue;
    for (let i = 0; i < t.length; i++) {
      const code = t.charCodeAt(i);
      if (code >= 48 && code <= 57) {
        if (first !== null) digits = true;
        else first = t;
        break;
      }
    }
  }
  return digits;
}

/** Row r as a header of periods: two or more consecutive period cells, at most a partner header before them. */
function periodRow(view: SheetView, r: number, date1904: boolean): PeriodRow | null {
  // A long text rules the row out before its cells are read (mayHoldPeriods' first bound, kept per row).
  if (view.longestText(r) > 2 * MAX_PERIOD_TEXT) return null;
  const texts = view.texts(r);
  if (!mayHoldPeriods(texts)) return null;
  const cols: number[] = [];
  const cells: PeriodCell[] = [];
  let lead = -1;
  for (let c = 0; c < view.width; c++) {
    if (!texts[c]) continue;
    const p = readPeriodCell(view.raw(r, c), date1904);
    if (p) {
      if (cols.length && c !== (cols[cols.length - 1] as number) + 1) return null;
      cols.push(c);
      cells.push(p);
    } else if (cols.length || lead !== -1 || !isPartnerHeader(texts[c] ?? '')) {
      return null;
    } else lead = c;
  }
  const firstCol = cols[0];
  if (cols.length < 2 || firstCol === undefined || firstCol < 1) return null;
  if (lead !== -1 && lead !== firstCol - 1) return null;
  // One text merged across the columns is not several periods.
  if (cells.every((p) => p.text === cells[0]?.text)) return null;
  return { partnerCol: firstCol - 1, cols, cells };
}

/** Distinct texts of row r from column 0 to `last`, and the first column holding one. */
function rowTexts(view: SheetView, r: number, last: number): { texts: string[]; firstCol: number } {
  const seen: string[] = [];
  let firstCol = -1;
  for (let c = 0; c <= last; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    if (firstCol === -1) firstCol = c;
    if (!seen.includes(t)) seen.push(t);
  }
  return { texts: seen, firstCol };
}

/** A row holding one text from the partner column on (a band, merged or not). */
function singleText(view: SheetView, r: number, partnerCol: number, last: number): string | null {
  const { texts, firstCol } = rowTexts(view, r, Math.max(last, view.width - 1));
  return texts.length === 1 && firstCol <= partnerCol ? (texts[0] as string) : null;
}

/** Row r above a header: the same text (or nothing) over every period column, the partner cell a partner header. */
function isGroupRow(view: SheetView, r: number, h: PeriodRow): boolean {
  if (r < 0 || view.isBlankRow(r)) return false;
  for (let c = 0; c < h.partnerCol; c++) if (view.text(r, c)) return false;
  if (!isPartnerHeader(view.text(r, h.partnerCol))) return false;
  const over = new Set(h.cols.map((c) => view.text(r, c)).filter((t) => t !== ''));
  if (over.size !== 1) return false;
  // A band (one text from the partner column on) is the section, not a group.
  return singleText(view, r, h.partnerCol, h.cols[h.cols.length - 1] as number) === null;
}

function sameColumns(a: PeriodRow, b: PeriodRow): boolean {
  return a.cols.length === b.cols.length && a.cols.every((c, i) => b.cols[i] === c);
}

/** Whether a header (perhaps under a group row) starts within a few rows below r. */
function headerBelow(view: SheetView, r: number, date1904: boolean): boolean {
  for (let k = r + 1; k <= r + BAND_LOOKAHEAD && k < view.height; k++) {
    if (view.isBlankRow(k)) continue;
    if (periodRow(view, k, date1904)) return true;
    const next = periodRow(view, k + 1, date1904);
    return next !== null && isGroupRow(view, k, next);
  }
  return false;
}

function spansColumns(view: SheetView, r: number, c: number): boolean {
  const m = view.merge(r, c);
  return m !== undefined && m.c1 > m.c0;
}

/** The lines of a calendar cell, each a milestone: bullets and list numbers dropped, spaces as one. */
export function milestoneLines(cell: Cell): string[] {
  if (typeof cell !== 'string') return [];
  const out: string[] = [];
  for (const line of cell.split(/\r\n|\r|\n|\u2028/)) {
    const text = line.replace(/[\s\u00a0]+/g, ' ').trim().replace(BULLETS, '').trim();
    if (LETTERS.test(text)) out.push(text);
  }
  return out;
}

/** The one calendar of a sheet (all its grids), or null when it holds none. */
export function findCalendar(view: SheetView, date1904: boolean): DraftCalendar | null {
  const grids: CalendarGrid[] = [];
  const items: DraftMilestone[] = [];
  const periods = new Map<string, CalendarPeriod>();
  let floor = 0;
  for (let r = 0; r < view.height; r++) {
    const h = periodRow(view, r, date1904);
    if (!h) continue;
    const lastCol = h.cols[h.cols.length - 1] as number;
    const headerRows = [r];
    let cells = h.cells;
    const lower = periodRow(view, r + 1, date1904);
    if (lower && sameColumns(h, lower)) {
      headerRows.push(r + 1);
      cells = h.cells.map((p, i) => combinePeriods(p, lower.cells[i] as PeriodCell));
    }
    if (r - 1 >= floor && isGroupRow(view, r - 1, h)) headerRows.unshift(r - 1);
    // The section: the nearest text above the header, when it is a band.
    let top = headerRows[0] as number;
    let section: string | null = null;
    for (let k = top - 1; k >= floor; k--) {
      if (view.isBlankRow(k)) continue;
      const band = singleText(view, k, h.partnerCol, lastCol);
      if (band !== null) {
        section = band.replace(/\s+/g, ' ');
        top = k;
      }
      break;
    }
    const gridPeriods = cells.map((p) => canonical(periods, p));

    const body: number[] = [];
    let blanks = 0;
    let k = (headerRows[headerRows.length - 1] as number) + 1;
    for (; k < view.height; k++) {
      if (view.isBlankRow(k, 0, lastCol)) {
        if (++blanks >= GAP_ENDING_A_GRID) break;
        continue;
      }
      blanks = 0;
      if (periodRow(view, k, date1904)) break;
      const band = singleText(view, k, h.partnerCol, lastCol);
      if (band !== null && (spansColumns(view, k, h.partnerCol) || headerBelow(view, k, date1904))) break;
      const partner = view.text(k, h.partnerCol).replace(/\s+/g, ' ');
      if (partner && isNotAnAction(partner)) break;
      body.push(k);
    }
    const rowItems: DraftMilestone[] = [];
    let previous = '';
    for (const b of body) {
      // A row with its partner cell left blank goes on with the partner above (an unmerged continuation).
      const partner = view.text(b, h.partnerCol).replace(/\s+/g, ' ') || previous;
      previous = partner;
      h.cols.forEach((c, i) => {
        for (const text of milestoneLines(view.sheet.rows[b]?.[c] ?? null)) {
          rowItems.push({ section, partner, period: gridPeriods[i] as CalendarPeriod, text, r: b, c });
        }
      });
    }
    // Marks in a timeline ("X", "✓") are not milestones: such a grid is not a calendar.
    if (!rowItems.length) continue;
    const bottom = body[body.length - 1] as number;
    grids.push({ top, bottom, first: h.partnerCol, last: lastCol, headerRows });
    items.push(...rowItems);
    floor = bottom + 1;
    r = bottom;
  }
  if (!grids.length) return null;
  const first = Math.min(...grids.map((g) => g.first));
  const last = Math.max(...grids.map((g) => g.last));
  return {
    sheet: view.name,
    range: rangeA1((grids[0] as CalendarGrid).top, first, (grids[grids.length - 1] as CalendarGrid).bottom, last),
    grids,
    periods: [...periods.values()].sort(byDue),
    items,
  };
}

/** One period object per period, whichever grid names it (first label wins). */
function canonical(periods: Map<string, CalendarPeriod>, p: PeriodCell): CalendarPeriod {
  const key = `${periodKey(p.text)}|${p.start ?? ''}|${p.end ?? ''}`;
  let hit = periods.get(key);
  if (!hit) periods.set(key, (hit = { label: p.text, start: p.start, end: p.end }));
  return hit;
}

function byDue(a: CalendarPeriod, b: CalendarPeriod): number {
  const ea = a.end ?? '9999-99-99';
  const eb = b.end ?? '9999-99-99';
  if (ea !== eb) return ea < eb ? -1 : 1;
  const sa = a.start ?? '';
  const sb = b.start ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return fold(a.label).localeCompare(fold(b.label), undefined, { numeric: true });
}

/** A1 address of a draft milestone's cell. */
export function draftCell(m: DraftMilestone): string {
  return a1(m.r, m.c);
}
