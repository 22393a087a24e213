// Settings saved with the workbook: language, extra status words, column mappings, the roll-up's
// column map and threshold. Validated with zod whenever they are read; anything unreadable falls back
// to the defaults (only the roll-up part when only that part is unreadable).
import { z } from 'zod';
import { statusVocabularySchema } from '../core/vocab/status';
import { RollupMapSchema } from '../core/rollup/map';

export const SETTINGS_VERSION = 1;

const columnLetters = z.string().regex(/^[A-Z]{1,3}$/);

/** The user's pointing at columns on a sheet where no table was recognised by its headers. */
export const columnMappingSchema = z
  .object({
    /** 1-based sheet row holding the headers. */
    headerRow: z.number().int().min(1).max(1_048_576),
    columns: z
      .object({
        action: columnLetters,
        deadline: columnLetters.optional(),
        responsible: columnLetters.optional(),
        status: columnLetters.optional(),
        comments: columnLetters.optional(),
      })
      .strict(),
  })
  .strict();

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** null: follow Office's display language (or the browser's). */
  language: z.enum(['es', 'en']).nullable(),
  extraStatusWords: statusVocabularySchema,
  /** By sheet name. */
  columnMappings: z.record(z.string().min(1).max(31), columnMappingSchema),
  /** The user's columns for the record sheets (the CLI's --map FILE.json); absent: recognition alone. */
  rollupMap: RollupMapSchema.optional(),
  /** Coverage target as a fraction; absent: the engine's default (0.8). */
  rollupThreshold: z.number().min(0).max(1).optional(),
});

/** Optional fields added within version 1: a bad one is dropped alone, the rest of the settings kept. */
const ROLLUP_FIELDS = ['rollupMap', 'rollupThreshold'] as const;

export type Settings = z.infer<typeof settingsSchema>;
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, language: null, extraStatusWords: {}, columnMappings: {} };

export type SettingsNotice = { kind: 'invalid'; detail: string } | { kind: 'rollup'; detail: string } | { kind: 'old' } | null;

export interface LoadedSettings {
  readonly settings: Settings;
  /** Why the defaults are used instead of what the workbook held (null when all is well). */
  readonly notice: SettingsNotice;
}

/** Validates what a host read from the workbook. Nothing stored yet is not a problem. */
export function parseSettings(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null || raw === '') return { settings: DEFAULT_SETTINGS, notice: null };
  const parsed = settingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, notice: null };
  const rollupOnly = parsed.error.issues.every((i) => (ROLLUP_FIELDS as readonly PropertyKey[]).includes(i.path[0] ?? ''));
  if (rollupOnly && typeof raw === 'object' && !Array.isArray(raw)) {
    // A stale or hand-edited roll-up map must not cost the user their language and status words.
    const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const k of ROLLUP_FIELDS) delete rest[k];
    const again = settingsSchema.safeParse(rest);
    if (again.success) return { settings: again.data, notice: { kind: 'rollup', detail: issueText(parsed.error.issues[0]) } };
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version < SETTINGS_VERSION) return { settings: DEFAULT_SETTINGS, notice: { kind: 'old' } };
  if (typeof raw === 'object' && raw !== null && version === undefined) return { settings: DEFAULT_SETTINGS, notice: { kind: 'old' } };
  return { settings: DEFAULT_SETTINGS, notice: { kind: 'invalid', detail: issueText(parsed.error.issues[0]) } };
}

function issueText(issue: z.core.$ZodIssue | undefined): string {
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/** Drops empty word lists and blank words so the stored settings stay small and valid. */
export function cleanWords(words: Settings['extraStatusWords']): Settings['extraStatusWords'] {
  const out: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(words)) {
    const clean = [...new Set((list ?? []).map((w) => w.trim()).filter(Boolean))];
    if (clean.length) out[k] = clean;
  }
  return out as Settings['extraStatusWords'];
}
