// The roll-up sheets Tablero writes ("Cobertura", "Niveles de servicio", "Desempeño de prestadores"), as data.
import { t, type Lang } from '../i18n';
import type { Fill, OutputColumn, OutputSheet, OutputTable, OutputValue } from '../output';
import type {
  AreaRef,
  CoverageFigures,
  CoverageResult,
  LevelInfo,
  ProviderFigures,
  ProviderPerformanceResult,
  RollupResult,
  ServiceFigures,
  ServiceLevelsResult,
  SourceInfo,
} from './types';
import { COVERAGE_INDICATORS, type CoverageIndicator } from './types';
import { CATEGORIES, LADDER_RUNGS, type Category } from './vocab';
import { INDICATOR_COLUMNS } from './coverage';
import { withRollupChart } from '../rollup-charts';

/** SIASAR colours: A green, B yellow, C orange, D red. */
export const CATEGORY_FILL: Readonly<Record<Category, Fill>> = { A: 'green', B: 'yellow', C: 'orange', D: 'red' };

/** Stable table names (ASCII, unique per workbook): charts and the pane find the tables by them. */
export function rollupTableName(kind: 'Coverage' | 'ServiceLevels' | 'Providers', level: string): string {
  return `Tablero_${kind}_${level}`;
}

export function rollupSheets(result: RollupResult, lang: Lang): OutputSheet[] {
  const out: OutputSheet[] = [];
  if (result.coverage) out.push(coverageSheet(result.coverage, lang));
  if (result.serviceLevels) out.push(serviceSheet(result.serviceLevels, lang));
  if (result.providerPerformance) out.push(providerSheet(result.providerPerformance, lang));
  return out.map((sheet) => withRollupChart(sheet, lang));
}

// Formatters are costly to build: one per language and kind.
const FORMATS = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, kind: 'n' | 'p' | 'f'): Intl.NumberFormat {
  const key = lang + kind;
  let f = FORMATS.get(key);
  if (!f) {
    const locale = lang === 'es' ? 'es-ES' : 'en-GB';
    f = new Intl.NumberFormat(
      locale,
      kind === 'n'
        ? { maximumFractionDigits: 2, useGrouping: true }
        : kind === 'p'
          ? { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }
          : { minimumFractionDigits: 6, maximumFractionDigits: 6 },
    );
    FORMATS.set(key, f);
  }
  return f;
}

/** 153.228 / 153,228: grouping even for four digits (es-ES would print 7500 next to 17.721). */
export function fmt(lang: Lang, n: number): string {
  return formatter(lang, 'n').format(n);
}

/** 84,1 % / 84.1%; a dash where there is nothing to divide. */
export function pct(lang: Lang, v: number | null): string {
  return v === null ? '—' : formatter(lang, 'p').format(v);
}

/** A fraction with six decimals, as the figures are checked: 0,841002 / 0.841002. */
export function fraction6(lang: Lang, v: number): string {
  return formatter(lang, 'f').format(v);
}

function areaColumns(levels: readonly LevelInfo[], depth: number): OutputColumn[] {
  return levels.slice(0, depth + 1).map((l) => ({ header: l.header, type: 'text' as const }));
}

/** Area cells for a row: the path from the top level down; the total row says "Total" in the first one. */
function areaCells(area: AreaRef | null, depth: number, lang: Lang): OutputValue[] {
  const cells: OutputValue[] = [];
  for (let d = 0; d <= depth; d++) cells.push(area ? (area.path[d] ?? '') || t(lang, 'rollup', 'noName') : d === 0 ? t(lang, 'rollup', 'total') : null);
  return cells;
}

/** One table per reported level, top level first; every table ends with the total row. */
function levelTables<A extends AreaRef, F>(
  levels: readonly LevelInfo[],
  areas: readonly A[],
  total: F,
  kind: 'Coverage' | 'ServiceLevels' | 'Providers',
  lang: Lang,
  columns: readonly OutputColumn[],
  values: (f: F) => OutputValue[],
): OutputTable[] {
  if (!levels.length) {
    return [{ name: rollupTableName(kind, 'total'), columns: [{ header: '', type: 'text' }, ...columns], rows: [[t(lang, 'rollup', 'total'), ...values(total)]], totalRow: true }];
  }
  return levels.map((l, depth) => {
    const rows: OutputValue[][] = [];
    for (const a of areas) if (a.level === l.level) rows.push([...areaCells(a, depth, lang), ...values(a as unknown as F)]);
    rows.push([...areaCells(null, depth, lang), ...values(total)]);
    return {
      name: rollupTableName(kind, l.level),
      caption: t(lang, 'rollup', 'byLevel', { level: l.header }),
      columns: [...areaColumns(levels, depth), ...columns],
      rows,
      totalRow: true,
    };
  });
}

