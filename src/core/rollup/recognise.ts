// Finds the record sheets of a workbook: the header row, the role of each column, the kind of sheet.
import { cellText, columnIndex, isBlank, type SheetGrid, type WorkbookGrid } from '../grid';
import { finding, type Finding } from '../findings';
import { fold } from '../text';
import { t, type Lang } from '../i18n';
import type { KindMap, RollupMap } from './map';
import type { RecordKind } from './types';
import { AREA_LEVELS, matchHeader, parseYesNo, SHEET_NAME_HINTS, type AreaLevel, type RollupRole } from './vocab';

/** How far down a header row may sit (title rows above it). */
export const HEADER_SEARCH_ROWS = 20;
/** Rows sampled to decide whether an unnamed column holds yes/no answers. */
const YES_NO_SAMPLE = 200;

export interface LevelColumn {
  readonly level: AreaLevel;
  readonly col: number;
  readonly header: string;
}

export interface SheetLayout {
  readonly kind: RecordKind;
  readonly sheet: SheetGrid;
  /** 0-based header row. */
  readonly headerRow: number;
  readonly roles: ReadonlyMap<RollupRole, number>;
  /** Header text of each column of the header row. */
  readonly headers: readonly string[];
  /** Yes/no answer columns (providers). */
  readonly yesNo: readonly number[];
  /** Area columns present, highest level first (the community included). */
  readonly levels: readonly LevelColumn[];
  readonly mapped: boolean;
}

const AREA_SET = new Set<RollupRole>(AREA_LEVELS);
const COVERAGE_ROLES = new Set<RollupRole>(['households', 'water', 'sanitation', 'schools', 'schoolsWash', 'healthCentres', 'healthWash']);
const SYSTEM_ROLES = new Set<RollupRole>(['system', 'systemType', 'chlorination', 'samplesTested', 'samplesPassed', 'ladder']);
const PROVIDER_ROLES = new Set<RollupRole>(['provider', 'providerType']);
const GRADE_ROLES = new Set<RollupRole>(['category', 'score']);

/** The roles each kind reads; a systems sheet's "Prestador" column, say, is not used. */
export function kindAccepts(kind: RecordKind, role: RollupRole): boolean {
  if (AREA_SET.has(role)) return true;
  if (kind === 'coverage') return COVERAGE_ROLES.has(role);
  if (kind === 'systems') return SYSTEM_ROLES.has(role) || GRADE_ROLES.has(role);
  return PROVIDER_ROLES.has(role) || GRADE_ROLES.has(role);
}

/** Does a sheet with these roles hold enough to compute anything of this kind? */
export function qualifies(kind: RecordKind, roles: ReadonlyMap<RollupRole, number>): boolean {
  const has = (r: RollupRole) => roles.has(r);
  if (kind === 'coverage') {
    return (has('households') && (has('water') || has('sanitation'))) || (has('schools') && has('schoolsWash')) || (has('healthCentres') && has('healthWash'));
  }
  if (kind === 'systems') return has('category') || has('score') || has('ladder');
  return has('provider') && (has('category') || has('score'));
}

function kindScore(kind: RecordKind, roles: ReadonlyMap<RollupRole, number>, yesNo: number): number {
  let n = 0;
  const own = kind === 'coverage' ? COVERAGE_ROLES : kind === 'systems' ? SYSTEM_ROLES : PROVIDER_ROLES;
  for (const r of roles.keys()) if (own.has(r)) n++;
  return kind === 'providers' ? n + yesNo : n;
}

function nameHint(kind: RecordKind, sheetName: string): boolean {
  const f = fold(sheetName);
  return SHEET_NAME_HINTS[kind].some((h) => f.includes(fold(h)));
}

/** Roles named by one row's cells: the first column wins when two name the same role. */
export function headerRoles(row: readonly unknown[] | undefined): Map<RollupRole, number> {
  const roles = new Map<RollupRole, number>();
  if (!row) return roles;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string') continue;
    const role = matchHeader(v);
    if (role && !roles.has(role)) roles.set(role, c);
  }
  return roles;
}

/** The row within the first rows that names the most roles (at least two), or null. */
export function findHeaderRow(sheet: SheetGrid): { row: number; roles: Map<RollupRole, number> } | null {
  let best: { row: number; roles: Map<RollupRole, number> } | null = null;
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const roles = headerRoles(sheet.rows[r]);
    if (roles.size >= 2 && (!best || roles.size > best.roles.size)) best = { row: r, roles };
  }
  return best;
}

