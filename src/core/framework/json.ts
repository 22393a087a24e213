// The documented JSON of results frameworks (`tablero check --format json` → "frameworks"), as a zod
// schema: the output is parsed through it. Fields may be added, none renamed.
import { z } from 'zod';
import { BANDS, type Framework, type FrameworkResult } from './model';

/** Figures keep 6 decimals (the engine decides bands on the unrounded values). */
const figure = z
  .number()
  .nullable()
  .transform((v) => (v === null ? null : Math.round(v * 1e6) / 1e6));
const value = z.union([figure, z.string()]);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();

export const frameworkJsonSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  headerRows: z.array(z.number().int()),
  baselineYear: z.string().nullable(),
  bandScheme: z.enum(['toladata', 'semaforo']),
  periods: z.array(z.object({ label: z.string(), start: isoDay, end: isoDay, ended: z.boolean() })),
  /** The label of the latest period ended before the as-of date (null when none has ended). */
  latestEndedPeriod: z.string().nullable(),
  bands: z.record(z.enum(BANDS), z.number().int()),
  indicators: z.array(
    z.object({
      id: z.string().nullable(),
      row: z.number().int(),
      text: z.string(),
      component: z.string().nullable(),
      unit: z.string().nullable(),
      /** IATI's: unit (a count or amount), percentage, qualitative. */
      measure: z.enum(['unit', 'percentage', 'qualitative']),
      /** Percentages: "points" (84.1) or "fraction" (0.841), as the sheet keeps them; null otherwise. */
      scale: z.enum(['points', 'fraction']).nullable(),
      direction: z.enum(['increase', 'decrease']),
      /** The accumulation cell as typed; accumulationKind is how it was read. */
      accumulation: z.string().nullable(),
      accumulationKind: z.enum(['flow', 'cumulative', 'latest', 'unspecified']),
      baseline: value.nullable(),
      finalTarget: value.nullable(),
      periods: z.array(z.object({ label: z.string(), target: value.nullable(), actual: value.nullable(), actualSource: z.enum(['typed', 'records']) })),
      targetToDate: value.nullable(),
      actualToDate: value.nullable(),
      actualSource: z.enum(['typed', 'records']),
      /** The roll-up measure the indicator's words name and its figure in the framework's scale. */
      records: z.object({ measure: z.string(), value: figure }).nullable(),
      percentMet: figure,
      band: z.enum(BANDS),
      comment: z.string().nullable(),
      source: z.string().nullable(),
      notes: z.array(z.string()),
      cells: z.object({
        id: z.string().optional(),
        indicator: z.string(),
        baseline: z.string().optional(),
        finalTarget: z.string().optional(),
        comments: z.string().optional(),
        targets: z.array(z.string().nullable()),
        actuals: z.array(z.string().nullable()),
      }),
    }),
  ),
});

export type FrameworkJson = z.infer<typeof frameworkJsonSchema>;

export function frameworkJson(f: Framework): z.input<typeof frameworkJsonSchema> {
  return {
    sheet: f.sheet,
    range: f.range,
    headerRows: [...f.headerRows],
    baselineYear: f.baselineYear,
    bandScheme: f.bandScheme,
    periods: f.periods.map((p) => ({ ...p })),
    latestEndedPeriod: f.latestEndedPeriod,
    bands: { ...f.bands },
    indicators: f.indicators.map((i) => ({
      id: i.id,
      row: i.row,
      text: i.text,
      component: i.component,
      unit: i.unit,
      measure: i.measure,
      scale: i.scale,
      direction: i.direction,
      accumulation: i.accumulation,
      accumulationKind: i.accumulationKind,
      baseline: i.baseline,
      finalTarget: i.finalTarget,
      periods: i.values.map((v) => ({ ...v })),
      targetToDate: i.targetToDate,
      actualToDate: i.actualToDate,
      actualSource: i.actualSource,
      records: i.records ? { ...i.records } : null,
      percentMet: i.percentMet,
      band: i.band,
      comment: i.comment,
      source: i.source,
      notes: [...i.notes],
      cells: { ...i.cells, targets: [...i.cells.targets], actuals: [...i.cells.actuals] },
    })),
  };
}

/** Every framework of a check, as JSON input for the check schema. */
export function frameworksJson(result: FrameworkResult | null | undefined): z.input<typeof frameworkJsonSchema>[] {
  return result ? result.frameworks.map(frameworkJson) : [];
}