function sourceNotes(s: SourceInfo, lang: Lang): string[] {
  return [
    t(lang, 'rollup', 'noteSource', { sheet: s.sheet, header: s.headerRow, first: s.firstRow, last: s.lastRow }),
    t(lang, 'rollup', 'noteRows', { used: fmt(lang, s.records), skipped: fmt(lang, s.skippedBlank + s.skippedTotal), blank: fmt(lang, s.skippedBlank), totals: fmt(lang, s.skippedTotal) }),
    t(lang, 'rollup', 'noteCells', { unreadable: fmt(lang, s.unreadableCells), asText: fmt(lang, s.numbersAsText) }),
  ];
}

function header(s: SourceInfo, role: string, fallback: string): string {
  return s.columns.find((c) => c.role === role)?.header || fallback;
}

const INDICATOR_LABEL: Readonly<Record<CoverageIndicator, 'cov_water' | 'cov_sanitation' | 'cov_schools' | 'cov_healthCentres'>> = {
  water: 'cov_water',
  sanitation: 'cov_sanitation',
  schools: 'cov_schools',
  healthCentres: 'cov_healthCentres',
};

function coverageSheet(c: CoverageResult, lang: Lang): OutputSheet {
  const s = c.source;
  const bands = [{ atLeast: c.threshold, fill: 'green' as const }];
  const community = c.source.columns.find((x) => x.role === 'community')?.header || t(lang, 'rollup', 'colRecords');
  const columns: OutputColumn[] = [
    { header: community, type: 'integer' },
    { header: header(s, 'households', t(lang, 'rollup', 'role_households')), type: 'integer' },
  ];
  const present = COVERAGE_INDICATORS.filter((k) => c.indicators.includes(k));
  for (const k of present) {
    const { num, den } = INDICATOR_COLUMNS[k];
    if (den !== 'households') columns.push({ header: header(s, den, t(lang, 'rollup', `role_${den}`)), type: 'integer' });
    columns.push({ header: header(s, num, t(lang, 'rollup', `role_${num}`)), type: 'integer' });
    columns.push({ header: t(lang, 'rollup', INDICATOR_LABEL[k]), type: 'percent', bands });
  }
  const values = (f: CoverageFigures): OutputValue[] => {
    const v: OutputValue[] = [f.records, f.households];
    for (const k of present) {
      const cnt = f.counts[k];
      if (INDICATOR_COLUMNS[k].den !== 'households') v.push(cnt ? cnt.denominator : null);
      v.push(cnt ? cnt.numerator : null);
      v.push(f[k]);
    }
    return v;
  };
  const lines = [t(lang, 'rollup', 'titleCoverage'), coverageSummary(c, lang)];
  const above = c.areasAboveThreshold;
  if (above) {
    for (const k of present) {
      const n = above[k];
      if (n !== null) lines.push(t(lang, 'rollup', 'aboveLine', { indicator: t(lang, 'rollup', INDICATOR_LABEL[k]), count: n, of: above.of, level: above.levelHeader, threshold: pct(lang, c.threshold) }));
    }
  }
  return {
    name: t(lang, 'rollup', 'sheetCoverage'),
    lines,
    tables: levelTables(c.levels, c.areas, c.total, 'Coverage', lang, columns, values),
    notes: [...sourceNotes(s, lang), t(lang, 'rollup', 'noteCoverageMethod'), t(lang, 'rollup', 'noteGenerated')],
  };
}

export function coverageSummary(c: CoverageResult, lang: Lang): string {
  const parts = c.indicators.map((k) => `${t(lang, 'rollup', INDICATOR_LABEL[k])} ${pct(lang, c.total[k])}`);
  return t(lang, 'rollup', 'coverageSummary', { households: fmt(lang, c.total.households), records: fmt(lang, c.total.records), figures: parts.join('; ') });
}

/** A–D counts then A–D shares, in the SIASAR colours; providers' "% A" is their good-performance share. */
function categoryColumns(lang: Lang, providers = false): OutputColumn[] {
  return [
    ...CATEGORIES.map((k) => ({ header: k, type: 'integer' as const, fill: CATEGORY_FILL[k] })),
    ...CATEGORIES.map((k) => ({
      header: providers && k === 'A' ? t(lang, 'rollup', 'colGoodPerformance') : t(lang, 'rollup', 'colShare', { category: k }),
      type: 'percent' as const,
      fill: CATEGORY_FILL[k],
    })),
  ];
}

