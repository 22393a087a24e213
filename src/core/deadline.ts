// Reads one deadline cell: a real date, a date or period typed as text, a continuous action, no deadline,
// or something that is not a deadline. Runs on every action row, so every table is compiled once, here.
//
// How text is read (fold() first: lower case, no accents; <p> tags and line breaks dropped):
// 1. nothing but punctuation, or a "no deadline" phrase (MISSING_*)          → missing
// 2. a continuous word or "durante todo el programa"-style phrase            → continuous
// 3. one date or period, or a range of two ("feb. - abr. 2020")               → date / period
//    (a trailing "(…)" holds the dates when what precedes it is a label such as "Trimestre 7")
// 4. shaped like a date but not a real day ("31/02/2024", "2024-13-01")       → invalid, impossible_date
// 5. anything else ("cuando haya fondos", "Trimestre 7")                      → invalid, unrecognised
//
// Day and month order of numeric dates ("04/05/2024"): day first unless opts.dayFirst is false. When only
// one order gives a real day ("03/15/2024", "15/03/2024") that order is read, whatever the option says.
import type { Cell } from './grid';
import { isDateCell, isErrorCell } from './grid';
import type { DeadlineKind } from './model';
import { fold, stripTags } from './text';
import { expandTwoDigitYear, isPhantomSerial, isValidYMD, maxSerial, monthEndISO, serialToISO, toISO } from './dates';
import { textCache } from './caches';
import {
  CONTINUOUS_WORDS, FILLER_WORDS, LABEL_WORDS, LEAD_WORDS, MISSING_EXACT, MISSING_LEADS, MONTH_MIN_PREFIX,
  MONTH_NAMES, ORDINAL_SUFFIXES, ORDINAL_WORDS, PERIOD_UNITS, PROGRAMME_NOUNS, PROGRAMME_SPAN_LEADS, RANGE_WORDS,
} from './vocab/deadlines';

export interface ParsedDeadline {
  readonly kind: DeadlineKind;
  /** Due day YYYY-MM-DD (a period's last day); null for continuous, missing and invalid. */
  readonly date: string | null;
  /** A period's first day (a date: the date itself); else null. */
  readonly start: string | null;
  /** The cell as the user sees it, on one line: the text typed (tags dropped, spaces and line breaks as one space), or a real date's ISO form. */
  readonly text: string;
  /** True when a date or period was read out of a text cell. */
  readonly fromText: boolean;
  /** Why the cell is invalid. */
  readonly reason?: 'impossible_date' | 'unrecognised' | 'error_value' | 'phantom_day';
}

export interface DeadlineOptions {
  /** The workbook uses the 1904 date system. */
  readonly date1904: boolean;
  /** Numeric dates are day first ("15/03/2024"), as in es/pt tables. Default true. */
  readonly dayFirst?: boolean;
}

type Reason = NonNullable<ParsedDeadline['reason']>;

/** A bare number from this serial on (1954-10-03) is a date without its format; below, a count or a typo. */
const MIN_BARE_SERIAL = 20_000;
/** A bare whole number in this span is a year ("2024"). */
const MIN_BARE_YEAR = 1900;
const MAX_BARE_YEAR = 2100;
/** More tokens than this is prose, not a date or a range of two. */
const MAX_TOKENS = 14;
/** Longer text is prose: not read as a date, nor searched for a programme noun (keeps long cells cheap). */
const MAX_DATE_CHARS = 120;
const MAX_SPAN_CHARS = 200;
/** Only the head of a long cell is folded: every phrase read at the start is far shorter. */
const MAX_HEAD_CHARS = 240;

