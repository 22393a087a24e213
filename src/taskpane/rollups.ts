// What the Roll-ups view shows, without React: the record sheets found (and the ones missing), the
// threshold typed by the user, the A–D bars.
import { columnIndex, rangeA1 } from '../core/grid';
import type { RecordKind, RollupResult, SourceInfo, CategoryCounts, CategoryShares } from '../core/rollup/types';
import { RECORD_KINDS } from '../core/rollup/types';

export interface RecordSource {
  readonly kind: RecordKind;
  /** Null when no sheet of that kind was found. */
  readonly sheet: string | null;
  /** Header row through the last data row, over the columns read ("A1:J696"). */
  readonly range: string | null;
  readonly records: number;
  readonly skipped: number;
}

export function sourceOf(r: RollupResult, kind: RecordKind): SourceInfo | null {
  if (kind === 'coverage') return r.coverage?.source ?? null;
  if (kind === 'systems') return r.serviceLevels?.source ?? null;
  return r.providerPerformance?.source ?? null;
}

/** The three kinds of record sheet, in a fixed order, found or not. */
export function recordSources(r: RollupResult): RecordSource[] {
  return RECORD_KINDS.map((kind) => {
    const s = sourceOf(r, kind);
    if (!s) return { kind, sheet: null, range: null, records: 0, skipped: 0 };
    const cols = s.columns.map((c) => columnIndex(c.column)).filter((c) => c >= 0);
    const c0 = cols.length ? Math.min(...cols) : 0;
    const c1 = cols.length ? Math.max(...cols) : 0;
    return { kind, sheet: s.sheet, range: rangeA1(s.headerRow - 1, c0, Math.max(s.headerRow, s.lastRow) - 1, c1), records: s.records, skipped: s.skippedBlank + s.skippedTotal };
  });
}

export function hasRecords(r: RollupResult | null): boolean {
  return !!r && (r.coverage !== null || r.serviceLevels !== null || r.providerPerformance !== null);
}

/** "80", "80 %", "80,5" or "0.8" → a fraction; null when it is not a percentage from 0 to 100. */
export function parseThresholdPercent(text: string): number | null {
  const clean = text.replace(/%/g, '').replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const v = Number(clean);
  // "0.8" reads as a fraction (what the CLI's --threshold takes); "1" and above as a percentage.
  const fraction = v < 1 && clean.includes('.') ? v : v / 100;
  return fraction >= 0 && fraction <= 1 ? Math.round(fraction * 10_000) / 10_000 : null;
}

/** 0.8 → "80"; 0.825 → "82,5" / "82.5" (what the input shows). */
export function thresholdText(v: number, decimalComma: boolean): string {
  const s = String(Math.round(v * 1000) / 10);
  return decimalComma ? s.replace('.', ',') : s;
}

export interface CategorySegment {
  readonly category: 'A' | 'B' | 'C' | 'D';
  readonly count: number;
  readonly share: number | null;
}

export function categorySegments(counts: CategoryCounts, shares: CategoryShares): CategorySegment[] {
  return (['A', 'B', 'C', 'D'] as const).map((category) => ({ category, count: counts[category], share: shares[category] }));
}