function serviceSheet(sv: ServiceLevelsResult, lang: Lang): OutputSheet {
  const s = sv.source;
  const withUnclassified = sv.unclassified > 0;
  const columns: OutputColumn[] = [{ header: t(lang, 'rollup', 'colSystems'), type: 'integer' }, ...categoryColumns(lang)];
  if (withUnclassified) columns.push({ header: t(lang, 'rollup', 'colUnclassified'), type: 'integer', fill: 'grey' });
  if (sv.bacteriological) {
    columns.push(
      { header: header(s, 'samplesTested', t(lang, 'rollup', 'role_samplesTested')), type: 'integer' },
      { header: header(s, 'samplesPassed', t(lang, 'rollup', 'role_samplesPassed')), type: 'integer' },
      { header: t(lang, 'rollup', 'colBacteriological'), type: 'percent' },
    );
  }
  if (sv.chlorination) columns.push({ header: t(lang, 'rollup', 'colChlorinating'), type: 'integer' }, { header: t(lang, 'rollup', 'colChlorinatingShare'), type: 'percent' });
  if (sv.ladder) for (const r of LADDER_RUNGS) columns.push({ header: t(lang, 'rollup', `ladder_${r}`), type: 'percent' });
  const values = (f: ServiceFigures): OutputValue[] => {
    const v: OutputValue[] = [f.systems, ...CATEGORIES.map((k) => f.byCategory[k]), ...CATEGORIES.map((k) => f.shares[k])];
    if (withUnclassified) v.push(f.unclassified);
    if (sv.bacteriological) v.push(f.bacteriological?.samples ?? null, f.bacteriological?.passed ?? null, f.bacteriological?.rate ?? null);
    if (sv.chlorination) v.push(f.chlorination?.yes ?? null, f.chlorination?.share ?? null);
    if (sv.ladder) for (const r of LADDER_RUNGS) v.push(f.ladder?.shares[r] ?? null);
    return v;
  };
  const notes = sourceNotes(s, lang);
  if (sv.scoreBanded) notes.push(t(lang, 'rollup', 'noteScoreBanded', { count: fmt(lang, sv.scoreBanded) }));
  notes.push(t(lang, 'rollup', 'noteServiceMethod'), t(lang, 'rollup', 'noteGenerated'));
  return {
    name: t(lang, 'rollup', 'sheetService'),
    lines: [t(lang, 'rollup', 'titleService'), serviceSummary(sv, lang)],
    tables: levelTables(sv.levels, sv.areas, sv as ServiceFigures, 'ServiceLevels', lang, columns, values),
    notes,
  };
}

export function serviceSummary(sv: ServiceLevelsResult, lang: Lang): string {
  const cats = CATEGORIES.map((k) => `${k} ${fmt(lang, sv.byCategory[k])}`).join(', ');
  const b = sv.bacteriological;
  return t(lang, 'rollup', 'serviceSummary', {
    systems: fmt(lang, sv.systems),
    categories: cats,
    bacteriological: b ? t(lang, 'rollup', 'bacterioShort', { rate: pct(lang, b.rate), passed: fmt(lang, b.passed), samples: fmt(lang, b.samples) }) : '—',
  });
}

function providerSheet(p: ProviderPerformanceResult, lang: Lang): OutputSheet {
  const s = p.source;
  const withUnclassified = p.unclassified > 0;
  const columns: OutputColumn[] = [
    { header: t(lang, 'rollup', 'colProviders'), type: 'integer' },
    ...categoryColumns(lang, true),
  ];
  if (withUnclassified) columns.push({ header: t(lang, 'rollup', 'colUnclassified'), type: 'integer', fill: 'grey' });
  for (const y of p.yesNoColumns) columns.push({ header: t(lang, 'rollup', 'colYesShare', { column: y.header }), type: 'percent' });
  const values = (f: ProviderFigures): OutputValue[] => {
    const v: OutputValue[] = [f.providers, ...CATEGORIES.map((k) => f.byCategory[k]), ...CATEGORIES.map((k) => f.shares[k])];
    if (withUnclassified) v.push(f.unclassified);
    p.yesNoColumns.forEach((_, j) => v.push(f.yesNo[j]?.share ?? null));
    return v;
  };
  const notes = sourceNotes(s, lang);
  if (p.scoreBanded) notes.push(t(lang, 'rollup', 'noteScoreBanded', { count: fmt(lang, p.scoreBanded) }));
  notes.push(t(lang, 'rollup', 'noteProviderMethod'), t(lang, 'rollup', 'noteGenerated'));
  return {
    name: t(lang, 'rollup', 'sheetProviders'),
    lines: [t(lang, 'rollup', 'titleProviders'), providerSummary(p, lang)],
    tables: levelTables(p.levels, p.areas, p as ProviderFigures, 'Providers', lang, columns, values),
    notes,
  };
}

export function providerSummary(p: ProviderPerformanceResult, lang: Lang): string {
  const cats = CATEGORIES.map((k) => `${k} ${fmt(lang, p.byCategory[k])}`).join(', ');
  return t(lang, 'rollup', 'providerSummary', { providers: fmt(lang, p.providers), categories: cats, good: pct(lang, p.goodPerformanceShare) });
}
