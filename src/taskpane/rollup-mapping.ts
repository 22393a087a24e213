// The Roll-ups view's column mapper, without React: what each kind of record sheet can map, what the
// dropdowns start with (what recognition or the saved map found), and the RollupMap they save.
// The map goes to the engine as it is (rollupWorkbook's `map`, the CLI's --map FILE.json).
import type { SheetGrid, WorkbookGrid } from '../core/grid';
import { cellText, columnIndex, columnLetter } from '../core/grid';
import type { KindMap, RollupMap } from '../core/rollup/map';
import { RollupMapSchema } from '../core/rollup/map';
import { detectYesNo, findHeaderRow, headerRoles, kindAccepts, MAP_KEY, qualifies, resolveColumn } from '../core/rollup/recognise';
import type { RecordKind, RollupResult, RollupRole, SourceInfo } from '../core/rollup/types';
import { AREA_LEVELS } from '../core/rollup/vocab';
import { guessHeaderRow } from './mapping';
import { sourceOf } from './rollups';

/** The indicator roles of each kind, in the order the form shows them (the area levels come first). */
export const KIND_ROLES: Readonly<Record<RecordKind, readonly RollupRole[]>> = {
  coverage: ['households', 'water', 'sanitation', 'schools', 'schoolsWash', 'healthCentres', 'healthWash'],
  systems: ['system', 'systemType', 'category', 'score', 'chlorination', 'samplesTested', 'samplesPassed', 'ladder'],
  providers: ['provider', 'providerType', 'category', 'score'],
};

export const AREA_ROLES: readonly RollupRole[] = AREA_LEVELS;

/** Every role a kind's map names: areas, then indicators. */
export function kindRoles(kind: RecordKind): readonly RollupRole[] {
  return [...AREA_ROLES, ...KIND_ROLES[kind]];
}

/** What one kind's form holds: column letters, so the dropdowns need no lookup. */
export interface KindDraft {
  /** '' until a sheet is chosen. */
  readonly sheet: string;
  /** 1-based. */
  readonly headerRow: number | null;
  readonly columns: Readonly<Partial<Record<RollupRole, string>>>;
  /** Yes/no answer columns (providers only). */
  readonly yesNo: readonly string[];
}

export const EMPTY_DRAFT: KindDraft = { sheet: '', headerRow: null, columns: {}, yesNo: [] };

/** Header texts as the engine reads them. */
function headerTexts(sheet: SheetGrid, headerRow: number): string[] {
  return (sheet.rows[headerRow - 1] ?? []).map((v) => cellText(v).trim());
}

/** The columns the roll-up used, as the form shows them. */
export function draftFromSource(src: SourceInfo): KindDraft {
  const columns: Partial<Record<RollupRole, string>> = {};
  const yesNo: string[] = [];
  for (const c of src.columns) {
    if (c.role === 'yesNo') yesNo.push(c.column);
    else columns[c.role] = c.column;
  }
  return { sheet: src.sheet, headerRow: src.headerRow, columns, yesNo };
}

/** Recognition on one sheet the user chose: the header row it would pick, and the roles it names. */
export function draftForSheet(kind: RecordKind, sheet: SheetGrid, headerRow?: number | null): KindDraft {
  const found = headerRow ? null : findHeaderRow(sheet);
  // Recognition's header row when it finds one, else the row with the most filled cells.
  const hr = headerRow ?? (found ? found.row + 1 : guessHeaderRow(sheet));
  if (!hr) return { ...EMPTY_DRAFT, sheet: sheet.name };
  const roles = new Map<RollupRole, number>();
  for (const [r, c] of headerRoles(sheet.rows[hr - 1])) if (kindAccepts(kind, r)) roles.set(r, c);
  const columns: Partial<Record<RollupRole, string>> = {};
  for (const [r, c] of roles) columns[r] = columnLetter(c);
  const yesNo = kind === 'providers' ? detectYesNo(sheet, hr - 1, roles).map(columnLetter) : [];
  return { sheet: sheet.name, headerRow: hr, columns, yesNo };
}

