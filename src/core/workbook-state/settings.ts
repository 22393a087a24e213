// Settings saved with the workbook: language, extra status words, plan column mappings, the roll-up's
// column map and threshold. Validated with zod whenever they are read; anything unreadable falls back
// to the defaults (only the roll-up part when only that part is unreadable). Every reader and writer
// of the stored part (Office host, browser host, .xlsx file reader for the CLI) uses the text form below.
import { z } from 'zod';
import { statusVocabularySchema, type StatusVocabulary } from '../vocab/status';
import { RollupMapSchema, type KindMap, type RollupMap } from '../rollup/map';
import { MAP_KEY } from '../rollup/recognise';
import type { RecordKind } from '../rollup/types';
import { decodeEntities, escapeXml } from '../xml-text';

export const SETTINGS_VERSION = 1;

/** Namespace of the custom XML part that holds the settings (Office: customXmlParts.getByNamespace). */
export const SETTINGS_NAMESPACE = 'urn:tablero:settings';

const columnLetters = z.string().regex(/^[A-Z]{1,3}$/);

/**
 * The columns a plan mapping can name, by role. New roles are added here (optional, so workbooks saved
 * before them stay valid); `MAPPED_ROLES` in column-mapping.ts lists the order the pane shows them.
 */
export const mappedColumnsShape = {
  action: columnLetters,
  deadline: columnLetters.optional(),
  responsible: columnLetters.optional(),
  status: columnLetters.optional(),
  comments: columnLetters.optional(),
  /** Issue 10: the action's number and its recommendation or group (Compromiso, Componente…). */
  id: columnLetters.optional(),
  recommendation: columnLetters.optional(),
};

/** The user's pointing at columns on a sheet where no table was recognised by its headers. */
export const columnMappingSchema = z
  .object({
    /** 1-based sheet row holding the headers. */
    headerRow: z.number().int().min(1).max(1_048_576),
    columns: z.object(mappedColumnsShape).strict(),
  })
  .strict();

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** null: follow Office's display language (or the browser's). */
  language: z.enum(['es', 'en']).nullable(),
  extraStatusWords: statusVocabularySchema,
  /** Plan column mappings, by sheet name. */
  columnMappings: z.record(z.string().min(1).max(31), columnMappingSchema),
  /** The user's columns for the record sheets (the CLI's --map FILE.json); absent: recognition alone. */
  rollupMap: RollupMapSchema.optional(),
  /** Coverage target as a fraction; absent: the engine's default (0.8). */
  rollupThreshold: z.number().min(0).max(1).optional(),
  /**
   * Results frameworks' bands: TolaData's ±15% or the semáforo's ±5% / ±15%; absent: TolaData's. An
   * unknown value reads as absent (a stale choice costs nothing else the workbook holds).
   */
  bandScheme: z.enum(['toladata', 'semaforo']).optional().catch(undefined),
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

/** The saved status words plus those of another source (the CLI's --vocabulary file), each word once. */
export function mergeVocabularies(saved: StatusVocabulary, extra: StatusVocabulary | undefined): StatusVocabulary {
  if (!extra) return saved;
  const out: Record<string, string[]> = {};
  for (const k of new Set([...Object.keys(saved), ...Object.keys(extra)]) as Set<keyof StatusVocabulary>) {
    out[k] = [...new Set([...(saved[k] ?? []), ...(extra[k] ?? [])])];
  }
  return out as StatusVocabulary;
}

// ---------------------------------------------------------------------------------------------
// The roll-up map, one kind at a time (the pane's mapper saves one kind's columns).

/** The settings with one kind's map set, or removed (null); no map at all when none is left. */
export function withKindMap(settings: Settings, kind: RecordKind, m: KindMap | null): Settings {
  const map: Record<string, unknown> = { ...settings.rollupMap };
  if (m) map[MAP_KEY[kind]] = m;
  else delete map[MAP_KEY[kind]];
  const { rollupMap: _old, ...rest } = settings;
  if (!Object.keys(map).length) return rest;
  return { ...rest, rollupMap: RollupMapSchema.parse(map) };
}

/** Is this kind's map the user's (saved in the workbook)? */
export function kindMapped(map: RollupMap | undefined, kind: RecordKind): boolean {
  return !!map?.[MAP_KEY[kind]];
}

// ---------------------------------------------------------------------------------------------
// The stored form: JSON inside <settings xmlns="urn:tablero:settings">…</settings>.

// A JSON text has no control characters (JSON escapes them): plain XML escaping is enough, and
// decodeEntities reads back any of XML's entities (Office may hand the part back re-serialised).
// Both are the tree's one XML text module (src/core/xml-text.ts).

/** The XML part's text for these settings. */
export function settingsXml(settings: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<settings xmlns="${SETTINGS_NAMESPACE}">${escapeXml(JSON.stringify(settings) ?? 'null')}</settings>`;
}

/** Whether an XML part is our settings part (its root is <settings> in our namespace). */
export function isSettingsXml(xml: string): boolean {
  return /<(?:[\w.-]+:)?settings\b[^>]*xmlns(?::[\w.-]+)?\s*=\s*["']urn:tablero:settings["']/.test(xml);
}

/** The stored JSON; undefined when there is none; the raw text when it is not JSON (parseSettings says so). */
export function parseSettingsXml(xml: string): unknown {
  const m = /<(?:[\w.-]+:)?settings\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?settings>/.exec(xml);
  if (!m) return undefined;
  const text = decodeEntities(m[1] ?? '').trim();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
