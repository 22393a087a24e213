// The documented JSON of `tablero rollup --format json`, as a zod schema: the output is parsed through
// it, so a field that drifts from the contract fails loudly. Fields may be added, none renamed.
import { z } from 'zod';
import { findingJson, findingJsonSchema } from '../finding-json';
import type { Lang } from '../i18n';
import type { RollupResult } from './types';
import { AREA_LEVELS, LADDER_RUNGS } from './vocab';

/** Ratios are fractions (0–1; above 1 only when the data has more numerator than total), 6 decimals. */
const ratio = z
  .number()
  .min(0)
  .nullable()
  .transform((v) => (v === null ? null : Math.round(v * 1e6) / 1e6));
const count = z.number().min(0);
const level = z.enum(AREA_LEVELS as [string, ...string[]]);

const source = z.object({
  sheet: z.string(),
  headerRow: z.number().int(),
  firstRow: z.number().int(),
  lastRow: z.number().int(),
  columns: z.array(z.object({ role: z.string(), column: z.string(), header: z.string() })),
  records: count,
  skippedBlank: count,
  skippedTotal: count,
  unreadableCells: count,
  numbersAsText: count,
  mapped: z.boolean(),
});

const levels = z.array(z.object({ level, header: z.string(), column: z.string() }));
const areaRef = { level, levelHeader: z.string(), name: z.string(), parent: z.string().nullable(), path: z.array(z.string()) };

const ratioCount = z.object({ numerator: count, denominator: count });
const coverageFigures = {
  records: count,
  households: count,
  water: ratio,
  sanitation: ratio,
  schools: ratio,
  healthCentres: ratio,
  counts: z.object({ water: ratioCount.optional(), sanitation: ratioCount.optional(), schools: ratioCount.optional(), healthCentres: ratioCount.optional() }),
};

const categories = z.object({ A: count, B: count, C: count, D: count });
const shares = z.object({ A: ratio, B: ratio, C: ratio, D: ratio });
const yesShare = z.object({ answered: count, yes: count, share: ratio });
const rungs = (v: z.ZodType) => z.object(Object.fromEntries(LADDER_RUNGS.map((r) => [r, v])));
const ladder = z.object({ answered: count, counts: rungs(count), shares: rungs(ratio) });

const serviceFigures = {
  systems: count,
  byCategory: categories,
  shares,
  unclassified: count,
  bacteriological: z.object({ samples: count, passed: count, rate: ratio }).nullable(),
  chlorination: yesShare.nullable(),
  ladder: ladder.nullable(),
};

const providerFigures = {
  providers: count,
  byCategory: categories,
  shares,
  unclassified: count,
  goodPerformanceShare: ratio,
  yesNo: z.array(yesShare),
};

const threshold = z.object({
  level,
  levelHeader: z.string(),
  of: count,
  water: count.nullable(),
  sanitation: count.nullable(),
  schools: count.nullable(),
  healthCentres: count.nullable(),
});

export const rollupJsonSchema = z.object({
  file: z.string(),
  coverage: z
    .object({
      sheet: z.string(),
      source,
      indicators: z.array(z.enum(['water', 'sanitation', 'schools', 'healthCentres'])),
      levels,
      total: z.object(coverageFigures),
      areas: z.array(z.object({ ...areaRef, ...coverageFigures })),
      threshold: z.number().min(0).max(1),
      areasAboveThreshold: threshold.nullable(),
    })
    .nullable(),
  serviceLevels: z
    .object({
      sheet: z.string(),
      source,
      levels,
      ...serviceFigures,
      scoreBanded: count,
      areas: z.array(z.object({ ...areaRef, ...serviceFigures })),
    })
    .nullable(),
  providerPerformance: z
    .object({
      sheet: z.string(),
      source,
      levels,
      yesNoColumns: z.array(z.object({ header: z.string(), column: z.string() })),
      ...providerFigures,
      scoreBanded: count,
      areas: z.array(z.object({ ...areaRef, ...providerFigures })),
    })
    .nullable(),
  findings: z.array(findingJsonSchema),
});

export type RollupJson = z.output<typeof rollupJsonSchema>;

/** The result in its documented JSON shape (ratios rounded to 6 decimals), messages in `lang`. */
export function rollupJson(file: string, result: RollupResult, lang: Lang): RollupJson {
  return rollupJsonSchema.parse({
    file,
    coverage: result.coverage,
    serviceLevels: result.serviceLevels,
    providerPerformance: result.providerPerformance,
    findings: result.findings.map((f) => findingJson(f, lang)),
  });
}