// ---------------------------------------------------------------------------------------------------
// Vocabularies, compiled.

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Letters and digits only, single spaces: how phrases are compared. */
function words(s: string): string {
  return fold(s).replace(NOT_WORD, ' ').trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest first, so that "durante todo el" is tried before "durante el". */
function alternation(phrases: readonly string[]): string {
  const keys = [...new Set(phrases.map(words))].filter((k) => k !== '');
  keys.sort((a, b) => b.length - a.length);
  return keys.map(escapeRe).join('|');
}

const MISSING_EXACT_SET: ReadonlySet<string> = new Set(MISSING_EXACT.map(words));
const MISSING_LEAD_RE = new RegExp(`^(?:${alternation(MISSING_LEADS)})(?: |$)`);
const CONTINUOUS_RE = new RegExp(`^(?:${alternation(CONTINUOUS_WORDS)})(?: |$)`);
const PROGRAMME_SPAN_RE = new RegExp(
  `^(?:${alternation(PROGRAMME_SPAN_LEADS)}) (?:.* )?(?:${alternation(PROGRAMME_NOUNS)})(?: |$)`,
);

/** Every name and every prefix of 3+ letters of a full name → month; a prefix two months share is dropped. */
export const MONTH_BY_WORD: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const shared = new Set<string>();
  const add = (k: string, month: number): void => {
    const prev = map.get(k);
    if (prev !== undefined && prev !== month) shared.add(k);
    else map.set(k, month);
  };
  for (const { month, names } of MONTH_NAMES) {
    for (const name of names) {
      const k = fold(name);
      add(k, month);
      for (let n = MONTH_MIN_PREFIX; n < k.length; n++) add(k.slice(0, n), month);
    }
  }
  for (const k of shared) map.delete(k);
  return map;
})();

const UNIT_BY_WORD: ReadonlyMap<string, number> = new Map(
  PERIOD_UNITS.flatMap((row) => row.words.map((w) => [fold(w), row.months] as const)),
);
const ORDINAL_BY_WORD: ReadonlyMap<string, number> = new Map(
  ORDINAL_WORDS.flatMap((row) => row.words.map((w) => [fold(w), row.value] as const)),
);
const foldSet = (list: readonly string[]): ReadonlySet<string> => new Set(list.map(fold));
const FILLERS = foldSet(FILLER_WORDS);
const LEADS = foldSet(LEAD_WORDS);
const RANGES = foldSet(RANGE_WORDS);
const LABELS = foldSet(LABEL_WORDS);
const SUFFIXES = foldSet(ORDINAL_SUFFIXES);

/** Runs of spaces, line breaks and non-breaking spaces: the text a cell shows is kept on one line. */
const SPACE_RUN = /[\s\u00a0\u2007\u202f\u200b]+/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
/** A time of day after the date ("2024-03-15 00:00:00", "2024-03-15T10:30Z", "15/03/2024 3:00 p.m."). */
const TIME_OF_DAY = /(?:\s+|(?<=\d)t)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?\s?m\.?)?(?:z|[+-]\d{2}:?\d{2})?$/;
/** "A (B)": B in parentheses at the end. */
const TRAILING_PARENS = /^([^()]*)\(([^()]*)\)[\s.]*$/;
const TOKEN_RE = /(\d+)|(\p{L}+)|([^\p{L}\d]+)/gu;
/** Separators of numeric dates: 15/03/2024, 31-12-2024, 15.03.2024. */
const DATE_SEPS: ReadonlySet<string> = new Set(['-', '/', '.']);
/** Separators that make "Mar-24" a month and year rather than March 24 (no year). */
const MONTH_YEAR_SEPS: ReadonlySet<string> = new Set(['-', '/', '.', "'"]);
/** Shapes of a label in front of "(dates)": "Trimestre 7", "T2", "Hito 3", "3". */
const LABEL_SHAPES: ReadonlySet<string> = new Set(['', 'n', 'l', 'un', 'nu', 'ou', 'uo', 'ln', 'nl', 'lo', 'ol']);

// ---------------------------------------------------------------------------------------------------
// Tokens.

/**
 * y: year (4 digits, 1000–9999), n: 1–2 digits, z: other number, m: month, u: part of a year (months in v),
 * o: ordinal, r: range word, l: label word, x: any other word.
 */
