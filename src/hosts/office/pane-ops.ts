// What the task pane asks of the workbook besides reading and writing our sheets: highlights,
// status dropdowns, date conversions, settings, selection. The rules themselves (which rows, which
// formula, which cells) and the settings' stored form are src/core/workbook-state, shared with the
// browser host, so both hosts mark the same rows and read each other's settings.
import type { CheckResult } from '../../core/model';
import type { Cell, WorkbookGrid } from '../../core/grid';
import { stillAsSeen, type ActualWrite } from '../../core/framework/write-actual';
import { columnLetter, isBlank, parseA1 } from '../../core/grid';
import { isoToSerial, serialToISO } from '../../core/dates';
import { t } from '../../core/i18n';
import type { DateConversion } from '../pane-host';
import type { DropdownArea } from '../../core/workbook-state';
import {
  CF_MARKER, DV_MARKER, OVERDUE_LOOK, SETTINGS_NAMESPACE, cellAreas, parseSettingsXml, settingsXml, statusCells,
} from '../../core/workbook-state';
import { syncWrite, type Ctx, type OfficeEnv } from './env';
import { OfficeHostError, toHostError } from './errors';
import { areaFirstRow, shiftRows } from './formula';
import { isDateFormatCode } from '../shared/numfmt';
import { textValue } from './layout';
import { loadState, type SheetState } from './state';
import { highlightRules } from '../../core/highlights';

/** Date format for converted cells when no other real date in the column shows one. */
export const FALLBACK_DATE_FORMAT = 'yyyy-mm-dd';

/** Recognises our rules however Excel re-spells the formula (case, spaces). */
export function isOurFormula(formula: unknown): boolean {
  if (typeof formula !== 'string') return false;
  const marker = /"[^"]*"/.exec(CF_MARKER)?.[0] ?? CF_MARKER;
  return formula.toLowerCase().includes(marker.toLowerCase());
}

function sheetByName(sheets: readonly SheetState[], name: string): SheetState | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function refuseIfProtected(env: OfficeEnv, sheets: Iterable<SheetState>): void {
  for (const s of sheets) if (s.protected) throw new OfficeHostError('officeWriteProtected', { sheet: s.name }, env.lang);
}

// ---------------------------------------------------------------------------------------------
// Highlights

interface OurRule {
  readonly sheet: SheetState;
  readonly cf: Excel.ConditionalFormat;
}

/** Finds our conditional formats on every sheet (three syncs, whatever the number of rules). */
async function findOurRules(ctx: Ctx, sheets: readonly SheetState[]): Promise<OurRule[]> {
  const all = sheets.map((s) => {
    const cfs = s.ws.getRange().conditionalFormats;
    cfs.load('items/type');
    return { s, cfs };
  });
  await ctx.sync();
  const custom: { s: SheetState; cf: Excel.ConditionalFormat }[] = [];
  for (const { s, cfs } of all) {
    for (const cf of cfs.items) {
      if (cf.type !== 'Custom') continue;
      cf.custom.rule.load('formula');
      custom.push({ s, cf });
    }
  }
  if (!custom.length) return [];
  await ctx.sync();
  return custom.filter(({ cf }) => isOurFormula(cf.custom.rule.formula)).map(({ s, cf }) => ({ sheet: s, cf }));
}

export async function removeHighlights(ctx: Ctx, env: OfficeEnv): Promise<number> {
  if (!env.features.conditionalFormats) return 0;
  const state = await loadState(ctx, env, { protection: true });
  const ours = await findOurRules(ctx, state.sheets);
  if (!ours.length) return 0;
  refuseIfProtected(env, new Set(ours.map((r) => r.sheet)));
  for (const r of ours) r.cf.delete();
  await syncWrite(ctx, env);
  return ours.length;
}

export async function highlightOverdue(ctx: Ctx, env: OfficeEnv, result: CheckResult, grid: WorkbookGrid, today: string): Promise<number> {
  if (!env.features.conditionalFormats) return 0;
  const rules = highlightRules(result, grid, { today });
  const state = await loadState(ctx, env, { protection: true });
  const targets = new Set(rules.map((r) => sheetByName(state.sheets, r.sheet)).filter((s): s is SheetState => !!s));
  const old = await findOurRules(ctx, state.sheets);
  // Nothing changes unless every sheet involved accepts the change.
  refuseIfProtected(env, new Set([...targets, ...old.map((r) => r.sheet)]));
  for (const r of old) r.cf.delete();
  let added = 0;
  for (const rule of rules) {
    const sheet = sheetByName(state.sheets, rule.sheet);
    if (!sheet) continue;
    const areas = rule.sqref.split(/\s+/).filter(Boolean);
    const first = areas[0];
    if (!first) continue;
    const formula = `=${rule.formula}`;
    const anchor = areaFirstRow(first);
    // Many areas go in groups (Excel's "Applies to" stays short); each group is anchored at its first row.
    const groups = env.features.rangeAreas ? groupAreas(areas, MAX_APPLIES_TO) : areas.map((a) => [a]);
    for (const group of groups) {
      const head = group[0] ?? first;
      const target = group.length > 1 ? sheet.ws.getRanges(group.join(',')) : sheet.ws.getRange(head);
      addFormat(target.conditionalFormats, shiftRows(formula, areaFirstRow(head) - anchor), rule.look ?? OVERDUE_LOOK);
      added++;
    }
  }
  await syncWrite(ctx, env);
  return added;
}