/** Columns without a role whose values are (nearly all) yes/no words: "Cobra tarifa", "Rinde cuentas". */
export function detectYesNo(sheet: SheetGrid, headerRow: number, roles: ReadonlyMap<RollupRole, number>): number[] {
  const header = sheet.rows[headerRow] ?? [];
  const used = new Set(roles.values());
  const out: number[] = [];
  const last = Math.min(sheet.rows.length, headerRow + 1 + YES_NO_SAMPLE);
  for (let c = 0; c < header.length; c++) {
    if (used.has(c) || isBlank(header[c])) continue;
    let answers = 0;
    let other = 0;
    for (let r = headerRow + 1; r < last; r++) {
      const v = sheet.rows[r]?.[c];
      if (v === null || v === undefined || isBlank(v)) continue;
      // Numbers are counts, not answers: a 0/1 count column must not pass as yes/no.
      if ((typeof v === 'string' || typeof v === 'boolean') && parseYesNo(v) !== null) answers++;
      else other++;
    }
    if (answers > 0 && answers >= 9 * other) out.push(c);
  }
  return out;
}

function headerTexts(sheet: SheetGrid, headerRow: number): string[] {
  return (sheet.rows[headerRow] ?? []).map((v) => cellText(v).trim());
}

function levelsOf(roles: ReadonlyMap<RollupRole, number>, headers: readonly string[]): LevelColumn[] {
  const out: LevelColumn[] = [];
  for (const level of AREA_LEVELS) {
    const col = roles.get(level);
    if (col !== undefined) out.push({ level, col, header: headers[col] ?? level });
  }
  return out;
}

function makeLayout(kind: RecordKind, sheet: SheetGrid, headerRow: number, allRoles: ReadonlyMap<RollupRole, number>, mapped: boolean, yesNo?: number[]): SheetLayout {
  const roles = new Map<RollupRole, number>();
  for (const [r, c] of allRoles) if (kindAccepts(kind, r)) roles.set(r, c);
  const headers = headerTexts(sheet, headerRow);
  return {
    kind,
    sheet,
    headerRow,
    roles,
    headers,
    yesNo: kind === 'providers' ? (yesNo ?? detectYesNo(sheet, headerRow, roles)) : [],
    levels: levelsOf(roles, headers),
    mapped,
  };
}

interface Candidate {
  readonly layout: SheetLayout;
  readonly score: number;
}

/** The best kind for one sheet, or null when it is not a record sheet. */
export function recogniseSheet(sheet: SheetGrid): Candidate | null {
  const head = findHeaderRow(sheet);
  if (!head) return null;
  let best: Candidate | null = null;
  let bestHint = false;
  for (const kind of ['coverage', 'systems', 'providers'] as const) {
    if (!qualifies(kind, head.roles)) continue;
    const layout = makeLayout(kind, sheet, head.row, head.roles, false);
    const score = kindScore(kind, head.roles, layout.yesNo.length);
    const hint = nameHint(kind, sheet.name);
    // Ties go to the kind the sheet's name suggests, then to the first kind listed.
    if (!best || score > best.score || (score === best.score && hint && !bestHint)) {
      best = { layout, score };
      bestHint = hint;
    }
  }
  return best;
}

export type MapKey = 'coverage' | 'serviceLevels' | 'providerPerformance';
export const MAP_KEY: Readonly<Record<RecordKind, MapKey>> = { coverage: 'coverage', systems: 'serviceLevels', providers: 'providerPerformance' };

export interface Recognised {
  readonly coverage: SheetLayout | null;
  readonly systems: SheetLayout | null;
  readonly providers: SheetLayout | null;
}

/** Finds the record sheet of each kind: the user's map first, then the best recognised sheet. */
export function recogniseWorkbook(wb: WorkbookGrid, map: RollupMap | undefined, lang: Lang, findings: Finding[]): Recognised {
  const best: Partial<Record<RecordKind, Candidate>> = {};
  const bySheet = new Map<SheetGrid, Candidate | null>();
  for (const sheet of wb.sheets) {
    // Our own roll-up sheets look like record sheets: never read them back as data.
    if (sheet.createdByTablero) continue;
    const cand = recogniseSheet(sheet);
    bySheet.set(sheet, cand);
    if (!cand) continue;
    const k = cand.layout.kind;
    const prev = best[k];
    if (!prev || cand.score > prev.score) best[k] = cand;
  }
  const out: Record<RecordKind, SheetLayout | null> = { coverage: null, systems: null, providers: null };
  for (const kind of ['coverage', 'systems', 'providers'] as const) {
    const m = map?.[MAP_KEY[kind]];
    out[kind] = m ? mappedLayout(kind, m, wb, best[kind]?.layout ?? null, lang, findings) : (best[kind]?.layout ?? null);
  }
  return out;
}

