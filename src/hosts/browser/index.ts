// The pane's host outside Office: an .xlsx held in memory, read and written with the xlsx host,
// with conditional formats, validations, date conversions and settings written into its XML.
// Nothing leaves the page: the user gets the result back as a download.
import type { PaneHost, HostCapabilities, DateConversion } from '../pane-host';
import type { WrittenSheet } from '../host';
import type { CheckResult } from '../../core/model';
import type { WorkbookGrid, SheetGrid } from '../../core/grid';
import type { OutputSheet } from '../../core/output';
import type { Lang } from '../../core/i18n';
import { t } from '../../core/i18n';
import { a1, cellAt, cellText, columnLetter, isDateCell, parseA1, parseRange } from '../../core/grid';
import { isoFromLocalDate, isoToSerial, serialToISO } from '../../core/dates';
import { readXlsxAsync } from '../xlsx/read';
import { writeXlsx } from '../xlsx/write';
import {
  addDxf,
  cellStyle,
  cloneXfWithNumFmt,
  findCell,
  insertWorksheetChild,
  numFmtOfStyle,
  removeWorksheetChildren,
  replaceRange,
  setNumberCell,
  topChildren,
  worksheetPrefix,
} from '../xlsx/part-edits';
import { readText, sheetPartPath, unzipParts, writeText, zipParts } from '../xlsx/edit';
import { escapeText } from '../../core/xml-text';
import { CF_MARKER, DV_MARKER, OVERDUE_LOOK, cellAreas, inlineList, statusCells } from '../../core/workbook-state';
import { readSettingsPart, writeSettingsPart } from '../xlsx/settings-part';
import { rewriteName } from '../../core/our-sheet-name';
import { highlightRules } from '../../core/highlights';
import { stillAsSeen, type ActualWrite } from '../../core/framework/write-actual';
import { conversionRecordSheet, findConversionSheet, parseConversionRecord } from '../../core/workbook-state';
import { dropdownRecordSheet, findDropdownSheet, mergeDropdownAreas, parseDropdownRecord, type DropdownArea } from '../../core/workbook-state';

export { SETTINGS_NAMESPACE } from '../xlsx/settings-part';

/** A conditional format's look as a dxf (overdue rows, or a results-framework band). */
const lookDxf = (look: { fill: string; font: string }): string =>
  `<font><color rgb="FF${look.font}"/></font><fill><patternFill><bgColor rgb="FF${look.fill}"/></patternFill></fill>`;

export interface BrowserHostOptions {
  /** Language of the sheets the host writes itself (the date-conversion record, the status list). */
  readonly lang?: Lang;
  /** Today's date (tests pass one; default: the local date). */
  readonly today?: () => string;
  /** The grid of `bytes` when the caller has just read it (saves reading the file twice). */
  readonly grid?: WorkbookGrid;
}

export class BrowserHost implements PaneHost {
  readonly kind = 'browser' as const;
  lang: Lang;
  private bytes: Uint8Array;
  private grid: WorkbookGrid | null = null;
  private readonly today: () => string;
  private readonly listeners = new Set<(sheet: string, address: string) => void>();
  /** Exact cell XML before a conversion, for an undo in the same session. */
  private readonly originals = new Map<string, string>();

  constructor(
    bytes: Uint8Array,
    readonly fileName: string,
    opts: BrowserHostOptions = {},
  ) {
    this.bytes = bytes;
    this.lang = opts.lang ?? 'es';
    this.today = opts.today ?? (() => isoFromLocalDate(new Date()));
    this.grid = opts.grid ?? null;
  }

  /** The workbook as it is now: the user's file plus everything Tablero wrote into it. */
  currentBytes(): Uint8Array {
    return this.bytes;
  }

  /** "plan.xlsx" → "plan (Tablero).xlsx": never the name of the file the user opened. */
  downloadName(): string {
    const base = this.fileName.replace(/\.xlsx$/i, '');
    return `${base} (Tablero).xlsx`;
  }