/** Characters of one rule's "Applies to" list: the length Excel's own dialog accepts. */
export const MAX_APPLIES_TO = 255;

/** Consecutive areas in groups whose comma-joined list stays within `max` characters. */
export function groupAreas(areas: readonly string[], max: number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let len = 0;
  for (const a of areas) {
    const add = (current.length ? 1 : 0) + a.length;
    if (current.length && len + add > max) {
      out.push(current);
      current = [];
      len = 0;
    }
    len += (current.length ? 1 : 0) + a.length;
    current.push(a);
  }
  if (current.length) out.push(current);
  return out;
}

/** One marked rule with its look (overdue rows, or a results-framework band). */
function addFormat(cfs: Excel.ConditionalFormatCollection, formula: string, look: { readonly fill: string; readonly font: string }): void {
  const cf = cfs.add('Custom');
  cf.custom.rule.formula = formula;
  cf.custom.format.fill.color = `#${look.fill}`;
  cf.custom.format.font.color = `#${look.font}`;
}

// ---------------------------------------------------------------------------------------------
// Status dropdowns

export interface DropdownReport {
  /** Ranges that got our list. */
  readonly applied: readonly string[];
  /** Ranges left alone because the user has a validation there (catalogue key officeDropdownSkipped). */
  readonly skipped: readonly { readonly sheet: string; readonly range: string }[];
  /** This Excel cannot add validation (ExcelApi 1.8): nothing was done. */
  readonly unsupported: boolean;
  /** The list's words: the given ones plus the values already in the cells (so none becomes invalid). */
  readonly words: readonly string[];
}

interface DvArea {
  readonly sheet: SheetState;
  readonly area: string;
  readonly range: Excel.Range;
}

/** Prepares the dropdowns: which areas are free, and every value already in them. */
export async function inspectStatusCells(
  ctx: Ctx,
  env: OfficeEnv,
  result: CheckResult,
  words: readonly string[],
): Promise<{ areas: DvArea[]; skipped: { sheet: string; range: string }[]; words: string[] }> {
  const state = await loadState(ctx, env, { protection: true });
  const areas: DvArea[] = [];
  for (const spec of statusCells(result)) {
    const sheet = sheetByName(state.sheets, spec.sheet);
    if (!sheet) continue;
    for (const area of cellAreas(spec.cells)) {
      const range = sheet.ws.getRange(area);
      range.load('values');
      range.dataValidation.load('type,errorAlert');
      areas.push({ sheet, area, range });
    }
  }
  await ctx.sync();
  const free: DvArea[] = [];
  const skipped: { sheet: string; range: string }[] = [];
  const list = new Map<string, string>();
  const add = (w: string): void => {
    const k = w.trim();
    if (k && !list.has(k.toLowerCase())) list.set(k.toLowerCase(), k);
  };
  words.forEach(add);
  for (const a of areas) {
    const type = a.range.dataValidation.type;
    const ours = a.range.dataValidation.errorAlert?.title === DV_MARKER;
    if (type !== 'None' && !ours) {
      skipped.push({ sheet: a.sheet.name, range: a.area });
      continue;
    }
    free.push(a);
    for (const row of a.range.values) for (const v of row) if (!isBlank(v as string)) add(String(v));
  }
  refuseIfProtected(env, new Set(free.map((a) => a.sheet)));
  return { areas: free, skipped, words: [...list.values()] };
}

/** The list as Excel's validation source: inline when it fits, else a range of our list sheet. */
export function inlineSource(words: readonly string[]): string | null {
  if (words.some((w) => w.includes(',') || w.includes('"'))) return null;
  const joined = words.join(',');
  return joined.length <= 255 ? joined : null;
}