/** A saved map the engine could not use (sheet renamed, column gone): what it still points at. */
export function draftFromMap(kind: RecordKind, m: KindMap, wb: WorkbookGrid): KindDraft {
  const sheet = m.sheet !== undefined ? wb.sheets.find((s) => s.name === m.sheet) : undefined;
  if (!sheet) return EMPTY_DRAFT;
  const auto = draftForSheet(kind, sheet, m.headerRow);
  if (!auto.headerRow) return auto;
  const headers = headerTexts(sheet, auto.headerRow);
  const columns: Partial<Record<RollupRole, string>> = { ...auto.columns };
  for (const [role, ref] of Object.entries(m.columns ?? {}) as [RollupRole, string | null | undefined][]) {
    if (ref === undefined) continue;
    delete columns[role];
    const col = ref === null ? -1 : resolveColumn(headers, ref);
    if (col >= 0) columns[role] = columnLetter(col);
  }
  const yesNo = 'yesNo' in m && m.yesNo ? m.yesNo.map((ref) => resolveColumn(headers, ref)).filter((c) => c >= 0).map(columnLetter) : auto.yesNo;
  return { ...auto, columns, yesNo };
}

/** What the form starts with: the columns the roll-up used, else the saved map, else nothing chosen. */
export function initialDraft(kind: RecordKind, result: RollupResult | null, wb: WorkbookGrid, map: RollupMap | undefined): KindDraft {
  const src = result ? sourceOf(result, kind) : null;
  if (src) return draftFromSource(src);
  const m = map?.[MAP_KEY[kind]];
  return m ? draftFromMap(kind, m, wb) : EMPTY_DRAFT;
}

/** One column, one role (as the engine has it): choosing a column takes it from any other role. */
export function setColumn(draft: KindDraft, role: RollupRole, letters: string | null): KindDraft {
  const columns: Partial<Record<RollupRole, string>> = {};
  for (const [r, c] of Object.entries(draft.columns) as [RollupRole, string][]) if (c !== letters) columns[r] = c;
  if (letters) columns[role] = letters;
  else delete columns[role];
  return { ...draft, columns, yesNo: letters ? draft.yesNo.filter((c) => c !== letters) : draft.yesNo };
}

export function toggleYesNo(draft: KindDraft, letters: string, on: boolean): KindDraft {
  const rest = draft.yesNo.filter((c) => c !== letters);
  const yesNo = on ? [...rest, letters].sort((a, b) => columnIndex(a) - columnIndex(b)) : rest;
  const columns: Partial<Record<RollupRole, string>> = {};
  for (const [r, c] of Object.entries(draft.columns) as [RollupRole, string][]) if (!on || c !== letters) columns[r] = c;
  return { ...draft, columns, yesNo };
}

/** Enough columns for the engine to compute anything of this kind (its own rule). */
export function draftUsable(kind: RecordKind, draft: KindDraft): boolean {
  if (!draft.sheet || !draft.headerRow) return false;
  const roles = new Map<RollupRole, number>();
  for (const [r, c] of Object.entries(draft.columns) as [RollupRole, string][]) roles.set(r, columnIndex(c));
  return qualifies(kind, roles);
}

/**
 * A column as the map names it: its header text when that finds it (it still does after a column is
 * inserted), else its letters (blank or repeated headers).
 */
export function columnRef(headers: readonly string[], letters: string): string {
  const col = columnIndex(letters);
  const h = headers[col] ?? '';
  if (h && h.length <= 200 && resolveColumn(headers, h) === col) return h;
  return letters;
}

/** The map entry the form saves: every role named, null for "none", so the engine does what the form shows. */
export function draftToMap(kind: RecordKind, draft: KindDraft, wb: WorkbookGrid): KindMap | null {
  const sheet = wb.sheets.find((s) => s.name === draft.sheet);
  if (!sheet || !draft.headerRow) return null;
  const headers = headerTexts(sheet, draft.headerRow);
  const columns: Record<string, string | null> = {};
  for (const role of kindRoles(kind)) {
    const letters = draft.columns[role];
    columns[role] = letters ? columnRef(headers, letters) : null;
  }
  const out: Record<string, unknown> = { sheet: sheet.name, headerRow: draft.headerRow, columns };
  if (kind === 'providers') out.yesNo = draft.yesNo.map((c) => columnRef(headers, c));
  // Validated as the CLI validates a --map file: the pane never saves what the engine would refuse.
  const parsed = RollupMapSchema.safeParse({ [MAP_KEY[kind]]: out });
  return parsed.success ? (parsed.data[MAP_KEY[kind]] ?? null) : null;
}

/**
 * Open the form without being asked: the kind was not found, or a column is missing on its sheet.
 * Informational gaps (no samples column, say) stop opening it once the user has mapped the kind.
 */
export function needsMapping(kind: RecordKind, result: RollupResult | null, mapped: boolean): boolean {
  if (!result) return false;
  const src = sourceOf(result, kind);
  if (!src) return true;
  return result.findings.some((f) => f.code === 'missing_column' && f.sheet === src.sheet && (f.severity !== 'info' || !mapped));
}
