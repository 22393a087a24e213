// The roll-ups as one long table: area level, area, indicator, numerator, denominator, value.
// Every row is a ratio, so the value column is always a fraction (a real percent in the workbook).
import { CATEGORIES, LADDER_RUNGS, type Category } from '../rollup/vocab';
import {
  COVERAGE_INDICATORS,
  type AreaRef,
  type CategoryCounts,
  type CoverageFigures,
  type CoverageIndicator,
  type LadderFigures,
  type ProviderFigures,
  type RollupResult,
  type ServiceFigures,
  type YesShare,
} from '../rollup/types';
import { fill, type Catalogue } from '../i18n';
import type { OutputValue } from '../output';

type Texts = Catalogue['export'];
export type IndicatorRow = [level: string, area: string, indicator: string, numerator: number, denominator: number, value: number | null];

/** True when the roll-up found at least one record sheet: only then is there an Indicators sheet. */
export function hasIndicators(rollup: RollupResult | null | undefined): rollup is RollupResult {
  return !!rollup && (!!rollup.coverage || !!rollup.serviceLevels || !!rollup.providerPerformance);
}

export function indicatorRows(rollup: RollupResult, x: Texts): OutputValue[][] {
  const rows: IndicatorRow[] = [];
  const ratio = (level: string, area: string, indicator: string, numerator: number, denominator: number): void => {
    rows.push([level, area, indicator, numerator, denominator, denominator > 0 ? numerator / denominator : null]);
  };

  const cov = rollup.coverage;
  if (cov) {
    const coverage = (level: string, area: string, f: CoverageFigures): void => {
      for (const ind of cov.indicators) {
        const c = f.counts[ind];
        if (c) ratio(level, area, coverageName(ind, x), c.numerator, c.denominator);
      }
    };
    coverage(x.levelTotal, x.allAreas, cov.total);
    const above = cov.areasAboveThreshold;
    if (above) {
      const threshold = `${Math.round(cov.threshold * 1000) / 10}%`;
      for (const ind of COVERAGE_INDICATORS) {
        const n = above[ind];
        if (n === null) continue;
        const indicator = fill(x.indAboveThreshold, { levels: x[`levels_${above.level}`], indicator: aboveName(ind, x), threshold });
        ratio(x.levelTotal, x.allAreas, indicator, n, above.of);
      }
    }
    const names = areaNames(cov.areas);
    cov.areas.forEach((a, i) => coverage(x[`level_${a.level}`], names[i] ?? a.name, a));
  }

  const svc = rollup.serviceLevels;
  if (svc) {
    const service = (level: string, area: string, f: ServiceFigures): void => {
      categories(f.byCategory, (cat, n, of) => ratio(level, area, fill(x.indSystemsCategory, { category: cat }), n, of));
      if (f.bacteriological) ratio(level, area, x.indBacteriological, f.bacteriological.passed, f.bacteriological.samples);
      if (f.chlorination) yes(f.chlorination, (n, of) => ratio(level, area, x.indChlorination, n, of));
      if (f.ladder) ladder(f.ladder, x, (name, n, of) => ratio(level, area, name, n, of));
    };
    service(x.levelTotal, x.allAreas, svc);
    const names = areaNames(svc.areas);
    svc.areas.forEach((a, i) => service(x[`level_${a.level}`], names[i] ?? a.name, a));
  }

  const prov = rollup.providerPerformance;
  if (prov) {
    const provider = (level: string, area: string, f: ProviderFigures): void => {
      categories(f.byCategory, (cat, n, of) => ratio(level, area, fill(x.indProvidersCategory, { category: cat }), n, of));
      f.yesNo.forEach((share, i) => {
        const column = prov.yesNoColumns[i]?.header ?? String(i + 1);
        yes(share, (n, of) => ratio(level, area, fill(x.indProvidersYes, { column }), n, of));
      });
    };
    provider(x.levelTotal, x.allAreas, prov);
    const names = areaNames(prov.areas);
    prov.areas.forEach((a, i) => provider(x[`level_${a.level}`], names[i] ?? a.name, a));
  }
  return rows;
}

function coverageName(ind: CoverageIndicator, x: Texts): string {
  return x[`ind_${ind}`];
}

function aboveName(ind: CoverageIndicator, x: Texts): string {
  switch (ind) {
    case 'water':
      return x.indAboveWater;
    case 'sanitation':
      return x.indAboveSanitation;
    case 'schools':
      return x.indAboveSchools;
    case 'healthCentres':
      return x.indAboveHealthCentres;
  }
}

/** Shares of the categorised records (A–D), as the roll-up reports them. */
function categories(counts: CategoryCounts, row: (cat: Category, n: number, of: number) => void): void {
  const of = CATEGORIES.reduce((s, c) => s + counts[c], 0);
  for (const cat of CATEGORIES) row(cat, counts[cat], of);
}

function yes(share: YesShare, row: (n: number, of: number) => void): void {
  row(share.yes, share.answered);
}

function ladder(f: LadderFigures, x: Texts, row: (name: string, n: number, of: number) => void): void {
  for (const rung of LADDER_RUNGS) {
    row(fill(x.indLadder, { rung: x[`ladder_${rung}`] }), f.counts[rung], f.answered);
  }
}

/** An area's name, with its parent when another area at the same level has the same name. */
function areaNames(areas: readonly AreaRef[]): string[] {
  const seen = new Map<string, number>();
  for (const a of areas) seen.set(`${a.level}\u0000${a.name}`, (seen.get(`${a.level}\u0000${a.name}`) ?? 0) + 1);
  return areas.map((a) => ((seen.get(`${a.level}\u0000${a.name}`) ?? 0) > 1 && a.parent ? `${a.name} (${a.parent})` : a.name));
}
