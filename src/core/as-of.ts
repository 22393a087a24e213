// The cut-off date a plan states about itself ("Corte: 31 de mayo de 2021", "Fecha de corte:" | 31/05/2021,
// "Tracking as of 30 June 2023"), read from the title rows above a plan's table. Hosts use it as the as-of
// date when the user gave none; an explicit date always wins, and today is the last resort.
import { parseDeadline, type ParsedDeadline } from './deadline';
import { a1, isBlank, type Cell, type WorkbookGrid } from './grid';
import { sheetCalendar } from './calendar';
import { frameworkRows } from './framework';
import { headerAt } from './header';
import { SheetView } from './sheet-view';
import { fold } from './text';
import { AS_OF_LABELS, AS_OF_LEADING_LABELS } from './vocab/as-of';

/** Where the as-of date of a check came from. */
export interface AsOfSource {
  readonly kind: 'option' | 'workbook' | 'today';
  /** The sheet and cell holding the date (workbook only). */
  readonly sheet: string | null;
  readonly cell: string | null;
  /** The label and date as the sheet shows them (workbook only). */
  readonly text: string | null;
}

export interface FoundAsOf {
  readonly date: string;
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
}

/** Title rows are read down to the table's header, at most this many rows. */
const MAX_TITLE_ROWS = 40;
/** A label alone in its cell: the date is in one of the next cells to its right (or the cell below). */
const NEXT_CELLS = 3;
/** More words than this after a label is prose: only its head is read as a date. */
const MAX_DATE_WORDS = 7;

const GAP = '[^\\p{L}\\p{N}]+';
const labelAlternation = (labels: readonly string[]): string =>
  [...labels]
    .map((l) => fold(l).split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(GAP))
    .sort((a, b) => b.length - a.length)
    .join('|');