export async function applyStatusDropdowns(ctx: Ctx, env: OfficeEnv, areas: readonly DvArea[], source: string): Promise<void> {
  for (const a of areas) {
    const dv = a.range.dataValidation;
    dv.clear();
    dv.ignoreBlanks = true;
    dv.rule = { list: { inCellDropDown: true, source } };
    // A warning, not a stop: the user may still type a word we do not list.
    dv.errorAlert = { showAlert: true, style: 'Warning', title: DV_MARKER, message: t(env.lang, 'pane', 'officeDropdownError') };
  }
  await syncWrite(ctx, env);
}

/** Clears our validation on each recorded area that still holds it whole; returns the areas cleared. */
export async function removeDropdowns(ctx: Ctx, env: OfficeEnv, areas: readonly DropdownArea[]): Promise<DropdownArea[]> {
  const state = await loadState(ctx, env, { protection: true });
  const found: { a: DropdownArea; sheet: SheetState; range: Excel.Range }[] = [];
  for (const a of areas) {
    const sheet = sheetByName(state.sheets, a.sheet);
    if (!sheet) continue;
    const range = sheet.ws.getRange(a.range);
    range.dataValidation.load('type,errorAlert');
    found.push({ a, sheet, range });
  }
  if (!found.length) return [];
  await ctx.sync();
  // A range the user has since given a validation of their own (whole or in part) is theirs now.
  const ours = found.filter((f) => f.range.dataValidation.type !== 'None' && f.range.dataValidation.errorAlert?.title === DV_MARKER);
  if (!ours.length) return [];
  refuseIfProtected(env, new Set(ours.map((f) => f.sheet)));
  for (const f of ours) f.range.dataValidation.clear();
  await syncWrite(ctx, env);
  return ours.map((f) => f.a);
}

// ---------------------------------------------------------------------------------------------
// Date conversions

export interface ConversionReport {
  readonly done: readonly DateConversion[];
  /** Cells whose content changed since the check: left as they are. */
  readonly skipped: readonly DateConversion[];
}

export async function convertDates(ctx: Ctx, env: OfficeEnv, changes: readonly DateConversion[]): Promise<ConversionReport> {
  const state = await loadState(ctx, env, { protection: true, date: true });
  const cells: { ch: DateConversion; sheet: SheetState; range: Excel.Range }[] = [];
  const columns: { sheet: SheetState; col: number; range: Excel.Range }[] = [];
  const spans = new Map<string, { sheet: SheetState; col: number; r0: number; r1: number }>();
  for (const ch of changes) {
    const sheet = sheetByName(state.sheets, ch.sheet);
    const p = parseA1(ch.cell);
    if (!sheet || !p) continue;
    const range = sheet.ws.getRange(ch.cell);
    range.load('values');
    cells.push({ ch, sheet, range });
    const key = `${sheet.name}\u0000${p.c}`;
    const span = spans.get(key);
    spans.set(key, span ? { ...span, r0: Math.min(span.r0, p.r), r1: Math.max(span.r1, p.r) } : { sheet, col: p.c, r0: p.r, r1: p.r });
  }
  // The converted cells take the date format their column already shows (like the browser host).
  for (const s of spans.values()) {
    const range = s.sheet.ws.getRangeByIndexes(s.r0, s.col, s.r1 - s.r0 + 1, 1);
    range.load('values,numberFormat');
    columns.push({ sheet: s.sheet, col: s.col, range });
  }
  await ctx.sync();
  const formatOf = new Map<string, string>();
  for (const c of columns) {
    let fmt = FALLBACK_DATE_FORMAT;
    c.range.values.forEach((row, i) => {
      const f = c.range.numberFormat[i]?.[0];
      if (fmt === FALLBACK_DATE_FORMAT && typeof row[0] === 'number' && typeof f === 'string' && isDateFormatCode(f)) fmt = f;
    });
    formatOf.set(`${c.sheet.name}\u0000${c.col}`, fmt);
  }
  const done: DateConversion[] = [];
  const skipped: DateConversion[] = [];
  const writes: (() => void)[] = [];
  for (const { ch, sheet, range } of cells) {
    const now = range.values[0]?.[0];
    // Only a cell that still holds the text the user saw is changed.
    if (typeof now !== 'string' || now.trim() !== ch.originalText.trim()) {
      skipped.push(ch);
      continue;
    }
    let serial: number;
    try {
      serial = isoToSerial(ch.iso, state.date1904);
    } catch {
      skipped.push(ch);
      continue;
    }
    const p = parseA1(ch.cell);
    const fmt = formatOf.get(`${sheet.name}\u0000${p?.c ?? -1}`) ?? FALLBACK_DATE_FORMAT;
    writes.push(() => {
      // The format first: a number written into a text-formatted ("@") cell would stay text.
      range.numberFormat = [[fmt]];
      range.values = [[serial]];
    });
    done.push(ch);
  }
  if (!writes.length) return { done, skipped };
  refuseIfProtected(env, new Set(cells.filter((c) => done.includes(c.ch)).map((c) => c.sheet)));
  for (const w of writes) w();
  try {
    await syncWrite(ctx, env);
  } catch (e) {
    throw toHostError(e, env.lang, [...new Set(done.map((d) => d.sheet))].join(', '));
  }
  return { done, skipped };
}