function findSheet(wb: WorkbookGrid, name: string): SheetGrid | null {
  const f = fold(name);
  return wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => fold(s.name) === f) ?? null;
}

/** A column by header text in the header row, else by letters; -1 when neither. */
export function resolveColumn(headers: readonly string[], ref: string): number {
  const f = fold(ref);
  const i = headers.findIndex((h) => fold(h) === f);
  if (i >= 0) return i;
  if (/^[A-Za-z]{1,3}$/.test(ref.trim())) return columnIndex(ref.trim());
  return -1;
}

function mappedLayout(kind: RecordKind, m: KindMap, wb: WorkbookGrid, auto: SheetLayout | null, lang: Lang, findings: Finding[]): SheetLayout | null {
  const sheet = m.sheet !== undefined ? findSheet(wb, m.sheet) : (auto?.sheet ?? null);
  const kindLabel = t(lang, 'rollup', kindKey(kind));
  if (!sheet) {
    findings.push(finding('no_record_sheet', 'error', { sheet: m.sheet ?? null }, { kind: kindLabel }));
    return null;
  }
  const columns = (m.columns ?? {}) as Readonly<Record<string, string | null | undefined>>;
  let headerRow: number;
  if (m.headerRow !== undefined) headerRow = m.headerRow - 1;
  else if (auto && auto.sheet === sheet) headerRow = auto.headerRow;
  else headerRow = guessHeaderRow(sheet, Object.values(columns).filter((v): v is string => typeof v === 'string'));
  const headers = headerTexts(sheet, headerRow);
  const roles = headerRoles(sheet.rows[headerRow]);
  for (const [role, ref] of Object.entries(columns) as [RollupRole, string | null | undefined][]) {
    if (ref === undefined) continue;
    roles.delete(role);
    if (ref === null) continue;
    const col = resolveColumn(headers, ref);
    if (col < 0) {
      findings.push(finding('missing_column', 'error', { sheet: sheet.name }, { column: ref, sheet: sheet.name, indicator: t(lang, 'rollup', `role_${role}`) }));
      continue;
    }
    // One column, one role: the user's choice replaces what recognition gave that column.
    for (const [r, c] of roles) if (c === col) roles.delete(r);
    roles.set(role, col);
  }
  let yesNo: number[] | undefined;
  if (kind === 'providers' && 'yesNo' in m && m.yesNo) {
    yesNo = [];
    for (const ref of m.yesNo) {
      const col = resolveColumn(headers, ref);
      if (col < 0) findings.push(finding('missing_column', 'error', { sheet: sheet.name }, { column: ref, sheet: sheet.name, indicator: t(lang, 'rollup', 'ind_yesNo') }));
      else yesNo.push(col);
    }
  }
  const layout = makeLayout(kind, sheet, headerRow, roles, true, yesNo);
  if (!qualifies(kind, layout.roles)) {
    findings.push(finding('missing_column', 'error', { sheet: sheet.name }, { column: t(lang, 'rollup', requiredKey(kind)), sheet: sheet.name, indicator: kindLabel }));
    return null;
  }
  return layout;
}

/** Without a header row in the map: the row among the first ones holding most of the mapped header texts. */
function guessHeaderRow(sheet: SheetGrid, refs: readonly string[]): number {
  const wanted = new Set(refs.map((r) => fold(r)));
  let best = 0;
  let bestScore = -1;
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r] ?? [];
    let score = headerRoles(row).size;
    for (const v of row) if (typeof v === 'string' && wanted.has(fold(v))) score += 2;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

export function kindKey(kind: RecordKind): 'kind_coverage' | 'kind_systems' | 'kind_providers' {
  return kind === 'coverage' ? 'kind_coverage' : kind === 'systems' ? 'kind_systems' : 'kind_providers';
}

function requiredKey(kind: RecordKind): 'required_coverage' | 'required_systems' | 'required_providers' {
  return kind === 'coverage' ? 'required_coverage' : kind === 'systems' ? 'required_systems' : 'required_providers';
}
