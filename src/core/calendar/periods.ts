// One header cell of a calendar as a period: a month range or a dated period ("Oct – Dic 2010",
// "Q1 2024", "S2 2025", "2026", "Marzo 2024": src/core/deadline.ts reads them), a fiscal quarter
// ("Q3 FY24"), or a numbered part of the plan's own timeline with no dates ("Trimestre 5").
import { parseDeadline } from '../deadline';
import { monthEndISO, toISO } from '../dates';
import type { Cell } from '../grid';
import { fold } from '../text';
import { FISCAL_YEAR_START_MONTH, FISCAL_YEAR_WORDS, PERIOD_LABEL_UNITS } from '../vocab/calendar';

export interface PeriodCell {
  /** The cell's text on one line. */
  readonly text: string;
  readonly start: string | null;
  readonly end: string | null;
}

/** Header cells are short; a long cell is a milestone, not a period. */
const MAX_PERIOD_CHARS = 40;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: readonly string[]): string =>
  [...new Set(words.map(fold))].sort((a, b) => b.length - a.length).map(escapeRe).join('|');

const UNIT_MONTHS: ReadonlyMap<string, number> = new Map(PERIOD_LABEL_UNITS.flatMap((u) => u.words.map((w) => [fold(w), u.months] as const)));
const UNITS = alternation(PERIOD_LABEL_UNITS.flatMap((u) => u.words));
const FISCAL = alternation(FISCAL_YEAR_WORDS);
/** "q3 fy24", "t2 af 2011", "quarter 1, fy 2025" (folded). */
const UNIT_THEN_FISCAL = new RegExp(`^(${UNITS})\\s*[-.]?\\s*(\\d{1,2})\\s*[-/,]?\\s*(?:${FISCAL})\\s*[-']?\\s*(\\d{4}|\\d{2})$`);
/** "fy24 q3", "fy 2025 - q1". */
const FISCAL_THEN_UNIT = new RegExp(`^(?:${FISCAL})\\s*[-']?\\s*(\\d{4}|\\d{2})\\s*[-/,]?\\s*(${UNITS})\\s*[-.]?\\s*(\\d{1,2})$`);
/** "trimestre 5", "q7", "year 2", "mes 18". */
const NUMBERED = new RegExp(`^(${UNITS})\\s*[-.]?\\s*(\\d{1,2})$`);

function fiscalPart(unit: string, index: number, fy: number): PeriodCell | null {
  const size = UNIT_MONTHS.get(unit);
  if (size === undefined || index < 1 || index > 12 / size) return null;
  const year = fy < 100 ? 2000 + fy : fy;
  // Fiscal year N ends in calendar year N: it starts in FISCAL_YEAR_START_MONTH of year N − 1 (January: of N).
  const first = (year - (FISCAL_YEAR_START_MONTH > 1 ? 1 : 0)) * 12 + (FISCAL_YEAR_START_MONTH - 1) + (index - 1) * size;
  const last = first + size - 1;
  return {
    text: '',
    start: toISO(Math.floor(first / 12), (first % 12) + 1, 1),
    end: monthEndISO(Math.floor(last / 12), (last % 12) + 1),
  };
}

/** The cell as a period, or null when it is not one. */
export function readPeriodCell(cell: Cell, date1904: boolean): PeriodCell | null {
  if (typeof cell === 'number') {
    const d = parseDeadline(cell, { date1904 });
    return Number.isInteger(cell) && d.kind === 'period' ? { text: d.text, start: d.start, end: d.date } : null;
  }
  // Most cells asked are milestones or actions: long text is ruled out before any work on it.
  if (typeof cell !== 'string' || cell.length > 2 * MAX_PERIOD_CHARS) return null;
  const text = cell.replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_PERIOD_CHARS) return null;
  const folded = fold(text).replace(/[\u2010-\u2015]/g, '-');
  const f1 = UNIT_THEN_FISCAL.exec(folded);
  if (f1) {
    const p = fiscalPart(f1[1] ?? '', Number(f1[2]), Number(f1[3]));
    if (p) return { ...p, text };
  }
  const f2 = FISCAL_THEN_UNIT.exec(folded);
  if (f2) {
    const p = fiscalPart(f2[2] ?? '', Number(f2[3]), Number(f2[1]));
    if (p) return { ...p, text };
  }
  const d = parseDeadline(text, { date1904 });
  if (d.kind === 'period' && d.date) return { text, start: d.start, end: d.date };
  if (numberedPeriod(text)) return { text, start: null, end: null };
  return null;
}

/** "Año 2" → the second 12-month part of a plan's own timeline; null when the text is not a numbered part. */
export function numberedPeriod(text: string): { months: number; index: number } | null {
  const n = NUMBERED.exec(fold(text.replace(/\s+/g, ' ').trim()).replace(/[\u2010-\u2015]/g, '-'));
  const months = n ? UNIT_MONTHS.get(n[1] ?? '') : undefined;
  const index = Number(n?.[2]);
  return months !== undefined && index >= 1 ? { months, index } : null;
}

/** Two header rows over the same columns ("Trimestre 5" over "Oct – Dic 2010"): one period, the dates the row that has them. */
export function combinePeriods(upper: PeriodCell, lower: PeriodCell): PeriodCell {
  const dated = lower.end !== null ? lower : upper;
  return { text: `${upper.text} (${lower.text})`, start: dated.start, end: dated.end };
}

/** How two labels of one period compare: "Jul-Sep 2011" and "Jul – Sep 2011" are the same. */
export function periodKey(label: string): string {
  return fold(label).replace(/[\u2010-\u2015]/g, '-').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
}
