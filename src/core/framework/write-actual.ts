// Actuals computed from the record sheets, offered for the user's own cell. Tablero never writes them
// unasked (issue 9): the pane lists these offers, and one click writes one cell — only while that cell
// still holds what the check saw (blank, or the typed figure the records contradict).
import type { Cell } from '../grid';
import type { FrameworkResult } from './model';

export interface ActualWrite {
  readonly sheet: string;
  /** The latest ended period's actual cell, e.g. "L7". */
  readonly cell: string;
  /** The indicator's id (or its text when it has none), and the period. */
  readonly indicator: string;
  readonly period: string;
  /** The figure from the records, in the framework's own scale (percent points or fractions). */
  readonly value: number;
  /** What the cell held at the check: null when blank. */
  readonly seen: number | string | null;
}

/**
 * One offer per indicator whose latest ended actual comes from the records: its cell is blank, or what
 * is typed there is more than half a point from the records (the `actual_differs_from_records` finding).
 */
export function actualWrites(result: FrameworkResult | undefined): ActualWrite[] {
  const out: ActualWrite[] = [];
  for (const f of result?.frameworks ?? []) {
    const latest = f.periods.findIndex((p) => p.ended && p.label === f.latestEndedPeriod);
    if (latest < 0) continue;
    for (const i of f.indicators) {
      const value = i.records?.value;
      const cell = i.cells.actuals[latest];
      const v = i.values[latest];
      if (value === null || value === undefined || !cell || !v) continue;
      const blank = v.actualSource === 'records';
      const differs = result!.findings.some((x) => x.code === 'actual_differs_from_records' && x.sheet === f.sheet && x.cell === cell);
      if (!blank && !differs) continue;
      const seen = blank ? null : typeof v.actual === 'number' || typeof v.actual === 'string' ? v.actual : null;
      out.push({ sheet: f.sheet, cell, indicator: i.id ?? i.text, period: v.label, value, seen });
    }
  }
  return out;
}

/** Whether a cell still holds what the check saw (blank: empty or spaces only; a number: the same number). */
export function stillAsSeen(now: Cell | undefined, seen: ActualWrite['seen']): boolean {
  if (seen === null) return now === null || now === undefined || (typeof now === 'string' && now.trim() === '');
  // A text cell counts as the number it reads as ("11,5"); an emptied one (Number('') is 0) does not.
  if (typeof seen === 'number') return typeof now === 'number' ? now === seen : typeof now === 'string' && now.trim() !== '' && Number(now.trim().replace(',', '.')) === seen;
  return typeof now === 'string' && now.trim() === seen.trim();
}