  /** Subscribes to selections (the page shows the sheet and marks the selected cells). */
  onSelect(listener: (sheet: string, address: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async read(): Promise<WorkbookGrid> {
    if (!this.grid) this.grid = await readXlsxAsync(this.bytes);
    return this.grid;
  }

  async writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]> {
    const out = await writeXlsx(this.bytes, sheets);
    this.setBytes(out.bytes);
    return out.written;
  }

  async capabilities(): Promise<HostCapabilities> {
    return {
      customProperties: false,
      conditionalFormats: true,
      dataValidation: true,
      createWorkbook: false,
      notes: ['noteBrowserMode'],
    };
  }

  async select(sheet: string, address: string): Promise<void> {
    for (const l of this.listeners) l(sheet, address);
  }

  async highlightOverdue(result: CheckResult): Promise<void> {
    await this.removeHighlights();
    const wb = await this.read();
    const rules = highlightRules(result, wb, { today: this.today() });
    if (!rules.length) return;
    const parts = unzipParts(this.bytes);
    const stylesPath = parts.ensureStylesPath();
    let styles = readText(parts, stylesPath) ?? '';
    const dxfIds = new Map<string, number>();
    const dxfOf = (look: { fill: string; font: string } = OVERDUE_LOOK): number => {
      const inner = lookDxf(look);
      let id = dxfIds.get(inner);
      if (id === undefined) {
        const added = addDxf(styles, inner);
        styles = added.xml;
        id = added.id;
        dxfIds.set(inner, id);
      }
      return id;
    };
    for (const r of rules) dxfOf(r.look);
    writeText(parts, stylesPath, styles);
    for (const sheet of new Set(rules.map((r) => r.sheet))) {
      const path = sheetPartPath(parts, sheet);
      if (!path) continue;
      let xml = readText(parts, path) ?? '';
      const prefix = worksheetPrefix(xml);
      let priority = Math.max(0, ...[...xml.matchAll(/\spriority="(\d+)"/g)].map((m) => Number(m[1])));
      const fragment = rules
        .filter((r) => r.sheet === sheet)
        .map(
          (r) =>
            `<${prefix}conditionalFormatting sqref="${r.sqref}"><${prefix}cfRule type="expression" dxfId="${dxfOf(r.look)}" priority="${++priority}"><${prefix}formula>${escapeText(r.formula)}</${prefix}formula></${prefix}cfRule></${prefix}conditionalFormatting>`,
        )
        .join('');
      xml = insertWorksheetChild(xml, 'conditionalFormatting', fragment);
      writeText(parts, path, xml);
    }
    this.setBytes(zipParts(parts), false);
  }

  async removeHighlights(): Promise<void> {
    const parts = unzipParts(this.bytes);
    let changed = false;
    for (const sheet of (await this.read()).sheets) {
      const path = sheetPartPath(parts, sheet.name);
      const xml = path ? readText(parts, path) : null;
      if (!path || !xml || !hasMarker(xml)) continue;
      // Only our rules go (a user rule Excel grouped with ours on the same range stays), then
      // the conditionalFormatting elements left without a rule.
      const next = removeWorksheetChildren(stripOurRules(xml), (local, text) => local === 'conditionalFormatting' && !/<(?:\w+:)?cfRule\b/.test(text));
      writeText(parts, path, next);
      changed = true;
    }
    if (changed) this.setBytes(zipParts(parts), false);
  }

  /** Whether the workbook carries our highlight rules (e.g. saved from an earlier session). */
  async hasHighlights(): Promise<boolean> {
    const parts = unzipParts(this.bytes);
    for (const sheet of (await this.read()).sheets) {
      const path = sheetPartPath(parts, sheet.name);
      const xml = path ? await parts.textAsync(path) : null;
      if (xml && hasMarker(xml)) return true;
    }
    return false;
  }

  async addStatusDropdowns(result: CheckResult, words: readonly string[]): Promise<number> {
    if (!words.length) return 0;
    let formula = inlineList(words);
    if (!formula) formula = await this.writeStatusList(words);
    const before = await this.dropdownRecord();
    const parts = unzipParts(this.bytes);
    const applied: DropdownArea[] = [];
    for (const spec of statusCells(result)) {
      const path = sheetPartPath(parts, spec.sheet);
      if (!path) continue;
      let xml = readText(parts, path) ?? '';
      const prefix = worksheetPrefix(xml);
      // Our earlier dropdowns go; the user's own validations stay and keep their cells.
      xml = removeOurValidations(xml);
      const taken = userValidationBoxes(xml);
      const cells = spec.cells.filter((c) => {
        const p = parseA1(c);
        return p && !taken.some((b) => p.r >= b.r0 && p.r <= b.r1 && p.c >= b.c0 && p.c <= b.c1);
      });
      if (!cells.length) continue;
      const areas = cellAreas(cells);
      applied.push(...areas.map((range) => ({ sheet: spec.sheet, range })));
      const dv = `<${prefix}dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${DV_MARKER}" sqref="${areas.join(' ')}"><${prefix}formula1>${escapeText(formula)}</${prefix}formula1></${prefix}dataValidation>`;
      const existing = topChildren(xml, 'worksheet').find((c) => c.local === 'dataValidations');
      if (existing) {
        const text = xml.slice(existing.start, existing.end);
        const close = text.lastIndexOf('</');
        let grown = text.slice(0, close) + dv + text.slice(close);
        const count = (grown.match(/<(?:\w+:)?dataValidation[\s>]/g) ?? []).length;
        grown = grown.replace(/^(<[\w:]*dataValidations\b[^>]*?)\s?count="\d+"/, '$1').replace(/^<([\w:]*dataValidations)\b/, `<$1 count="${count}"`);
        xml = replaceRange(xml, existing.start, existing.end, grown);
      } else {
        xml = insertWorksheetChild(xml, 'dataValidations', `<${prefix}dataValidations count="1">${dv}</${prefix}dataValidations>`);
      }
      writeText(parts, path, xml);
    }
    this.setBytes(zipParts(parts), false);
    // The record: what this run added, plus earlier areas on sheets it did not touch (their dropdowns stay).
    const now = new Set(statusCells(result).map((s) => s.sheet));
    const kept = before.filter((a) => !now.has(a.sheet));
    if (applied.length || before.length) await this.writeDropdownRecord(mergeDropdownAreas(kept, applied));
    return applied.length;
  }

  /** Removes our validations (marked) from the recorded sheets; the user's stay, with their cells. */
  async removeStatusDropdowns(): Promise<number> {
    const record = await this.dropdownRecord();
    if (!record.length) return 0;
    const parts = unzipParts(this.bytes);
    let removed = 0;
    for (const sheet of new Set(record.map((a) => a.sheet))) {
      const path = sheetPartPath(parts, sheet);
      const xml = path ? readText(parts, path) : null;
      if (!path || !xml) continue;
      const next = removeOurValidations(xml);
      if (next === xml) continue;
      removed += record.filter((a) => a.sheet === sheet).length;
      writeText(parts, path, next);
    }
    this.setBytes(zipParts(parts), false);
    await this.writeDropdownRecord([]);
    return removed;
  }

  /** The dropdown areas recorded in our sheet. */
  async dropdownRecord(): Promise<DropdownArea[]> {
    const sheet = findDropdownSheet((await this.read()).sheets);
    return sheet ? parseDropdownRecord(sheet) : [];
  }

  private async writeDropdownRecord(areas: readonly DropdownArea[]): Promise<void> {
    const existing = findDropdownSheet((await this.read()).sheets);
    await this.writeSheets([dropdownRecordSheet(areas, this.lang, rewriteName(existing?.name, 'ddSheetName'))]);
  }

  /** Too many or too long words for an inline list: they go in a sheet of ours, referenced by range. */
  private async writeStatusList(words: readonly string[]): Promise<string> {
    const header = t(this.lang, 'pane', 'listSheetColumn');
    const [written] = await this.writeSheets([
      {
        name: t(this.lang, 'pane', 'listSheetName'),
        lines: [t(this.lang, 'pane', 'listSheetTitle')],
        tables: [{ name: 'TableroStatusWords', columns: [{ header, type: 'text' }], rows: words.map((w) => [w]) }],
      },
    ]);
    const name = written?.name ?? t(this.lang, 'pane', 'listSheetName');
    const sheet = (await this.read()).sheets.find((s) => s.name === name);
    const at = sheet ? findText(sheet, header) : null;
    const r = (at?.r ?? 2) + 1;
    const col = columnLetter(at?.c ?? 0);
    return `'${name.replace(/'/g, "''")}'!$${col}$${r + 1}:$${col}$${r + words.length}`;
  }

  async writeActual(w: ActualWrite): Promise<boolean> {
    const grid = (await this.read()).sheets.find((s) => s.name === w.sheet);
    const p = parseA1(w.cell);
    if (!grid || !p || !stillAsSeen(cellAt(grid, p.r, p.c), w.seen)) return false;
    const parts = unzipParts(this.bytes);
    const path = sheetPartPath(parts, w.sheet);
    const xml = path ? readText(parts, path) : null;
    const next = path && xml ? setNumberCell(xml, w.cell, w.value) : null;
    if (!path || next === null) return false;
    writeText(parts, path, next);
    this.setBytes(zipParts(parts));
    return true;
  }

  async convertTextDates(changes: readonly DateConversion[]): Promise<void> {
    if (!changes.length) return;
    const wb = await this.read();
    const parts = unzipParts(this.bytes);
    const stylesPath = parts.ensureStylesPath();
    let styles = readText(parts, stylesPath) ?? '';
    const styleCache = new Map<string, number>();
    const done: DateConversion[] = [];
    for (const sheetName of new Set(changes.map((c) => c.sheet))) {
      const path = sheetPartPath(parts, sheetName);
      const grid = wb.sheets.find((s) => s.name === sheetName);
      if (!path || !grid) continue;
      let xml = readText(parts, path) ?? '';
      const prefix = worksheetPrefix(xml);
      for (const ch of changes.filter((c) => c.sheet === sheetName)) {
        const p = parseA1(ch.cell);
        // Only a cell that still holds the text the user saw is changed.
        if (!p || cellText(cellAt(grid, p.r, p.c)).trim() !== ch.originalText.trim()) continue;
        const cell = findCell(xml, ch.cell);
        // A formula is more than its text: converting would drop it, so it is left alone.
        if (!cell || /<(?:\w+:)?f[\s>/]/.test(cell.text)) continue;
        const s = cellStyle(cell.text);
        const fmt = neighbourDateFormat(grid, p.c, xml, styles);
        const key = `${s}:${fmt}`;
        let ns = styleCache.get(key);
        if (ns === undefined) {
          const cloned = cloneXfWithNumFmt(styles, s, fmt);
          styles = cloned.xml;
          ns = cloned.id;
          styleCache.set(key, ns);
        }
        this.originals.set(`${sheetName}!${ch.cell}`, cell.text);
        const serial = isoToSerial(ch.iso, wb.date1904);
        xml = replaceRange(xml, cell.start, cell.end, `<${prefix}c r="${ch.cell}" s="${ns}"><${prefix}v>${serial}</${prefix}v></${prefix}c>`);
        done.push(ch);
      }
      writeText(parts, path, xml);
    }
    if (styleCache.size) writeText(parts, stylesPath, styles);
    this.setBytes(zipParts(parts));
    if (done.length) await this.writeConversionRecord([...(await this.conversionRecord()), ...done]);
  }

  async undoConvertTextDates(): Promise<void> {
    const records = await this.conversionRecord();
    if (!records.length) return;
    const wb = await this.read();
    const parts = unzipParts(this.bytes);
    const left: DateConversion[] = [];
    for (const sheetName of new Set(records.map((c) => c.sheet))) {
      const path = sheetPartPath(parts, sheetName);
      const grid = wb.sheets.find((s) => s.name === sheetName);
      if (!path || !grid) continue;
      let xml = readText(parts, path) ?? '';
      const prefix = worksheetPrefix(xml);
      for (const rec of records.filter((c) => c.sheet === sheetName)) {
        const p = parseA1(rec.cell);
        const v = p ? cellAt(grid, p.r, p.c) : null;
        const still = isDateCell(v) ? serialToISO(v.serial, wb.date1904) === rec.iso : typeof v === 'number' && serialToISO(v, wb.date1904) === rec.iso;
        const cell = findCell(xml, rec.cell);
        // A date the user has since changed is theirs now: leave it and keep the record.
        if (!still || !cell) {
          left.push(rec);
          continue;
        }
        const original = this.originals.get(`${sheetName}!${rec.cell}`);
        const s = cellStyle(cell.text);
        const restored =
          original ??
          `<${prefix}c r="${rec.cell}"${s ? ` s="${s}"` : ''} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${escapeText(rec.originalText)}</${prefix}t></${prefix}is></${prefix}c>`;
        xml = replaceRange(xml, cell.start, cell.end, restored);
        this.originals.delete(`${sheetName}!${rec.cell}`);
      }
      writeText(parts, path, xml);
    }
    this.setBytes(zipParts(parts));
    await this.writeConversionRecord(left);
  }

  /** Conversions recorded in our sheet (either language's name), not yet undone. */
  async conversionRecord(): Promise<DateConversion[]> {
    const wb = await this.read();
    const sheet = findConversionSheet(wb.sheets);
    return sheet ? parseConversionRecord(sheet, wb.date1904) : [];
  }

  private async writeConversionRecord(records: readonly DateConversion[]): Promise<void> {
    // Rewritten in place, also when a session in the other language created it.
    const existing = findConversionSheet((await this.read()).sheets);
    await this.writeSheets([conversionRecordSheet(records, this.lang, rewriteName(existing?.name, 'convSheetName'))]);
  }

  async loadSettings(): Promise<unknown> {
    return readSettingsPart(unzipParts(this.bytes));
  }

  async saveSettings(settings: unknown): Promise<void> {
    const parts = unzipParts(this.bytes);
    writeSettingsPart(parts, settings);
    this.setBytes(zipParts(parts), false);
  }

  private setBytes(bytes: Uint8Array, valuesChanged = true): void {
    this.bytes = bytes;
    if (valuesChanged) this.grid = null;
  }
}

function hasMarker(xml: string): boolean {
  return xml.includes(CF_MARKER) || xml.includes(escapeText(CF_MARKER));
}

/** Drops our cfRule elements that sat in a conditionalFormatting the user also uses. */
function stripOurRules(xml: string): string {
  return xml.replace(/<((?:\w+:)?)cfRule\b[^>]*>(?:(?!<\/\1cfRule>)[\s\S])*<\/\1cfRule>/g, (rule) => (hasMarker(rule) ? '' : rule));
}

function removeOurValidations(xml: string): string {
  const re = /<((?:\w+:)?)dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/\1dataValidation>)/g;
  let out = xml.replace(re, (dv) => (new RegExp(`\\serrorTitle="${DV_MARKER}"`).test(dv) ? '' : dv));
  // An emptied <dataValidations> element is not allowed to stay.
  out = out.replace(/<((?:\w+:)?)dataValidations\b[^>]*>\s*<\/\1dataValidations>/g, '');
  return out.replace(/<((?:\w+:)?)dataValidations\b([^>]*)>([\s\S]*?)<\/\1dataValidations>/g, (_m, p: string, attrs: string, body: string) => {
    const n = (body.match(/<(?:\w+:)?dataValidation[\s>]/g) ?? []).length;
    return `<${p}dataValidations${attrs.replace(/\scount="\d+"/, '')} count="${n}">${body}</${p}dataValidations>`;
  });
}

function userValidationBoxes(xml: string): { r0: number; c0: number; r1: number; c1: number }[] {
  const boxes = [];
  for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*>/g)) {
    const sq = /\ssqref="([^"]*)"/.exec(m[0])?.[1] ?? '';
    for (const area of sq.split(/\s+/)) {
      const box = area ? parseRange(area) : null;
      if (box) boxes.push(box);
    }
  }
  return boxes;
}

/** The number format of another real date in the same column, so converted cells look like their neighbours. */
function neighbourDateFormat(grid: SheetGrid, col: number, sheetXml: string, styles: string): number {
  for (let r = 0; r < grid.rows.length; r++) {
    if (!isDateCell(cellAt(grid, r, col))) continue;
    const cell = findCell(sheetXml, a1(r, col));
    const fmt = cell ? numFmtOfStyle(styles, cellStyle(cell.text)) : 0;
    if (fmt) return fmt;
  }
  return 14; // the locale's short date
}

function findText(sheet: SheetGrid, text: string): { r: number; c: number } | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (cellText(row[c]).trim() === text) return { r, c };
  }
  return null;
}
