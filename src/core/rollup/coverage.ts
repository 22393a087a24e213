// Coverage: sum of numerators ÷ sum of totals per area and in total — never an average of percentages.
import { a1, columnLetter } from '../grid';
import { finding, type Finding } from '../findings';
import { t, type Lang } from '../i18n';
import { AreaTree, levelInfo, ratio, reportedLevels, type AreaNode } from './areas';
import { scanRecords, type NumericColumn } from './records';
import type { SheetLayout } from './recognise';
import { buildScanSpec, numericColumn, sourceInfo } from './scan-spec';
import { COVERAGE_INDICATORS, type CoverageArea, type CoverageFigures, type CoverageIndicator, type CoverageResult, type RatioCount, type ThresholdCount } from './types';
import type { RollupRole } from './vocab';

/** Numerator and denominator columns of each indicator. */
export const INDICATOR_COLUMNS: Readonly<Record<CoverageIndicator, { readonly num: RollupRole; readonly den: RollupRole }>> = {
  water: { num: 'water', den: 'households' },
  sanitation: { num: 'sanitation', den: 'households' },
  schools: { num: 'schoolsWash', den: 'schools' },
  healthCentres: { num: 'healthWash', den: 'healthCentres' },
};

// Accumulator slots: records, households, then numerator and denominator of each indicator.
const RECORDS = 0;
const HOUSEHOLDS = 1;
const NUM = (k: number) => 2 + 2 * k;
const DEN = (k: number) => 3 + 2 * k;
const WIDTH = 2 + 2 * COVERAGE_INDICATORS.length;

export function rollupCoverage(layout: SheetLayout, threshold: number, lang: Lang, findings: Finding[]): CoverageResult {
  const sheet = layout.sheet.name;
  reportMissing(layout, lang, findings);

  const numeric: NumericColumn[] = [];
  const slot = new Map<RollupRole, number>();
  for (const role of ['households', 'water', 'sanitation', 'schools', 'schoolsWash', 'healthCentres', 'healthWash'] as const) {
    const c = numericColumn(layout, role, 'count');
    if (c) {
      slot.set(role, numeric.length);
      numeric.push(c);
    }
  }
  const indicators = COVERAGE_INDICATORS.filter((k) => slot.has(INDICATOR_COLUMNS[k].num) && slot.has(INDICATOR_COLUMNS[k].den));
  const pairs = indicators.map((k) => ({
    k: COVERAGE_INDICATORS.indexOf(k),
    num: slot.get(INDICATOR_COLUMNS[k].num) as number,
    den: slot.get(INDICATOR_COLUMNS[k].den) as number,
  }));
  const hh = slot.get('households') ?? -1;

  const levels = reportedLevels(layout.levels);
  const tree = new AreaTree(levels, WIDTH);
  const total = new Float64Array(WIDTH);

  // One record's contributions, added to the total and to each of its areas in one sweep.
  const delta = new Float64Array(WIDTH);
  const stats = scanRecords(buildScanSpec(layout, numeric), lang, findings, (row, r, nums) => {
    const path = tree.nodesFor(row, r);
    const h = hh >= 0 ? (nums[hh] ?? NaN) : NaN;
    delta.fill(0);
    delta[RECORDS] = 1;
    if (h === h) delta[HOUSEHOLDS] = h;
    for (const p of pairs) {
      const num = nums[p.num] ?? NaN;
      const den = nums[p.den] ?? NaN;
      // Both or neither: a numerator without its total would inflate the ratio.
      if (Number.isNaN(num) || Number.isNaN(den)) continue;
      if (num > den) {
        const nc = numeric[p.num] as NumericColumn;
        const dc = numeric[p.den] as NumericColumn;
        findings.push(
          finding('numerator_exceeds_total', 'warning', { sheet, cell: a1(r, nc.col) }, { column: nc.header, value: num, total: dc.header, totalValue: den }),
        );
      }
      delta[NUM(p.k)] = num;
      delta[DEN(p.k)] = den;
    }
    addDelta(total, delta);
    for (const n of path) if (n) addDelta(n.acc, delta);
  });

  tree.reportFilled(sheet, findings);

  const figures = (acc: Float64Array): CoverageFigures => {
    const counts: Partial<Record<CoverageIndicator, RatioCount>> = {};
    const rates: Record<CoverageIndicator, number | null> = { water: null, sanitation: null, schools: null, healthCentres: null };
    for (const k of indicators) {
      const i = COVERAGE_INDICATORS.indexOf(k);
      const numerator = acc[NUM(i)] ?? 0;
      const denominator = acc[DEN(i)] ?? 0;
      counts[k] = { numerator, denominator };
      rates[k] = ratio(numerator, denominator);
    }
    return { records: acc[RECORDS] ?? 0, households: acc[HOUSEHOLDS] ?? 0, ...rates, counts };
  };

  const nodes = tree.flatten();
  const areas: CoverageArea[] = nodes.map((n) => ({ ...tree.ref(n), ...figures(n.acc) }));
  const source = sourceInfo(layout, stats);
  return {
    sheet,
    source,
    indicators,
    levels: levelInfo(levels, columnLetter),
    total: figures(total),
    areas,
    threshold,
    areasAboveThreshold: aboveThreshold(tree, nodes, areas, indicators, threshold),
  };
}

function addDelta(acc: Float64Array, delta: Float64Array): void {
  for (let i = 0; i < delta.length; i++) acc[i] = (acc[i] ?? 0) + (delta[i] as number);
}

/** Areas at the lowest reported level whose coverage reaches the threshold (≥). */
function aboveThreshold(tree: AreaTree, nodes: readonly AreaNode[], areas: readonly CoverageArea[], indicators: readonly CoverageIndicator[], threshold: number): ThresholdCount | null {
  const depth = tree.levels.length - 1;
  const level = tree.levels[depth];
  if (!level) return null;
  const count: Record<CoverageIndicator, number | null> = { water: null, sanitation: null, schools: null, healthCentres: null };
  for (const k of indicators) count[k] = 0;
  let of = 0;
  nodes.forEach((n, i) => {
    if (n.depth !== depth) return;
    of++;
    const a = areas[i] as CoverageArea;
    for (const k of indicators) {
      const v = a[k];
      // A tiny tolerance: 0.8 computed as 4/5 must count as reaching 0.8.
      if (v !== null && v >= threshold - 1e-12) count[k] = (count[k] ?? 0) + 1;
    }
  });
  return { level: level.level, levelHeader: level.header, of, ...count };
}

/** Clear findings for the columns a coverage sheet lacks, so a missing figure is never a silent gap. */
function reportMissing(layout: SheetLayout, lang: Lang, findings: Finding[]): void {
  const sheet = layout.sheet.name;
  const has = (r: RollupRole) => layout.roles.has(r);
  const missing = (role: RollupRole, indicator: CoverageIndicator | 'areas', severity: 'warning' | 'info') =>
    findings.push(finding('missing_column', severity, { sheet }, { column: t(lang, 'rollup', `role_${role}`), sheet, indicator: t(lang, 'rollup', `ind_${indicator}`) }));
  for (const k of COVERAGE_INDICATORS) {
    const { num, den } = INDICATOR_COLUMNS[k];
    // Half a pair is a mistake to point out; schools and health centres simply absent are not.
    if (has(num) && !has(den)) missing(den, k, 'warning');
    else if (has(den) && !has(num) && (k === 'water' || k === 'sanitation')) missing(num, k, 'info');
  }
  if (!layout.levels.some((l) => l.level !== 'community')) missing('municipality', 'areas', 'info');
}
