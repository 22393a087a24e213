// The rules of a results framework, each a small pure function: reading a value cell, % met, bands,
// how periods add up to date.
import { isDateCell, isErrorCell, type Cell } from '../grid';
import { numberedPeriod } from '../calendar/periods';
import { monthEndISO, toISO } from '../dates';
import { parseNumberText, type NumberKind } from '../rollup/numbers';
import { parseYesNo } from '../rollup/vocab';
import { fold } from '../text';
import type { Band, BandScheme, Direction } from './model';
import type { AccumulationKind } from './vocab';

/** A value cell as read: a number (typed, or read out of text such as "11,5"), an answer, or nothing. */
export interface ReadValue {
  readonly number: number | null;
  /** The cell's text ('' when blank); for numbers typed as numbers, their digits. */
  readonly text: string;
  readonly blank: boolean;
  /** The number was read out of text. */
  readonly fromText: boolean;
}

/** Cells that mean "no figure" rather than a figure: read as blank without a finding about numbers. */
const NO_FIGURE = /^[\s\-–—.]*$/;

/**
 * `kind` settles "1.500": a thousands group in a count or amount (1500), a decimal in a percentage (1.5);
 * "11,5" is eleven and a half either way.
 */
export function readValue(v: Cell | undefined, kind: NumberKind = 'count'): ReadValue {
  if (v === null || v === undefined) return { number: null, text: '', blank: true, fromText: false };
  if (typeof v === 'number') return { number: Number.isFinite(v) ? v : null, text: String(v), blank: false, fromText: false };
  if (typeof v === 'boolean') return { number: null, text: v ? 'TRUE' : 'FALSE', blank: false, fromText: false };
  if (isErrorCell(v)) return { number: null, text: v.code, blank: false, fromText: false };
  if (isDateCell(v)) return { number: null, text: String(v.serial), blank: false, fromText: false };
  const text = v.trim();
  if (!text) return { number: null, text: '', blank: true, fromText: false };
  if (NO_FIGURE.test(text)) return { number: null, text, blank: false, fromText: false };
  const n = parseNumberText(text, kind);
  return { number: n, text, blank: false, fromText: n !== null };
}

/**
 * % met: actual ÷ target; for a decreasing indicator with a baseline, (baseline − actual) ÷ (baseline − target)
 * — the share of the planned reduction achieved. Without a baseline a decrease reads target ÷ actual.
 * Null when the division has no meaning (a zero target, a baseline equal to the target).
 */
export function percentMet(target: number, actual: number, direction: Direction, baseline: number | null): number | null {
  if (direction === 'decrease') {
    if (baseline !== null) return baseline === target ? null : (baseline - actual) / (baseline - target);
    return actual === 0 ? null : target / actual;
  }
  return target === 0 ? null : actual / target;
}

/** The band of a % met, decided on the unrounded value. */
export function bandOf(p: number | null, scheme: BandScheme = 'toladata'): Band {
  if (p === null || !Number.isFinite(p)) return 'no_data';
  if (p < 0.85) return 'under';
  if (p > 1.15) return 'over';
  if (scheme === 'semaforo' && Math.abs(p - 1) > 0.05 + 1e-12) return 'at_risk';
  return 'on_track';
}

/** Two answers are the same: both yes/no words with the same meaning, or the same text folded. */
export function sameAnswer(a: string, b: string): boolean {
  const x = parseYesNo(a);
  const y = parseYesNo(b);
  if (x !== null && y !== null) return x === y;
  return fold(a) === fold(b);
}

/** How the periods to date add up: flows sum; cumulative figures, percentages and answers take the latest. */
export function toDateRule(kind: AccumulationKind, measure: 'unit' | 'percentage' | 'qualitative'): 'sum' | 'latest' {
  return kind === 'flow' && measure === 'unit' ? 'sum' : 'latest';
}

/**
 * A numbered period of the framework's own timeline ("Año 1", "Year 2", "Semestre 3", "Trimestre 5", "Mes 18")
 * dated from the baseline's year: the timeline starts on 1 January of the year after it ("Línea base 2016":
 * Año 1 is 2017, Semestre 3 is January–June 2018). Null when the label is not a numbered period or no year is known.
 */
export function anchorNumberedPeriod(label: string, baselineYear: string | null): { start: string; end: string } | null {
  const n = numberedPeriod(label);
  const year = baselineYear !== null ? Number(baselineYear) : NaN;
  if (!n || !Number.isInteger(year)) return null;
  const first = (year + 1) * 12 + (n.index - 1) * n.months;
  const last = first + n.months - 1;
  return { start: toISO(Math.floor(first / 12), (first % 12) + 1, 1), end: monthEndISO(Math.floor(last / 12), (last % 12) + 1) };
}

/** Two numbers equal up to floating-point noise (0.1 + 0.2 against 0.3). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