/** Restores the recorded texts where the cell still holds the date we wrote; returns the records left. */
export async function undoDates(ctx: Ctx, env: OfficeEnv, records: readonly DateConversion[]): Promise<{ restored: DateConversion[]; left: DateConversion[] }> {
  const state = await loadState(ctx, env, { protection: true, date: true });
  const cells: { rec: DateConversion; sheet: SheetState; range: Excel.Range }[] = [];
  const left: DateConversion[] = [];
  for (const rec of records) {
    const sheet = sheetByName(state.sheets, rec.sheet);
    if (!sheet || !parseA1(rec.cell)) {
      left.push(rec);
      continue;
    }
    const range = sheet.ws.getRange(rec.cell);
    range.load('values');
    cells.push({ rec, sheet, range });
  }
  await ctx.sync();
  const restored: DateConversion[] = [];
  const touched = new Set<SheetState>();
  for (const { rec, sheet, range } of cells) {
    const v = range.values[0]?.[0];
    // A date the user has since changed is theirs now: leave it and keep the record.
    if (typeof v !== 'number' || serialToISO(v, state.date1904) !== rec.iso) {
      left.push(rec);
      continue;
    }
    restored.push(rec);
    touched.add(sheet);
  }
  if (!restored.length) return { restored, left };
  refuseIfProtected(env, touched);
  for (const { rec, range } of cells) if (restored.includes(rec)) range.values = [[textValue(rec.originalText)]];
  await syncWrite(ctx, env);
  return { restored, left };
}

// ---------------------------------------------------------------------------------------------
// Settings: a custom XML part in Tablero's namespace, the same part the browser host writes.

export async function loadSettings(ctx: Ctx): Promise<unknown> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  parts.load('items/id');
  await ctx.sync();
  const part = parts.items[0];
  if (!part) return undefined;
  const xml = part.getXml();
  await ctx.sync();
  return parseSettingsXml(xml.value);
}

export async function saveSettings(ctx: Ctx, settings: unknown): Promise<void> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
  parts.load('items/id');
  await ctx.sync();
  const body = settingsXml(settings);
  const [first, ...extra] = parts.items;
  if (first) first.setXml(body);
  else ctx.workbook.customXmlParts.add(body);
  for (const p of extra) p.delete(); // one part only, as the browser host keeps it
  await ctx.sync();
}

// ---------------------------------------------------------------------------------------------
// Selection

export async function selectRange(ctx: Ctx, env: OfficeEnv, sheet: string, address: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load('name');
  await ctx.sync();
  if (ws.isNullObject) throw new OfficeHostError('officeSheetNotFound', { sheet }, env.lang);
  ws.activate();
  ws.getRange(address).select();
  await ctx.sync();
}

/** The list sheet's range that holds `count` words, as a validation source. */
export function listSourceAddress(sheetName: string, headerRow: number, col: number, count: number): string {
  const letter = columnLetter(col);
  return `='${sheetName.replace(/'/g, "''")}'!$${letter}$${headerRow + 2}:$${letter}$${headerRow + 1 + count}`;
}


/** One figure from the records into the user's cell, asked for in the pane: only while the cell holds what the check saw. */
export async function writeActual(ctx: Ctx, env: OfficeEnv, w: ActualWrite): Promise<boolean> {
  const state = await loadState(ctx, env, { protection: true });
  const sheet = sheetByName(state.sheets, w.sheet);
  if (!sheet || !parseA1(w.cell)) return false;
  const range = sheet.ws.getRange(w.cell);
  range.load('values,formulas');
  await ctx.sync();
  const formula = range.formulas[0]?.[0];
  // A formula is more than its value: left alone, as date conversion does.
  if (typeof formula === 'string' && formula.startsWith('=')) return false;
  if (!stillAsSeen(range.values[0]?.[0] as Cell, w.seen)) return false;
  refuseIfProtected(env, new Set([sheet]));
  range.values = [[w.value]];
  try {
    await syncWrite(ctx, env);
  } catch (e) {
    throw toHostError(e, env.lang, sheet.name);
  }
  return true;
}