/** A label at a word start, not followed by more letters; the date follows the match. */
const LABEL_RE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${labelAlternation(AS_OF_LABELS)})(?![\\p{L}\\p{N}])`, 'u');
const LEADING_RE = new RegExp(`^(?:${labelAlternation(AS_OF_LEADING_LABELS)})(?![\\p{L}\\p{N}])`, 'u');
/** What may sit between a label and its date: "Corte: ", "as of — ", "al ". */
const LEAD_PUNCT = /^[\s:.=\-–—]+/;

/** The day a cut-off cell states: a real date, a serial, or text naming one day (or one month: its last day). */
export function dateOfCell(v: Cell, date1904: boolean): string | null {
  if (isBlank(v) || typeof v === 'boolean') return null;
  if (typeof v === 'string') return dateOfText(v);
  const p = parseDeadline(v, { date1904 });
  return p.kind === 'date' && !p.fromText ? p.date : null;
}

function oneDay(p: ParsedDeadline): string | null {
  if (p.kind === 'date') return p.date;
  // "Corte: mayo 2021": a one-month period stands for its last day.
  if (p.kind === 'period' && p.start && p.date && p.start.slice(0, 7) === p.date.slice(0, 7)) return p.date;
  return null;
}

/** The date at the start of a text ("31 de mayo de 2021 – versión final"), or null. */
function dateOfText(text: string): string | null {
  const words = text.trim().split(/\s+/);
  if (!words[0]) return null;
  for (let n = Math.min(words.length, MAX_DATE_WORDS); n >= 1; n--) {
    const head = words.slice(0, n).join(' ').replace(/[\s,;:.(–—-]+$/, '');
    if (!head) continue;
    const day = oneDay(parseDeadline(head, { date1904: false }));
    if (day) return day;
  }
  return null;
}

/** What follows a cut-off label in a cell's text, or null when the cell has no such label. */
export function afterAsOfLabel(text: string): string | null {
  if (text.length > 200) return null;
  const folded = fold(text);
  const m = LEADING_RE.exec(folded) ?? LABEL_RE.exec(folded);
  if (!m) return null;
  return folded.slice(m.index + m[0].length).replace(LEAD_PUNCT, '');
}

/** The cut-off date one cell states with its label, and the cell holding the date. */
function cutOffAt(view: SheetView, r: number, c: number, date1904: boolean): { date: string; r: number; c: number } | null {
  const own = view.raw(r, c);
  if (typeof own !== 'string') return null;
  const rest = afterAsOfLabel(own);
  if (rest === null) return null;
  if (rest) {
    const day = dateOfText(rest);
    return day ? { date: day, r, c } : null;
  }
  // "Fecha de corte:" alone: the date is in the next filled cell to the right, or just below.
  for (let k = c + 1; k <= c + NEXT_CELLS && k < view.width; k++) {
    const v = view.raw(r, k);
    if (isBlank(v)) continue;
    const day = dateOfCell(v, date1904);
    return day ? { date: day, r, c: k } : null;
  }
  const below = dateOfCell(view.raw(r + 1, c), date1904);
  return below ? { date: below, r: r + 1, c } : null;
}

/**
 * The cut-off date stated above a checked table: the first labelled date in the title rows of the first sheet
 * (or `sheet`) that holds a key-action header, a results framework or a milestone calendar within its first
 * rows. Null when none states one.
 */
export function findAsOf(wb: WorkbookGrid, opts: { sheet?: string } = {}): FoundAsOf | null {
  for (const sheet of wb.sheets) {
    if (sheet.createdByTablero) continue;
    if (opts.sheet !== undefined && sheet.name !== opts.sheet) continue;
    const view = new SheetView(sheet);
    // A results framework or a milestone calendar is a table Tablero checks too: its title rows count.
    const other = otherTableStart(view, wb.date1904);
    const last = Math.min(view.height, MAX_TITLE_ROWS, other ?? Infinity);
    let found: FoundAsOf | null = null;
    for (let r = 0; r < last; r++) {
      if (headerAt(view, r)) {
        if (found) return found;
        break; // a plan sheet without a stated cut-off: the next sheet may state one
      }
      if (found || view.isBlankRow(r)) continue;
      for (let c = 0; c < view.width && !found; c++) {
        // A merged title repeats its text: read each text once.
        if (c > 0 && view.merge(r, c) && view.merge(r, c) === view.merge(r, c - 1)) continue;
        const hit = cutOffAt(view, r, c, wb.date1904);
        if (!hit) continue;
        const label = view.text(r, c);
        const dateText = hit.r === r && hit.c === c ? '' : displayText(view.raw(hit.r, hit.c), view.text(hit.r, hit.c), wb.date1904);
        found = { date: hit.date, sheet: sheet.name, cell: a1(hit.r, hit.c), text: dateText ? `${label} ${dateText}` : label };
      }
    }
    if (found && other !== null && last === other) return found;
  }
  return null;
}

/** The first row of a results framework or milestone calendar within the title-row window, or null. */
function otherTableStart(view: SheetView, date1904: boolean): number | null {
  let first: number | null = null;
  for (const f of frameworkRows(view, date1904)) first = Math.min(first ?? f.start, f.start);
  const calendar = sheetCalendar(view, date1904);
  for (const g of calendar?.grids ?? []) first = Math.min(first ?? g.top, g.top);
  return first !== null && first < MAX_TITLE_ROWS ? first : null;
}

/** A date cell as text for the source line: real dates as ISO (the serial means nothing to a reader). */
function displayText(v: Cell, text: string, date1904: boolean): string {
  if (typeof v === 'string') return text;
  return dateOfCell(v, date1904) ?? text;
}

/** The as-of date of a check: the user's, else the workbook's stated cut-off, else today. */
export function resolveAsOf(
  wb: WorkbookGrid,
  opts: { readonly option?: string | null; readonly today: string; readonly sheet?: string },
): { asOf: string; source: AsOfSource } {
  if (opts.option) return { asOf: opts.option, source: { kind: 'option', sheet: null, cell: null, text: null } };
  const found = findAsOf(wb, opts.sheet !== undefined ? { sheet: opts.sheet } : {});
  if (found) return { asOf: found.date, source: { kind: 'workbook', sheet: found.sheet, cell: found.cell, text: found.text } };
  return { asOf: opts.today, source: { kind: 'today', sheet: null, cell: null, text: null } };
}

const AUTO = 'auto:';

/**
 * An as-of choice carried as one string where a date travels (the pane's state, worker messages, the ribbon):
 * `auto:` + today means "the workbook's stated cut-off, else today"; a bare date is one the user picked.
 */
export function autoAsOf(today: string): string {
  return `${AUTO}${today}`;
}

/** resolveAsOf() for a choice string (see autoAsOf). */
export function resolveAsOfChoice(wb: WorkbookGrid, choice: string, sheet?: string): { asOf: string; source: AsOfSource } {
  if (!choice.startsWith(AUTO)) return resolveAsOf(wb, { option: choice, today: choice });
  return resolveAsOf(wb, sheet !== undefined ? { today: choice.slice(AUTO.length), sheet } : { today: choice.slice(AUTO.length) });
}