type TokType = 'y' | 'n' | 'z' | 'm' | 'u' | 'o' | 'r' | 'l' | 'x';
interface Tok {
  readonly t: TokType;
  readonly v: number;
  /** What stood before it, trimmed ("" glued, " " only spaces, "-", "/", ". -"...). */
  readonly sep: string;
}
const NO_TOK: Tok = { t: 'x', v: 0, sep: '' };

function wordType(w: string): { t: TokType; v: number } {
  const month = MONTH_BY_WORD.get(w);
  if (month !== undefined) return { t: 'm', v: month };
  const unit = UNIT_BY_WORD.get(w);
  if (unit !== undefined) return { t: 'u', v: unit };
  const ord = ORDINAL_BY_WORD.get(w);
  if (ord !== undefined) return { t: 'o', v: ord };
  if (RANGES.has(w)) return { t: 'r', v: 0 };
  if (LABELS.has(w)) return { t: 'l', v: 0 };
  return { t: 'x', v: 0 };
}

/** Tokens of a folded string, fillers and ordinal endings dropped, lead words at the start dropped; null when too long. */
function tokenize(s: string): Tok[] | null {
  const out: Tok[] = [];
  let sep = '';
  let afterNumber = false;
  for (const m of s.matchAll(TOKEN_RE)) {
    const [, digits, word, gap] = m;
    if (gap !== undefined) {
      sep += gap;
      afterNumber = false;
      continue;
    }
    if (out.length >= MAX_TOKENS) return null;
    const cut = sep.trim();
    const tokSep = cut !== '' ? cut : sep !== '' ? ' ' : '';
    if (digits !== undefined) {
      const v = Number(digits);
      const t: TokType = digits.length === 4 && v >= 1000 ? 'y' : digits.length <= 2 ? 'n' : 'z';
      out.push({ t, v, sep: tokSep });
      sep = '';
      afterNumber = true;
      continue;
    }
    if (word === undefined) continue;
    // "1er", "2do", "3º", "1st": the ending glued to a number says nothing more.
    if (afterNumber && sep === '' && SUFFIXES.has(word)) continue;
    afterNumber = false;
    if (FILLERS.has(word)) {
      sep += ' ';
      continue;
    }
    if (out.length === 0 && LEADS.has(word)) {
      sep = '';
      continue;
    }
    const { t, v } = wordType(word);
    out.push({ t, v, sep: tokSep });
    sep = '';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// One end of a deadline: a day, or a run of whole months (a month, a quarter, a semester, a year).

type End =
  | { readonly u: 'day'; readonly y: number | null; readonly m: number | null; readonly d: number }
  | { readonly u: 'months'; readonly y: number | null; readonly m0: number; readonly m1: number };
const IMPOSSIBLE = 'impossible';
type EndResult = End | typeof IMPOSSIBLE | null;

interface Span {
  readonly kind: 'date' | 'period';
  readonly start: string;
  readonly end: string;
}
type SpanResult = Span | typeof IMPOSSIBLE | null;

function day(y: number | null, m: number | null, d: number): EndResult {
  if (d < 1 || d > 31 || (m !== null && (m < 1 || m > 12))) return IMPOSSIBLE;
  return { u: 'day', y, m, d };
}

function months(y: number | null, m0: number, m1: number): EndResult {
  if (m0 < 1 || m1 > 12) return IMPOSSIBLE;
  return { u: 'months', y, m0, m1 };
}

/** Part `index` (1-based) of a year cut into parts of `size` months; an index past the last part is not one. */
function part(y: number | null, size: number, index: number): EndResult {
  if (!Number.isInteger(index) || index < 1 || index > 12 / size) return null;
  return months(y, (index - 1) * size + 1, index * size);
}

/** Day and month of a numeric date: the configured order, or the other one when only it gives a real month. */
function dayMonth(a: number, b: number, y: number, dayFirst: boolean): EndResult {
  const [d, m] = dayFirst ? [a, b] : [b, a];
  if (m > 12 && d <= 12) return day(y, d, m);
  return day(y, m, d);
}

function year2(v: number, t: TokType): number {
  return t === 'n' ? expandTwoDigitYear(v) : v;
}

function end(toks: readonly Tok[], a: number, b: number, dayFirst: boolean): EndResult {
  if (b - a < 1 || b - a > 4) return null;
  const t0 = toks[a] ?? NO_TOK, t1 = toks[a + 1] ?? NO_TOK, t2 = toks[a + 2] ?? NO_TOK;
  let shape = '';
  for (let i = a; i < b; i++) shape += (toks[i] ?? NO_TOK).t;
  const numericSeps = DATE_SEPS.has(t1.sep) && t2.sep === t1.sep;
  switch (shape) {
    case 'y': return months(t0.v, 1, 12);
    case 'm': return months(null, t0.v, t0.v);
    case 'n': return t0.v >= 1 && t0.v <= 31 ? day(null, null, t0.v) : null;
    case 'my': return months(t1.v, t0.v, t0.v);
    case 'ym': return months(t0.v, t1.v, t1.v);
    case 'mn': return MONTH_YEAR_SEPS.has(t1.sep) ? months(expandTwoDigitYear(t1.v), t0.v, t0.v) : day(null, t0.v, t1.v);
    case 'nm': return day(null, t1.v, t0.v);
    case 'yn': return DATE_SEPS.has(t1.sep) ? months(t0.v, t1.v, t1.v) : null;
    case 'ny': return DATE_SEPS.has(t1.sep) ? months(t1.v, t0.v, t0.v) : null;
    case 'ynn': return numericSeps ? day(t0.v, t1.v, t2.v) : null;
    case 'nny':
    case 'nnn': return numericSeps ? dayMonth(t0.v, t1.v, year2(t2.v, t2.t), dayFirst) : null;
    case 'nmy':
    case 'nmn': return day(year2(t2.v, t2.t), t1.v, t0.v);
    case 'mny': return day(t2.v, t0.v, t1.v);
    case 'un':
    case 'uo': return part(null, t0.v, t1.v);
    case 'nu':
    case 'ou': return part(null, t1.v, t0.v);
    case 'uny':
    case 'uoy': return part(t2.v, t0.v, t1.v);
    case 'nuy':
    case 'ouy': return part(t2.v, t1.v, t0.v);
    case 'yun':
    case 'yuo': return part(t0.v, t1.v, t2.v);
    case 'ynu':
    case 'you': return part(t0.v, t2.v, t1.v);
    default: return null;
  }
}

function startISO(e: End & { y: number }): string | null {
  if (e.u === 'months') return toISO(e.y, e.m0, 1);
  return e.m !== null && isValidYMD(e.y, e.m, e.d) ? toISO(e.y, e.m, e.d) : null;
}

function endISO(e: End & { y: number }): string | null {
  if (e.u === 'months') return monthEndISO(e.y, e.m1);
  return startISO(e);
}

function hasYear(e: End): e is End & { y: number } {
  return e.y !== null && (e.u === 'months' || e.m !== null);
}

/** Month and day as one number, to order two ends of the same year. */
function monthDayKey(e: End): number {
  return e.u === 'months' ? e.m0 * 100 : (e.m ?? 0) * 100 + e.d;
}

function single(e: EndResult): SpanResult {
  if (e === null) return null;
  if (e === IMPOSSIBLE) return IMPOSSIBLE;
  if (!hasYear(e)) return null;
  const start = startISO(e), last = endISO(e);
  if (start === null || last === null) return IMPOSSIBLE;
  return { kind: e.u === 'day' ? 'date' : 'period', start, end: last };
}

/** "feb - abr 2020": the left end borrows what it lacks (year, month) from the right one. */
function range(left: EndResult, right: EndResult): SpanResult {
  if (left === IMPOSSIBLE || right === IMPOSSIBLE) return IMPOSSIBLE;
  if (left === null || right === null || !hasYear(right)) return null;
  let l: End = left;
  if (l.u === 'day' && l.m === null) {
    // "del 1 al 15 de marzo de 2024"
    if (right.u !== 'day') return null;
    l = { u: 'day', y: l.y ?? right.y, m: right.m, d: l.d };
  } else if (l.y === null) {
    // "nov. - feb. 2021" starts in November 2020.
    const y = monthDayKey(l) > monthDayKey(right) ? right.y - 1 : right.y;
    l = { ...l, y };
  }
  if (!hasYear(l)) return null;
  const start = startISO(l), last = endISO(right);
  if (start === null || last === null || start > last) return IMPOSSIBLE;
  return { kind: 'period', start, end: last };
}

/** One end, or two ends around a dash or a range word; the first reading that works wins. */
function spanOfTokens(toks: readonly Tok[], dayFirst: boolean): SpanResult {
  const n = toks.length;
  if (n === 0) return null;
  const whole = single(end(toks, 0, n, dayFirst));
  if (whole !== null && whole !== IMPOSSIBLE) return whole;
  let impossible = whole === IMPOSSIBLE;
  for (let i = 1; i < n; i++) {
    const t = toks[i] ?? NO_TOK;
    let rightFrom: number;
    if (t.t === 'r') rightFrom = i + 1;
    else if (t.sep.includes('-')) rightFrom = i;
    else continue;
    const r = range(end(toks, 0, i, dayFirst), end(toks, rightFrom, n, dayFirst));
    if (r === IMPOSSIBLE) impossible = true;
    else if (r !== null) return r;
  }
  return impossible ? IMPOSSIBLE : null;
}

function spanOf(s: string, dayFirst: boolean): SpanResult {
  const toks = tokenize(s.replace(TIME_OF_DAY, ''));
  return toks === null ? null : spanOfTokens(toks, dayFirst);
}

function isLabel(s: string): boolean {
  const toks = tokenize(s);
  return toks !== null && LABEL_SHAPES.has(toks.map((t) => t.t).join(''));
}

/** "Trimestre 7 (Abr – Jun 2011)": the parentheses hold the dates when what precedes them is only a label. */
function readSpan(folded: string, dayFirst: boolean): SpanResult {
  const p = TRAILING_PARENS.exec(folded);
  if (!p) return spanOf(folded, dayFirst);
  const outer = p[1] ?? '', inner = p[2] ?? '';
  const before = spanOf(outer, dayFirst);
  // "30/06/2024 (tentativa)": the date outside wins, the parentheses hold a note.
  if (before !== null && before !== IMPOSSIBLE) return before;
  if (isLabel(outer)) return spanOf(inner, dayFirst);
  return before;
}

// ---------------------------------------------------------------------------------------------------
// Results.

function invalid(text: string, reason: Reason): ParsedDeadline {
  return { kind: 'invalid', date: null, start: null, text, fromText: false, reason };
}

function noDate(kind: 'missing' | 'continuous', text: string): ParsedDeadline {
  return { kind, date: null, start: null, text, fromText: false };
}

function fromSpan(s: Span, text: string, fromText: boolean): ParsedDeadline {
  return { kind: s.kind, date: s.end, start: s.start, text, fromText };
}

function parseNumber(v: number, date1904: boolean): ParsedDeadline {
  const text = String(v);
  if (Number.isInteger(v) && v >= MIN_BARE_YEAR && v <= MAX_BARE_YEAR) {
    return fromSpan({ kind: 'period', start: toISO(v, 1, 1), end: toISO(v, 12, 31) }, text, false);
  }
  if (v >= MIN_BARE_SERIAL && Math.floor(v) <= maxSerial(date1904)) {
    const iso = serialToISO(v, date1904);
    if (iso !== null) return fromSpan({ kind: 'date', start: iso, end: iso }, text, false);
  }
  return invalid(text, 'unrecognised');
}

function parseDateCell(serial: number, date1904: boolean): ParsedDeadline {
  // Excel shows the phantom day as 29 Feb 1900; no such day exists.
  if (isPhantomSerial(serial, date1904)) return invalid('1900-02-29', 'phantom_day');
  const iso = Number.isFinite(serial) && Math.floor(serial) <= maxSerial(date1904) ? serialToISO(serial, date1904) : null;
  if (iso === null) return invalid(String(serial), 'impossible_date');
  return fromSpan({ kind: 'date', start: iso, end: iso }, iso, false);
}

/** Bound on each parse cache (cleared when full). */
const PARSED_TEXT_LIMIT = 20_000;
const parsedSerial = [new Map<number, ParsedDeadline>(), new Map<number, ParsedDeadline>()];

/** Real dates repeat too (a plan has a few dozen distinct deadlines): one result per serial. */
function parseDateCellCached(serial: number, date1904: boolean): ParsedDeadline {
  const cache = parsedSerial[date1904 ? 1 : 0] as Map<number, ParsedDeadline>;
  const hit = cache.get(serial);
  if (hit) return hit;
  const parsed = parseDateCell(serial, date1904);
  if (cache.size >= PARSED_TEXT_LIMIT) cache.clear();
  cache.set(serial, parsed);
  return parsed;
}

function parseString(raw: string, dayFirst: boolean): ParsedDeadline {
  const text = stripTags(raw).replace(SPACE_RUN, ' ').trim();
  const long = text.length > MAX_HEAD_CHARS;
  const folded = fold(long ? text.slice(0, MAX_HEAD_CHARS) : text);
  const w = folded.replace(NOT_WORD, ' ').trim();
  if ((w === '' && !long) || MISSING_EXACT_SET.has(w) || MISSING_LEAD_RE.test(w)) return noDate('missing', text);
  if (CONTINUOUS_RE.test(w) || (text.length <= MAX_SPAN_CHARS && PROGRAMME_SPAN_RE.test(w))) return noDate('continuous', text);
  if (long || folded.length > MAX_DATE_CHARS) return invalid(text, 'unrecognised');
  const span = readSpan(folded.replace(DASHES, '-'), dayFirst);
  if (span === IMPOSSIBLE) return invalid(text, 'impossible_date');
  if (span === null) return invalid(text, 'unrecognised');
  return fromSpan(span, text, true);
}

// Results are immutable and plans repeat the same deadline texts: parse each text once.
const parsedText = [textCache<ParsedDeadline>(), textCache<ParsedDeadline>()];

function parseStringCached(raw: string, dayFirst: boolean): ParsedDeadline {
  const cache = parsedText[dayFirst ? 1 : 0] as Map<string, ParsedDeadline>;
  const hit = cache.get(raw);
  if (hit) return hit;
  const parsed = parseString(raw, dayFirst);
  if (cache.size >= PARSED_TEXT_LIMIT) cache.clear();
  cache.set(raw, parsed);
  return parsed;
}

/** Reads a deadline cell. Never throws: whatever the cell holds is a result. */
export function parseDeadline(cell: Cell, opts: DeadlineOptions): ParsedDeadline {
  const date1904 = opts.date1904 === true;
  const dayFirst = opts.dayFirst !== false;
  // undefined too: a ragged row read past its end.
  if (cell === null || cell === undefined) return noDate('missing', '');
  if (typeof cell === 'string') return parseStringCached(cell, dayFirst);
  if (typeof cell === 'number') return parseNumber(cell, date1904);
  if (typeof cell === 'boolean') return invalid(cell ? 'TRUE' : 'FALSE', 'unrecognised');
  if (isErrorCell(cell)) return invalid(String(cell.code), 'error_value');
  if (isDateCell(cell)) return parseDateCellCached(cell.serial, date1904);
  return invalid('', 'unrecognised');
}
