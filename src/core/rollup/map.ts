// The user's column mapping (CLI --map FILE.json, pane dropdowns) for when recognition is unsure.
import { z } from 'zod';

/** A column by its header text ("Viviendas") or its letters ("D"); null drops a recognised column. */
const ColumnRef = z.union([z.string().trim().min(1).max(200), z.null()]);

const AREA_COLUMNS = {
  region: ColumnRef.optional(),
  department: ColumnRef.optional(),
  municipality: ColumnRef.optional(),
  parish: ColumnRef.optional(),
  community: ColumnRef.optional(),
};

const base = {
  /** The sheet to read (otherwise the best recognised one). */
  sheet: z.string().min(1).max(200).optional(),
  /** 1-based header row (otherwise the row within the first 20 that names the most columns). */
  headerRow: z.number().int().min(1).max(1000).optional(),
};

export const CoverageMapSchema = z.strictObject({
  ...base,
  columns: z
    .strictObject({
      ...AREA_COLUMNS,
      households: ColumnRef.optional(),
      water: ColumnRef.optional(),
      sanitation: ColumnRef.optional(),
      schools: ColumnRef.optional(),
      schoolsWash: ColumnRef.optional(),
      healthCentres: ColumnRef.optional(),
      healthWash: ColumnRef.optional(),
    })
    .optional(),
});

export const SystemsMapSchema = z.strictObject({
  ...base,
  columns: z
    .strictObject({
      ...AREA_COLUMNS,
      system: ColumnRef.optional(),
      systemType: ColumnRef.optional(),
      category: ColumnRef.optional(),
      score: ColumnRef.optional(),
      chlorination: ColumnRef.optional(),
      samplesTested: ColumnRef.optional(),
      samplesPassed: ColumnRef.optional(),
      ladder: ColumnRef.optional(),
    })
    .optional(),
});

export const ProvidersMapSchema = z.strictObject({
  ...base,
  columns: z
    .strictObject({
      ...AREA_COLUMNS,
      provider: ColumnRef.optional(),
      providerType: ColumnRef.optional(),
      category: ColumnRef.optional(),
      score: ColumnRef.optional(),
    })
    .optional(),
  /** The yes/no columns to report (replaces the ones found by their values). */
  yesNo: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
});

export const RollupMapSchema = z.strictObject({
  coverage: CoverageMapSchema.optional(),
  serviceLevels: SystemsMapSchema.optional(),
  providerPerformance: ProvidersMapSchema.optional(),
});

export type RollupMap = z.infer<typeof RollupMapSchema>;
export type KindMap = z.infer<typeof CoverageMapSchema> | z.infer<typeof SystemsMapSchema> | z.infer<typeof ProvidersMapSchema>;

/** Validates parsed JSON; the error text is zod's, one issue per line. */
export function parseRollupMap(json: unknown): { ok: true; map: RollupMap } | { ok: false; error: string } {
  const r = RollupMapSchema.safeParse(json);
  if (r.success) return { ok: true, map: r.data };
  return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}
