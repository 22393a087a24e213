// Writes Tablero's sheets (OutputSheet) into an .xlsx: a new workbook, or the user's workbook with every
// original part copied byte for byte (compressed data included) plus our sheets. The parts we must
// touch (workbook.xml, its .rels, [Content_Types].xml, styles.xml) are edited by inserting our elements;
// nothing of the user's is re-serialised. Runs in Node and in the browser (no Node APIs).
//
// Layout of a sheet: `lines` from row 1 (the first bold), a blank row, then each table (its caption in
// bold, the header row, the data rows) as a real Excel table (TableStyleMedium2, autofilter), one blank
// row between tables, then a blank row and the `notes`. A table's totalRow is written as a plain bold
// row just below the table, outside it, so sorting and filtering never move it. The first table's
// header row is frozen. The plan's charts go under everything as DrawingML parts (./chart-xml.ts).
import { columnLetter } from '../../core/grid';
import { isoToSerial, parseISO } from '../../core/dates';
import { freeSheetName, isOutputDate, safeSheetName, type Fill, type OutputSheet, type OutputTable, type OutputValue } from '../../core/output';
import {
  FILL_COLORS, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, NUMBER_FORMATS, TABLE_STYLE, planSheet, tableBaseName,
  type PlannedBand, type PlannedColumn,
} from '../../core/sheet-plan';
import type { WrittenSheet } from '../host';
import { finding, type Finding } from '../../core/findings';
import {
  contentTypeOf, openPackage, parseRels, verifyArchive, relativeTarget, relKind, relsPathFor, REL_NS, REL_TYPE,
  type Relationship, type SheetKind, type XlsxPackage,
} from './package';
import { sheetXmlIsMarked, TABLERO_MARK, XlsxReadError } from './read';
import { chartPartXml, drawingPartXml } from './chart-xml';
import { escapeAttr, escapeText, findTag, findTags, prefixFor, qualifiedName, rootPrefix } from './xml';
import {
  buildZip, EntryStream, prepareBytes, prepareRaw, prepareText, rawEntryData,
  type DeflateLevel, type PreparedEntry,
} from './zip';

export type { DeflateLevel } from './zip';

export interface WriteOptions {
  /**
   * Deflate level for the parts we write; the original parts are copied as they are. By default 6,
   * and 1 for sheets of more than BIG_SHEET_CELLS cells (pure-JS deflate is the writer's main cost).
   */
  readonly level?: DeflateLevel;
  /**
   * Keep a macro-enabled workbook's macros (for an .xlsm output). By default the result is a plain
   * .xlsx: the macro content type becomes the workbook one and the VBA project parts are dropped, so
   * Excel never refuses an ".xlsx" that claims macros.
   */
  readonly keepMacros?: boolean;
}

/** Above this many cells a sheet is deflated at level 1 unless a level is given. */
export const BIG_SHEET_CELLS = 100_000;

export interface WriteResult {
  readonly bytes: Uint8Array;
  readonly written: WrittenSheet[];
  /** What could not be written as it was (text_truncated: a text over Excel's 32,767 characters). */
  readonly findings: Finding[];
}

/** The value stored in our custom property part (the reader only looks at the property's name). */
export const TABLERO_MARK_VALUE = '1';

/** The plan's fill colours as ARGB, as styles.xml writes them. */
export const FILL_RGB: Readonly<Record<Fill, string>> = Object.fromEntries(
  Object.entries(FILL_COLORS).map(([k, rgb]) => [k, `FF${rgb}`]),
) as Record<Fill, string>;

export { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, tableBaseName };
/** Excel's sheet size. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Excel refuses longer cell texts. */
const MAX_CELL_TEXT = 32767;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  customProperty: 'application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;
const REL_DRAWING = `${REL_NS}/drawing`;
const REL_CHART = `${REL_NS}/chart`;
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const encoder = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// Entry point

export function writeXlsx(base: Uint8Array | null, sheets: readonly OutputSheet[], opts: WriteOptions = {}): WriteResult {
  const level: DeflateLevel = opts.level ?? 6;
  const book = base ? openBook(base) : Book.blank(level);
  if (book.sheets.length === 0 && sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const styles = new StyleBook(book.stylesXml);
  const written: WrittenSheet[] = [];
  const findings: Finding[] = [];
  for (const sheet of sheets) {
    const slot = book.claimSlot(sheet.name);
    const cells = sheet.tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0);
    book.truncated.length = 0;
    const rendered = renderSheet(sheet, slot.name, slot.path, styles, book, opts.level ?? (cells > BIG_SHEET_CELLS ? 1 : level));
    for (const c of book.truncated) {
      findings.push(finding('text_truncated', 'warning', { sheet: slot.name, cell: c.cell }, { length: c.length, limit: MAX_CELL_TEXT }));
    }
    book.putSheet(slot, rendered);
    written.push(rendered.drawing ? { requested: sheet.name, name: slot.name, chart: 'added' } : { requested: sheet.name, name: slot.name });
  }
  book.setStyles(styles.render());
  if (!opts.keepMacros) book.dropMacros();
  book.listSheetsInAppProps();
  return { bytes: book.build(level), written, findings };
}

/** The user's workbook, or XlsxReadError when it cannot be one (as readXlsx would say). */
function openBook(base: Uint8Array): Book {
  try {
    return Book.fromPackage(openPackage(base));
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook being edited: the original package plus our changes.

interface SheetSlot {
  name: string;
  sheetId: number;
  rId: string;
  path: string;
}

interface BaseSheet {
  name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly path: string | null;
  readonly kind: SheetKind;
  readonly ours: boolean;
  readonly rels: readonly Relationship[];
}

interface RenderedSheet {
  readonly entry: PreparedEntry;
  readonly tables: readonly { readonly path: string; readonly xml: string; readonly name: string; readonly id: number }[];
  readonly relsXml: string;
  readonly markPath: string;
  /** The sheet's charts: its drawing part (with its .rels) and one chart part each; null without charts. */
  readonly drawing: { readonly path: string; readonly xml: string; readonly relsXml: string; readonly rId: string; readonly charts: readonly { readonly path: string; readonly xml: string }[] } | null;
}

class Book {
  /** Every part of the result that differs from the base (new or rewritten), by lower-case path; null while reserved. */
  private readonly changed = new Map<string, { readonly name: string; content: PreparedEntry | string | Uint8Array | null }>();
  private readonly deleted = new Set<string>();
  private readonly existingParts = new Set<string>();
  private readonly tableNames = new Set<string>();
  private readonly tableIds = new Set<number>();
  private readonly tableByPath = new Map<string, { name: string; id: number }>();
  private readonly definedNames = new Set<string>();
  private contentTypes: string;
  private workbookXml: string;
  private workbookRels: string;
  stylesXml: string;
  private stylesPath: string;
  private readonly replacedSheetIds: number[] = [];
  /** Drawings written in this call, with the parts that go with them (their .rels, their charts). */
  private readonly newDrawings = new Map<string, string[]>();
  /** New workbooks keep their texts in a shared strings part (smaller and quicker to read than inline strings). */
  sst: SharedStrings | null = null;
  /** Cells of the sheet being rendered whose text was cut to Excel's limit. */
  readonly truncated: { cell: string; length: number }[] = [];

  private constructor(
    private readonly pkg: XlsxPackage | null,
    readonly workbookPath: string,
    private readonly workbookRelsPath: string,
    readonly sheets: BaseSheet[],
    readonly date1904: boolean,
    texts: { contentTypes: string; workbookXml: string; workbookRels: string; styles: string | null; stylesPath: string | null },
  ) {
    this.contentTypes = texts.contentTypes;
    this.workbookXml = texts.workbookXml;
    this.workbookRels = texts.workbookRels;
    if (pkg) for (const e of pkg.entries) this.existingParts.add(e.name.replace(/^\/+/, '').toLowerCase());
    if (texts.styles !== null && texts.stylesPath !== null) {
      this.stylesXml = texts.styles;
      this.stylesPath = texts.stylesPath;
    } else {
      // No styles part: create one and point the workbook at it.
      this.stylesPath = this.freePath(`${dirOrXl(workbookPath)}/styles`, '.xml', false);
      this.stylesXml = BLANK_STYLES;
      this.addWorkbookRel(REL_TYPE.styles, this.stylesPath);
      this.addOverride(this.stylesPath, CT.styles);
    }
    for (const m of findTags(this.workbookXml, 'definedName')) {
      const n = m.attrs.get('name');
      if (n) this.definedNames.add(n.toLowerCase());
    }
  }

  static blank(level: DeflateLevel): Book {
    const book = new Book(null, 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', [], false, {
      contentTypes: BLANK_CONTENT_TYPES,
      workbookXml: BLANK_WORKBOOK,
      workbookRels: BLANK_WORKBOOK_RELS,
      styles: BLANK_STYLES,
      stylesPath: 'xl/styles.xml',
    });
    for (const [path, text] of Object.entries(BLANK_PARTS)) book.setPart(path, text);
    book.setPart('xl/styles.xml', BLANK_STYLES);
    book.sst = new SharedStrings(level);
    book.addWorkbookRel(`${REL_NS}/sharedStrings`, 'xl/sharedStrings.xml');
    book.addOverride('xl/sharedStrings.xml', CT.sharedStrings);
    return book;
  }

  static fromPackage(pkg: XlsxPackage): Book {
    const relsXml = pkg.textOf(pkg.workbookRelsPath);
    const typesXml = pkg.textOf('[Content_Types].xml');
    if (typesXml === null) throw new Error('the workbook has no [Content_Types].xml');
    const stylesRel = pkg.workbookRels.find((r) => relKind(r.type) === 'styles' && r.path && pkg.entry(r.path));
    const stylesPath = stylesRel?.path ? pkg.entry(stylesRel.path)!.name : null;
    const sheets: BaseSheet[] = pkg.sheets.map((s) => {
      let rels: Relationship[] = [];
      let ours = false;
      if (s.kind === 'worksheet' && s.path) {
        const relsText = pkg.textOf(relsPathFor(s.path));
        rels = relsText === null ? [] : parseRels(relsText, s.path);
        // Only a sheet with a custom property can carry our mark: the others are never inflated.
        if (rels.some((r) => relKind(r.type) === 'customProperty')) ours = sheetXmlIsMarked(pkg.textOf(s.path) ?? '');
      }
      return { name: s.name, sheetId: s.sheetId, rId: s.rId, path: s.path, kind: s.kind, ours, rels };
    });
    const book = new Book(pkg, pkg.workbookPath, pkg.workbookRelsPath, sheets, pkg.date1904, {
      contentTypes: typesXml,
      workbookXml: pkg.workbookXml,
      workbookRels: relsXml ?? `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}"></Relationships>`,
      styles: stylesPath ? pkg.textOf(stylesPath) : null,
      stylesPath,
    });
    // Tables already in the workbook: their names and ids stay taken.
    const tablePaths = new Set<string>();
    for (const e of pkg.entries) if (/(^|\/)tables\/[^/]+\.xml$/i.test(e.name)) tablePaths.add(e.name);
    for (const t of findTags(typesXml, 'Override')) {
      if ((t.attrs.get('ContentType') ?? '') === CT.table) {
        const p = (t.attrs.get('PartName') ?? '').replace(/^\/+/, '');
        if (pkg.entry(p)) tablePaths.add(pkg.entry(p)!.name);
      }
    }
    for (const p of tablePaths) {
      const tag = findTag(pkg.textOf(p) ?? '', 'table');
      if (!tag) continue;
      const name = tag.attrs.get('displayName') ?? tag.attrs.get('name') ?? '';
      const id = Number(tag.attrs.get('id'));
      book.tableByPath.set(p.toLowerCase(), { name, id });
      if (name) book.tableNames.add(name.toLowerCase());
      if (tag.attrs.get('name')) book.tableNames.add(tag.attrs.get('name')!.toLowerCase());
      if (Number.isInteger(id)) book.tableIds.add(id);
    }
    return book;
  }

  // ---- sheets

  /** Where a sheet named `requested` goes: replacing our own sheet of that name, or a new free name. */
  claimSlot(requested: string): SheetSlot {
    let wanted = safeSheetName(requested).replace(/^'+|'+$/g, '').trim() || 'Tablero';
    if (wanted.toLowerCase() === 'history') wanted = 'History (Tablero)'; // reserved by Excel
    const taken = this.sheets.map((s) => s.name);
    const ours = this.sheets.filter((s) => s.ours).map((s) => s.name);
    const name = freeSheetName(wanted, taken, ours);
    const existing = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      if (!existing.ours || !existing.path) throw new Error(`internal: sheet "${name}" is not ours`);
      this.removeSheetParts(existing);
      this.replacedSheetIds.push(existing.sheetId);
      if (existing.name !== name) this.renameSheet(existing, name);
      return { name, sheetId: existing.sheetId, rId: existing.rId, path: existing.path };
    }
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const path = this.freePath(`${dirOrXl(this.workbookPath)}/worksheets/sheet`, '.xml', true);
    const rId = this.addWorkbookRel(REL_TYPE.worksheet, path);
    const slot: SheetSlot = { name, sheetId, rId, path };
    this.sheets.push({ name, sheetId, rId, path, kind: 'worksheet', ours: true, rels: [] });
    this.insertSheetElement(slot);
    return slot;
  }

  putSheet(slot: SheetSlot, r: RenderedSheet): void {
    this.setPart(slot.path, r.entry);
    this.ensureOverride(slot.path, CT.worksheet);
    this.setPart(relsPathFor(slot.path), r.relsXml);
    this.setPart(r.markPath, utf16le(TABLERO_MARK_VALUE));
    this.addOverride(r.markPath, CT.customProperty);
    for (const t of r.tables) {
      this.setPart(t.path, t.xml);
      this.addOverride(t.path, CT.table);
      this.tableByPath.set(t.path.toLowerCase(), { name: t.name, id: t.id });
    }
    if (r.drawing) {
      this.setPart(r.drawing.path, r.drawing.xml);
      this.addOverride(r.drawing.path, CT.drawing);
      this.setPart(relsPathFor(r.drawing.path), r.drawing.relsXml);
      for (const c of r.drawing.charts) {
        this.setPart(c.path, c.xml);
        this.addOverride(c.path, CT.chart);
      }
      this.newDrawings.set(r.drawing.path.toLowerCase(), [relsPathFor(r.drawing.path), ...r.drawing.charts.map((c) => c.path)]);
    }
    // What this sheet now points to, so that a later sheet of the same name in this call replaces it cleanly.
    const rels: Relationship[] = [
      { id: 'rId1', type: REL_TYPE.customProperty, target: '', path: r.markPath },
      ...r.tables.map((t, k) => ({ id: `rId${k + 2}`, type: REL_TYPE.table, target: '', path: t.path })),
      ...(r.drawing ? [{ id: r.drawing.rId, type: REL_DRAWING, target: '', path: r.drawing.path }] : []),
    ];
    const i = this.sheets.findIndex((x) => x.path === slot.path);
    if (i >= 0) this.sheets[i] = { ...this.sheets[i]!, ours: true, rels };
  }

  private removeSheetParts(sheet: BaseSheet): void {
    if (!sheet.path) return;
    const relsPath = relsPathFor(sheet.path);
    this.deletePart(relsPath);
    for (const rel of sheet.rels) {
      const kind = relKind(rel.type);
      if ((kind === 'table' || kind === 'customProperty') && rel.path) {
        this.deletePart(rel.path);
        const t = this.tableByPath.get(rel.path.toLowerCase());
        if (t) {
          this.tableNames.delete(t.name.toLowerCase());
          this.tableIds.delete(t.id);
        }
      }
    }
    // A drawing this call wrote (a sheet written twice in one call) goes with its charts.
    for (const rel of sheet.rels) {
      const ours = rel.path ? this.newDrawings.get(rel.path.toLowerCase()) : undefined;
      if (!ours || !rel.path) continue;
      for (const p of [rel.path, ...ours]) this.deletePart(p);
      this.newDrawings.delete(rel.path.toLowerCase());
    }
    // Its drawings, charts and what they point to go too, unless another part still points there.
    const doomed = this.partsReachedFrom(sheet.rels.filter((r) => {
      const kind = relKind(r.type);
      return kind !== 'table' && kind !== 'customProperty';
    }));
    for (const p of doomed.values()) this.deletePart(p);
  }

  /** Parts reachable from these relationships (following each part's own .rels), minus any another part points to. */
  private partsReachedFrom(rels: readonly Relationship[]): Map<string, string> {
    const doomed = new Map<string, string>();
    if (!this.pkg) return doomed;
    const queue = rels.map((r) => r.path).filter((p): p is string => !!p && !!this.pkg?.entry(p));
    while (queue.length) {
      const p = queue.pop()!;
      const key = p.toLowerCase();
      if (doomed.has(key) || key === this.workbookPath.toLowerCase()) continue;
      doomed.set(key, p);
      const relsPath = relsPathFor(p);
      const text = this.pkg.textOf(relsPath);
      if (text === null) continue;
      doomed.set(relsPath.toLowerCase(), relsPath);
      for (const r of parseRels(text, p)) if (r.path && this.pkg.entry(r.path)) queue.push(this.pkg.entry(r.path)!.name.replace(/^\/+/, ''));
    }
    if (!doomed.size) return doomed;
    // Shared parts (an image two drawings use) stay while a part we keep still points to them.
    for (const e of this.pkg.entries) {
      const name = e.name.replace(/^\/+/, '');
      const m = /^(.*?)_rels\/([^/]+)\.rels$/i.exec(name);
      if (!m || doomed.has(name.toLowerCase()) || this.deleted.has(name.toLowerCase())) continue;
      const source = `${m[1]}${m[2]}`;
      if (doomed.has(source.toLowerCase())) continue;
      for (const r of parseRels(this.pkg.textOf(name) ?? '', source)) if (r.path) doomed.delete(r.path.toLowerCase());
    }
    return doomed;
  }

  /** A macro-enabled workbook written as .xlsx: the workbook content type made plain, the VBA project dropped. */
  dropMacros(): void {
    const main = contentTypeOf(this.contentTypes, this.workbookPath);
    if (!/macroEnabled/i.test(main)) return;
    this.removeOverride(this.workbookPath);
    this.addOverride(this.workbookPath, CT.workbook);
    for (const rel of parseRels(this.workbookRels, this.workbookPath)) {
      if (relKind(rel.type) !== 'vbaProject') continue;
      for (const p of this.partsReachedFrom([rel]).values()) this.deletePart(p);
      if (rel.path) this.deletePart(rel.path);
      this.removeWorkbookRel(rel.id);
    }
    // Parts no relationship names any more but the content types still list (a .bin default is harmless).
  }

  /** docProps/app.xml lists the worksheets by name (TitlesOfParts): our new and renamed sheets join the list. */
  listSheetsInAppProps(): void {
    if (!this.pkg) return;
    const rootRels = parseRels(this.pkg.textOf('_rels/.rels') ?? '', '');
    const appPath = rootRels.find((r) => relKind(r.type) === 'extended-properties' && r.path)?.path ?? 'docProps/app.xml';
    const xml = this.pkg.textOf(appPath);
    if (xml === null) return;
    const next = appPropsWithSheets(xml, this.sheets.filter((x) => x.kind === 'worksheet').map((x) => x.name));
    if (next !== null && next !== xml) this.setPart(appPath, next);
  }

  private renameSheet(sheet: BaseSheet, name: string): void {
    for (const t of findTags(this.workbookXml, 'sheet')) {
      const rid = [...t.attrs].find(([k]) => /(^|:)id$/.test(k) && k.includes(':'))?.[1];
      if (rid !== sheet.rId) continue;
      const text = this.workbookXml.slice(t.start, t.end);
      const renamed = text.replace(/(\sname\s*=\s*)("[^"]*"|'[^']*')/, `$1"${escapeAttr(name)}"`);
      this.workbookXml = this.workbookXml.slice(0, t.start) + renamed + this.workbookXml.slice(t.end);
      break;
    }
    sheet.name = name;
  }

  private insertSheetElement(slot: SheetSlot): void {
    const wp = rootPrefix(this.workbookXml, 'workbook');
    const rp = prefixFor(this.workbookXml, REL_NS, 'workbook') ?? prefixFor(this.workbookXml, NS_REL_STRICT, 'workbook');
    const idAttr = rp ? `${rp}:id="${slot.rId}"` : `xmlns:r="${REL_NS}" r:id="${slot.rId}"`;
    const el = `<${wp}sheet name="${escapeAttr(slot.name)}" sheetId="${slot.sheetId}" ${idAttr}/>`;
    const sheetsTag = findTag(this.workbookXml, 'sheets');
    if (!sheetsTag) throw new Error('workbook.xml has no <sheets>');
    const qn = qualifiedName(this.workbookXml, sheetsTag);
    if (sheetsTag.selfClosing) {
      const open = this.workbookXml.slice(sheetsTag.start, sheetsTag.end).replace(/\s*\/>$/, '>');
      this.workbookXml = this.workbookXml.slice(0, sheetsTag.start) + open + el + `</${qn}>` + this.workbookXml.slice(sheetsTag.end);
    } else {
      const close = this.workbookXml.indexOf(`</${qn}>`, sheetsTag.end);
      if (close < 0) throw new Error('workbook.xml: unterminated <sheets>');
      this.workbookXml = this.workbookXml.slice(0, close) + el + this.workbookXml.slice(close);
    }
  }

  // ---- tables

  allocTable(requested: string): { id: number; name: string; path: string } {
    const baseName = tableBaseName(requested);
    let name = baseName;
    for (let k = 2; this.tableNames.has(name.toLowerCase()) || this.definedNames.has(name.toLowerCase()); k++) {
      name = `${baseName}_${k}`;
    }
    this.tableNames.add(name.toLowerCase());
    let id = 1;
    while (this.tableIds.has(id)) id++;
    this.tableIds.add(id);
    const path = this.freePath(`${dirOrXl(this.workbookPath)}/tables/table`, '.xml', true);
    return { id, name, path };
  }

  /** Paths for a sheet's drawing and its `charts` chart parts. */
  allocDrawing(charts: number): { path: string; charts: string[] } {
    const dir = dirOrXl(this.workbookPath);
    const path = this.freePath(`${dir}/drawings/drawing`, '.xml', true);
    return { path, charts: Array.from({ length: charts }, () => this.freePath(`${dir}/charts/chart`, '.xml', true)) };
  }

  allocMarkPath(): string {
    return this.freePath(`${dirOrXl(this.workbookPath)}/customProperty`, '.bin', true);
  }

  // ---- parts

  /** `${stem}${n}${ext}` with the smallest n no part of the base or of ours has used (reserved at once). */
  private freePath(stem: string, ext: string, numbered: boolean): string {
    for (let n = numbered ? 1 : 0; ; n++) {
      const p = `${stem}${n === 0 ? '' : n}${ext}`;
      const key = p.toLowerCase();
      if (!this.existingParts.has(key) && !this.changed.has(key)) {
        this.changed.set(key, { name: p, content: null });
        return p;
      }
    }
  }

  private setPart(path: string, content: PreparedEntry | string | Uint8Array): void {
    const key = path.toLowerCase();
    const name = this.changed.get(key)?.name ?? this.pkg?.entry(path)?.name.replace(/^\/+/, '') ?? path;
    this.changed.set(key, { name, content });
    this.deleted.delete(key);
  }

  private deletePart(path: string): void {
    const key = path.toLowerCase();
    this.deleted.add(key);
    this.changed.delete(key);
    this.removeOverride(path);
  }

  private addOverride(path: string, type: string): void {
    const part = '/' + path;
    this.removeOverride(path);
    const close = this.contentTypes.lastIndexOf('</');
    const p = rootPrefix(this.contentTypes, 'Types');
    this.contentTypes = this.contentTypes.slice(0, close) +
      `<${p}Override PartName="${escapeAttr(part)}" ContentType="${type}"/>` + this.contentTypes.slice(close);
  }

  private ensureOverride(path: string, type: string): void {
    if (contentTypeOf(this.contentTypes, path) !== type) this.addOverride(path, type);
  }

  private removeOverride(path: string): void {
    const part = '/' + path.toLowerCase();
    for (const t of findTags(this.contentTypes, 'Override').reverse()) {
      if ((t.attrs.get('PartName') ?? '').toLowerCase() === part) {
        this.contentTypes = this.contentTypes.slice(0, t.start) + this.contentTypes.slice(t.end);
      }
    }
  }

  private addWorkbookRel(type: string, targetPath: string): string {
    const ids = new Set(findTags(this.workbookRels, 'Relationship').map((t) => t.attrs.get('Id') ?? ''));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const close = this.workbookRels.lastIndexOf('</');
    const p = rootPrefix(this.workbookRels, 'Relationships');
    this.workbookRels = this.workbookRels.slice(0, close) +
      `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeAttr(relativeTarget(this.workbookPath, targetPath))}"/>` +
      this.workbookRels.slice(close);
    return id;
  }

  private removeWorkbookRel(id: string): void {
    for (const t of findTags(this.workbookRels, 'Relationship').reverse()) {
      if (t.attrs.get('Id') === id) this.workbookRels = this.workbookRels.slice(0, t.start) + this.workbookRels.slice(t.end);
    }
  }

  setStyles(xml: string): void {
    if (xml === this.stylesXml && this.pkg?.entry(this.stylesPath)) return; // nothing added: keep the part as it is
    this.stylesXml = xml;
    this.setPart(this.stylesPath, xml);
  }

  /** A calculation chain that names cells of a sheet we replaced would make Excel repair the file: drop it. */
  private dropStaleCalcChain(): void {
    if (!this.pkg || this.replacedSheetIds.length === 0) return;
    for (const rel of parseRels(this.workbookRels, this.workbookPath)) {
      if (relKind(rel.type) !== 'calcChain' || !rel.path) continue;
      const xml = this.pkg.textOf(rel.path) ?? '';
      let sheetId = NaN; // "i" may be left out: then it is the previous cell's sheet
      const stale = findTags(xml, 'c').some((c) => {
        const i = c.attrs.get('i');
        if (i !== undefined) sheetId = Number(i);
        return this.replacedSheetIds.includes(sheetId);
      });
      if (stale) {
        this.deletePart(rel.path);
        this.removeWorkbookRel(rel.id);
      }
    }
  }

  build(level: DeflateLevel): Uint8Array {
    if (this.pkg) verifyArchive(this.pkg);
    this.dropStaleCalcChain();
    if (!findTags(this.contentTypes, 'Default').some((t) => (t.attrs.get('Extension') ?? '').toLowerCase() === 'rels')) {
      const close = this.contentTypes.lastIndexOf('</');
      this.contentTypes = this.contentTypes.slice(0, close) + `<Default Extension="rels" ContentType="${CT.rels}"/>` + this.contentTypes.slice(close);
    }
    if (this.sst) this.setPart('xl/sharedStrings.xml', this.sst.end());
    this.setPart('[Content_Types].xml', this.contentTypes);
    this.setPart(this.workbookPath, this.workbookXml);
    this.setPart(this.workbookRelsPath, this.workbookRels);

    const out: PreparedEntry[] = [];
    const done = new Set<string>();
    const prepared = (key: string): PreparedEntry | null => {
      const c = this.changed.get(key);
      if (!c || c.content === null) return null;
      if (typeof c.content === 'string') return prepareText(c.name, c.content, level);
      if (c.content instanceof Uint8Array) return prepareBytes(c.name, c.content, level);
      return { ...c.content, name: c.name };
    };
    if (this.pkg) {
      for (const e of this.pkg.entries) {
        const name = e.name.replace(/^\/+/, '');
        const key = name.toLowerCase();
        if (done.has(key)) continue; // a duplicated name: the first one is the one readers use
        done.add(key);
        if (this.deleted.has(key)) continue;
        out.push(prepared(key) ?? prepareRaw({ ...e, name }, rawEntryData(this.pkg.bytes, e)));
      }
    }
    // New parts, [Content_Types].xml first as Office writes it.
    const fresh = [...this.changed.keys()].filter((k) => !done.has(k) && !this.deleted.has(k));
    fresh.sort((a, b) => (a === '[content_types].xml' ? -1 : b === '[content_types].xml' ? 1 : 0));
    for (const key of fresh) {
      const p = prepared(key);
      if (p) out.push(p);
    }
    return buildZip(out);
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;
  constructor(private readonly level: DeflateLevel) {}

  add(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  end(): PreparedEntry {
    const sink = new XmlSink(new EntryStream('xl/sharedStrings.xml', this.list.length > BIG_SHEET_CELLS / 10 ? 1 : this.level));
    sink.add(`${XML_DECL}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`);
    for (const t of this.list) sink.add(`<si><t${needsPreserve(t) ? ' xml:space="preserve"' : ''}>${escapeText(t)}</t></si>`);
    sink.add('</sst>');
    return sink.end();
  }
}

function needsPreserve(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  const a = t.charCodeAt(0);
  const z = t.charCodeAt(n - 1);
  return a <= 32 || z <= 32 || t.indexOf('\n') >= 0;
}

function dirOrXl(workbookPath: string): string {
  const i = workbookPath.lastIndexOf('/');
  return i < 0 ? 'xl' : workbookPath.slice(0, i);
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >>> 8;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Styles: our fonts, fills, number formats and cell formats, appended after the workbook's own.

/** Excel's built-in number formats: these codes need no numFmt element. */
const BUILTIN_FORMAT_IDS: ReadonlyMap<string, number> = new Map([
  ['0', 1], ['0.00', 2], ['#,##0', 3], ['#,##0.00', 4], ['0%', 9], ['0.00%', 10],
]);

const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

class StyleBook {
  private readonly p: string;
  private readonly fontCount: number;
  private readonly fillCount: number;
  private readonly xfCount: number;
  private readonly hasBorder: boolean;
  private readonly hasStyleXf: boolean;
  private readonly font0: string;
  private nextNumFmt: number;
  private readonly numFmts: { id: number; code: string }[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly fills: string[] = [];
  private readonly xfs: string[] = [];
  private readonly xfIndex = new Map<string, number>();
  private boldUsed = false;
  /** What the workbook already holds (e.g. from an earlier run): reused, so re-running never grows styles.xml. */
  private readonly existing: { fonts: string[]; fills: string[]; xfs: string[]; codes: Map<string, number> };

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    const children = (container: string, child: string): ReturnType<typeof findTags> => {
      const t = findTag(xml, container);
      if (!t || t.selfClosing) return [];
      const close = xml.indexOf(`</${qualifiedName(xml, t)}>`, t.end);
      return findTags(xml, child, t.end, close < 0 ? xml.length : close);
    };
    const fonts = children('fonts', 'font');
    this.fontCount = fonts.length;
    const f0 = fonts[0];
    if (f0) {
      const close = f0.selfClosing ? f0.end : xml.indexOf(`</${qualifiedName(xml, f0)}>`, f0.end);
      this.font0 = f0.selfClosing ? `<${this.p}font>${''}</${this.p}font>` : xml.slice(f0.start, close) + `</${qualifiedName(xml, f0)}>`;
    } else {
      this.font0 = `<${this.p}font><${this.p}sz val="11"/><${this.p}name val="Calibri"/><${this.p}family val="2"/></${this.p}font>`;
    }
    this.fillCount = children('fills', 'fill').length;
    this.hasBorder = children('borders', 'border').length > 0;
    this.hasStyleXf = children('cellStyleXfs', 'xf').length > 0;
    this.xfCount = children('cellXfs', 'xf').length;
    let maxId = 163;
    const codes = new Map<string, number>();
    for (const t of findTags(xml, 'numFmt')) {
      const id = Number(t.attrs.get('numFmtId')) || 0;
      maxId = Math.max(maxId, id);
      const code = t.attrs.get('formatCode');
      if (code !== undefined && id >= 164 && !codes.has(code)) codes.set(code, id);
    }
    this.nextNumFmt = maxId + 1;
    this.existing = {
      fonts: elementTexts(xml, 'fonts', 'font'),
      fills: elementTexts(xml, 'fills', 'fill'),
      xfs: elementTexts(xml, 'cellXfs', 'xf'),
      codes,
    };
  }

  /** Index in fonts of our bold font: the workbook's own copy when it has one, else appended. */
  private get boldFontId(): number {
    const k = this.existing.fonts.indexOf(boldFont(this.font0, this.p));
    return k >= 0 ? k : Math.max(this.fontCount, 1);
  }

  private numFmtId(code: string | null): number {
    if (code === null) return 0;
    const builtin = BUILTIN_FORMAT_IDS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code) ?? this.existing.codes.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.numFmts.push({ id, code });
    }
    return id;
  }

  /** `fill` as RRGGBB (the sheet plan's colours). */
  private fillId(fill: string): number {
    const same = this.existing.fills.indexOf(fillXml(fill, this.p));
    if (same >= 0) return same;
    let k = this.fills.indexOf(fill);
    if (k < 0) {
      this.fills.push(fill);
      k = this.fills.length - 1;
    }
    return Math.max(this.fillCount, 2) + k;
  }

  /** The cellXfs index for this look (number format code, fill RRGGBB); 0 (the workbook's default) for plain General text. */
  xf(bold: boolean, fill: string | null, code: string | null, wrap = false): number {
    if (!bold && !fill && code === null && !wrap) return 0;
    const key = `${bold ? 1 : 0}|${fill ?? ''}|${code ?? ''}|${wrap ? 1 : 0}`;
    let idx = this.xfIndex.get(key);
    if (idx !== undefined) return idx;
    const numFmtId = this.numFmtId(code);
    const fontId = bold ? this.boldFontId : 0;
    if (bold && fontId >= this.fontCount) this.boldUsed = true;
    const fillId = fill ? this.fillId(fill) : 0;
    const p = this.p;
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0"${this.hasStyleXf ? ' xfId="0"' : ''}` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}` +
      (wrap ? ` applyAlignment="1"><${p}alignment wrapText="1"/></${p}xf>` : '/>');
    const same = this.existing.xfs.indexOf(xf);
    if (same >= 0) {
      this.xfIndex.set(key, same);
      return same;
    }
    this.xfs.push(xf);
    idx = Math.max(this.xfCount, 1) + this.xfs.length - 1;
    this.xfIndex.set(key, idx);
    return idx;
  }

  render(): string {
    const p = this.p;
    let xml = this.xml;
    if (!this.xfs.length) return xml;
    xml = appendChildren(xml, p, 'numFmts', 'numFmt',
      this.numFmts.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`));
    const fonts: string[] = [];
    if (this.fontCount === 0) fonts.push(this.font0);
    if (this.boldUsed) fonts.push(boldFont(this.font0, p));
    xml = appendChildren(xml, p, 'fonts', 'font', fonts);
    const fills: string[] = [];
    if (this.fills.length) {
      for (let k = this.fillCount; k < 2; k++) fills.push(`<${p}fill><${p}patternFill patternType="${k === 0 ? 'none' : 'gray125'}"/></${p}fill>`);
      for (const f of this.fills) fills.push(fillXml(f, p));
    }
    xml = appendChildren(xml, p, 'fills', 'fill', fills);
    if (!this.hasBorder) {
      xml = appendChildren(xml, p, 'borders', 'border', [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`]);
    }
    const xfs = this.xfCount === 0 ? [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`, ...this.xfs] : this.xfs;
    xml = appendChildren(xml, p, 'cellXfs', 'xf', xfs);
    return xml;
  }
}

function fillXml(rgb: string, p: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

/** The exact text of each `child` element inside the `container` element (as written, for reuse by equality). */
function elementTexts(xml: string, container: string, child: string): string[] {
  const t = findTag(xml, container);
  if (!t || t.selfClosing) return [];
  const close = xml.indexOf(`</${qualifiedName(xml, t)}>`, t.end);
  const end = close < 0 ? xml.length : close;
  return findTags(xml, child, t.end, end).map((c) => {
    if (c.selfClosing) return xml.slice(c.start, c.end);
    const closeTag = `</${qualifiedName(xml, c)}>`;
    const e = xml.indexOf(closeTag, c.end);
    return e < 0 || e > end ? xml.slice(c.start, c.end) : xml.slice(c.start, e + closeTag.length);
  });
}

function boldFont(font0: string, p: string): string {
  const open = /^<[^>]*?(\/?)>/.exec(font0);
  if (!open) return `<${p}font><${p}b/></${p}font>`;
  const body = font0.slice(open[0].length).replace(new RegExp(`<${p}b(\\s[^>]*)?/>`, 'g'), '');
  return `${open[0]}<${p}b/>${body}`;
}

/** Appends `items` to the container element `local` (created in schema order when missing); fixes count. */
function appendChildren(xml: string, p: string, local: string, childLocal: string, items: readonly string[]): string {
  if (!items.length) return xml;
  const tag = findTag(xml, local);
  if (!tag) {
    const block = `<${p}${local} count="${items.length}">${items.join('')}</${p}${local}>`;
    for (const follower of STYLE_ORDER.slice(STYLE_ORDER.indexOf(local) + 1)) {
      const t = findTag(xml, follower);
      if (t) return xml.slice(0, t.start) + block + xml.slice(t.start);
    }
    const close = xml.lastIndexOf('</');
    return xml.slice(0, close) + block + xml.slice(close);
  }
  const qn = qualifiedName(xml, tag);
  let open = xml.slice(tag.start, tag.end);
  if (tag.selfClosing) {
    open = open.replace(/\s*\/>$/, '>');
    return xml.slice(0, tag.start) + setCount(open, items.length) + items.join('') + `</${qn}>` + xml.slice(tag.end);
  }
  const close = xml.indexOf(`</${qn}>`, tag.end);
  if (close < 0) throw new Error(`styles.xml: unterminated <${qn}>`);
  const existing = findTags(xml, childLocal, tag.end, close).length;
  return xml.slice(0, tag.start) + setCount(open, existing + items.length) + xml.slice(tag.end, close) + items.join('') + xml.slice(close);
}

function setCount(openTag: string, count: number): string {
  if (/\scount\s*=\s*("[^"]*"|'[^']*')/.test(openTag)) return openTag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`);
  return openTag.replace(/^(<[^\s/>]+)/, `$1 count="${count}"`);
}

// ---------------------------------------------------------------------------------------------
// Sheets

interface ColPlan {
  readonly code: string | null;
  readonly fill: string | null;
  readonly bands: readonly PlannedBand[];
  readonly wrap: boolean;
}

/** A table of the sheet plan, 1-based rows (0: none), with its part and unique name in the workbook. */
interface TablePlan {
  readonly table: OutputTable;
  readonly name: string;
  readonly id: number;
  readonly path: string;
  readonly headers: string[];
  readonly cols: ColPlan[];
  readonly captionRow: number;
  readonly headerRow: number;
  readonly dataCount: number;
  readonly lastRow: number;
  readonly totalRow: number;
}

/** Sheet-part chunks are encoded and deflated once this many characters have gathered. */
const CHUNK_CHARS = 1 << 17;

class XmlSink {
  private parts: string[] = [];
  private chars = 0;
  constructor(private readonly stream: EntryStream) {}
  add(s: string): void {
    this.parts.push(s);
    this.chars += s.length;
    if (this.chars >= CHUNK_CHARS) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    this.stream.push(encoder.encode(this.parts.join('')));
    this.parts = [];
    this.chars = 0;
  }
  end(): PreparedEntry {
    this.flush();
    return this.stream.end();
  }
}

function renderSheet(sheet: OutputSheet, sheetName: string, path: string, styles: StyleBook, book: Book, level: DeflateLevel): RenderedSheet {
  const date1904 = book.date1904;

  // ---- layout: the sheet plan (src/core/sheet-plan.ts), shared with the Office writer
  const sp = planSheet(sheet);
  const plans: TablePlan[] = sp.tables.map((tp) => ({
    table: tp.table,
    ...book.allocTable(tp.table.name),
    headers: tp.columns.map((c) => c.header),
    cols: tp.columns.map((c: PlannedColumn) => ({ code: c.numberFormat, fill: c.fill, bands: c.bands, wrap: c.wrap })),
    captionRow: tp.captionRow === null ? 0 : tp.captionRow + 1,
    headerRow: tp.headerRow + 1,
    dataCount: tp.dataCount,
    lastRow: tp.lastRow + 1,
    totalRow: tp.totalRow === null ? 0 : tp.totalRow + 1,
  }));
  const lastRowOfSheet = sp.rowCount;
  // A chart's threshold line plots a column of its own, right of its table.
  const width = Math.max(sp.colCount, ...sp.charts.map((ch) => (ch.threshold ? ch.threshold.col + 1 : 0)));
  if (lastRowOfSheet > MAX_ROWS || width > MAX_COLUMNS) {
    throw new RangeError(`sheet "${sheet.name}" needs ${lastRowOfSheet} rows and ${width} columns; Excel holds ${MAX_ROWS} × ${MAX_COLUMNS}`);
  }
  const letters: string[] = [];
  for (let c = 0; c < width; c++) letters.push(columnLetter(c));

  // ---- styles
  const boldXf = styles.xf(true, null, null);
  const colStyles = plans.map((plan) => plan.cols.map((col) => ({
    plain: styles.xf(false, col.fill, col.code, col.wrap),
    bold: styles.xf(true, col.fill, col.code, col.wrap),
    bandPlain: col.bands.map((b) => styles.xf(false, b.color, col.code, col.wrap)),
    bandBold: col.bands.map((b) => styles.xf(true, b.color, col.code, col.wrap)),
  })));

  // ---- sheet XML
  const sink = new XmlSink(new EntryStream(path, level));
  const firstHeader = plans[0]?.headerRow ?? 0;
  sink.add(`${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${REL_NS}">`);
  sink.add(`<dimension ref="A1${width > 1 || lastRowOfSheet > 1 ? `:${letters[width - 1]}${lastRowOfSheet}` : ''}"/>`);
  if (firstHeader > 0) {
    const top = `A${firstHeader + 1}`;
    sink.add(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="${firstHeader}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`);
  } else {
    sink.add('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  sink.add('<sheetFormatPr defaultRowHeight="15"/>');
  const colWidths = [...sp.widths];
  for (const ch of sp.charts) if (ch.threshold) colWidths[ch.threshold.col] = ch.threshold.width;
  if (colWidths.length) {
    let cols = '<cols>';
    colWidths.forEach((w, c) => {
      cols += `<col min="${c + 1}" max="${c + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`;
    });
    sink.add(cols + '</cols>');
  }
  sink.add('<sheetData>');

  const sst = book.sst;
  const textCell = (ref: string, text: string, s: number): string => {
    // Excel holds no longer text: cut (never inside a surrogate pair) and said in a text_truncated finding.
    let t = text;
    if (text.length > MAX_CELL_TEXT) {
      t = text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(MAX_CELL_TEXT - 1)) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT);
      book.truncated.push({ cell: ref, length: text.length });
    }
    if (sst) return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="s"><v>${sst.add(t)}</v></c>`;
    return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t${needsPreserve(t) ? ' xml:space="preserve"' : ''}>${escapeText(t)}</t></is></c>`;
  };
  // Threshold columns: the label over the table's header row, the value on each charted row (1-based rows).
  const extraCells = new Map<number, string>();
  const percentXf = sp.charts.some((ch) => ch.threshold) ? styles.xf(false, null, '0%') : 0;
  for (const ch of sp.charts) {
    if (!ch.threshold || !ch.chart.threshold) continue;
    const l = columnLetter(ch.threshold.col);
    const add = (row: number, xml: string): void => void extraCells.set(row, (extraCells.get(row) ?? '') + xml);
    add(ch.headerRow + 1, textCell(`${l}${ch.headerRow + 1}`, ch.chart.threshold.label, boldXf));
    for (let k = 1; k <= ch.chart.rows; k++) {
      const r = ch.headerRow + 1 + k;
      add(r, `<c r="${l}${r}"${percentXf ? ` s="${percentXf}"` : ''}><v>${ch.chart.threshold.value}</v></c>`);
    }
  }
  const lineRow = (row: number, text: string, s: number): void => {
    if (text === '') return;
    sink.add(`<row r="${row}">${textCell(`A${row}`, text, s)}</row>`);
  };

  // The plan's lines (title, captions, notes) go in between the tables, in row order.
  let nextLine = 0;
  const linesBefore = (row: number): void => {
    for (; nextLine < sp.lines.length && sp.lines[nextLine]!.row + 1 < row; nextLine++) {
      const line = sp.lines[nextLine]!;
      lineRow(line.row + 1, line.text, line.bold ? boldXf : 0);
    }
  };

  plans.forEach((plan, ti) => {
    const cs = colStyles[ti]!;
    const cols = plan.cols;
    const n = cols.length;
    linesBefore(plan.headerRow);
    let head = `<row r="${plan.headerRow}">`;
    for (let c = 0; c < n; c++) head += textCell(`${letters[c]}${plan.headerRow}`, plan.headers[c]!, 0);
    sink.add(head + (extraCells.get(plan.headerRow) ?? '') + '</row>');

    const cell = (ref: string, v: OutputValue | undefined, c: number, bold: boolean): string => {
      const st = cs[c]!;
      const col = cols[c]!;
      if (v === null || v === undefined) {
        const s = bold ? st.bold : col.fill ? st.plain : 0;
        return s ? `<c r="${ref}" s="${s}"/>` : '';
      }
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return '';
        let s = bold ? st.bold : st.plain;
        const bands = col.bands;
        for (let b = 0; b < bands.length; b++) {
          if (v >= bands[b]!.atLeast) {
            s = bold ? st.bandBold[b]! : st.bandPlain[b]!;
            break;
          }
        }
        return `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`;
      }
      const s = bold ? st.bold : st.plain;
      if (typeof v === 'string') return textCell(ref, v, s);
      if (typeof v === 'boolean') return `<c r="${ref}"${s ? ` s="${s}"` : ''} t="b"><v>${v ? 1 : 0}</v></c>`;
      if (isOutputDate(v)) {
        if (!parseISO(v.date)) return textCell(ref, v.date, s);
        // A date outside a date column still shows as a date.
        const ds = col.code === NUMBER_FORMATS.date ? s : styles.xf(bold, col.fill, NUMBER_FORMATS.date, col.wrap);
        return `<c r="${ref}"${ds ? ` s="${ds}"` : ''}><v>${isoToSerial(v.date, date1904)}</v></c>`;
      }
      return '';
    };

    const rows = plan.table.rows;
    for (let k = 0; k < plan.dataCount; k++) {
      const rowNum = plan.headerRow + 1 + k;
      const values = rows[k]!;
      let xml = `<row r="${rowNum}">`;
      for (let c = 0; c < n; c++) xml += cell(letters[c]! + rowNum, values[c], c, false);
      sink.add(xml + (extraCells.get(rowNum) ?? '') + '</row>');
    }
    if (plan.totalRow) {
      const values = rows[rows.length - 1]!;
      let xml = `<row r="${plan.totalRow}">`;
      for (let c = 0; c < n; c++) xml += cell(letters[c]! + plan.totalRow, values[c], c, true);
      sink.add(xml + '</row>');
    }
  });
  linesBefore(Infinity);
  sink.add('</sheetData>');
  // Drop-down lists (OutputColumn.choices, planned as PlannedColumn.list) on a table's data cells;
  // Excel extends them to rows added to the table.
  const lists: string[] = [];
  plans.forEach((plan, i) => {
    sp.tables[i]?.columns.forEach((col, c) => {
      if (col.list === null || plan.dataCount < 1) return;
      const ref = `${letters[c]}${plan.headerRow + 1}:${letters[c]}${plan.headerRow + plan.dataCount}`;
      const formula = `"${col.list.replace(/"/g, '""')}"`;
      lists.push(`<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="${ref}"><formula1>${escapeText(formula)}</formula1></dataValidation>`);
    });
  });
  if (lists.length) sink.add(`<dataValidations count="${lists.length}">${lists.join('')}</dataValidations>`);
  sink.add('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');

  // Relationships of the sheet: rId1 our mark, rId2… the tables.
  const markPath = book.allocMarkPath();
  let rels = `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE.customProperty}" Target="${escapeAttr(relativeTarget(path, markPath))}"/>`;
  sink.add(`<customProperties><customPr name="${TABLERO_MARK}" r:id="rId1"/></customProperties>`);
  // Charts (the plan's): one drawing part, one chart part each; the drawing's relationship follows the tables'.
  let drawing: RenderedSheet['drawing'] = null;
  const charted = sp.charts.flatMap((ch) => {
    const table = sp.tables.find((tp) => tp.table.name === ch.chart.table);
    return table ? [{ ch, table }] : [];
  });
  if (charted.length) {
    const at = book.allocDrawing(charted.length);
    const rId = `rId${plans.length + 2}`;
    const chartIds = charted.map((_, k) => `rId${k + 1}`);
    let drawingRels = `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">`;
    at.charts.forEach((c, k) => {
      drawingRels += `<Relationship Id="${chartIds[k]}" Type="${REL_CHART}" Target="${escapeAttr(relativeTarget(at.path, c))}"/>`;
    });
    drawing = {
      path: at.path,
      xml: drawingPartXml(charted.map((x) => x.ch), chartIds),
      relsXml: drawingRels + '</Relationships>',
      rId,
      charts: charted.map((x, k) => ({ path: at.charts[k]!, xml: chartPartXml(sheetName, x.ch, x.table) })),
    };
    rels += `<Relationship Id="${rId}" Type="${REL_DRAWING}" Target="${escapeAttr(relativeTarget(path, at.path))}"/>`;
    sink.add(`<drawing r:id="${rId}"/>`);
  }
  if (plans.length) {
    let parts = `<tableParts count="${plans.length}">`;
    plans.forEach((plan, k) => {
      rels += `<Relationship Id="rId${k + 2}" Type="${REL_TYPE.table}" Target="${escapeAttr(relativeTarget(path, plan.path))}"/>`;
      parts += `<tablePart r:id="rId${k + 2}"/>`;
    });
    sink.add(parts + '</tableParts>');
  }
  rels += '</Relationships>';
  sink.add('</worksheet>');

  const tables = plans.map((plan) => {
    const ref = `A${plan.headerRow}:${letters[plan.cols.length - 1]}${plan.lastRow}`;
    let xml = `${XML_DECL}<table xmlns="${NS_MAIN}" id="${plan.id}" name="${plan.name}" displayName="${plan.name}" ref="${ref}" totalsRowShown="0">` +
      `<autoFilter ref="${ref}"/><tableColumns count="${plan.headers.length}">`;
    plan.headers.forEach((h, c) => {
      xml += `<tableColumn id="${c + 1}" name="${escapeAttr(h)}"/>`;
    });
    xml += `</tableColumns><tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
    return { path: plan.path, xml, name: plan.name, id: plan.id };
  });
  return { entry: sink.end(), tables, relsXml: rels, markPath, drawing };
}

// ---------------------------------------------------------------------------------------------
// A new workbook's fixed parts.

const BLANK_CONTENT_TYPES = `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="${CT.xml}"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/>` +
  `<Override PartName="/docProps/app.xml" ContentType="${CT.app}"/></Types>`;

const BLANK_WORKBOOK = `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${REL_NS}">` +
  '<workbookPr/><bookViews><workbookView/></bookViews><sheets/></workbook>';

const BLANK_WORKBOOK_RELS = `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL_TYPE.styles}" Target="styles.xml"/></Relationships>`;

/** The styles a workbook without any starts from (also for edits of such a workbook: edit.ts). */
export const BLANK_STYLES = `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="${TABLE_STYLE}" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const BLANK_PARTS: Readonly<Record<string, string>> = {
  '_rels/.rels': `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE.officeDocument}" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  'docProps/core.xml': `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Tablero</dc:creator></cp:coreProperties>',
  'docProps/app.xml': `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    '<Application>Tablero</Application></Properties>',
};

// ---------------------------------------------------------------------------------------------
// docProps/app.xml

/**
 * app.xml with its worksheet titles set to `names` (HeadingPairs' worksheet count and TitlesOfParts'
 * vector updated; the other groups, such as named ranges, kept). null when the part has another shape.
 */
export function appPropsWithSheets(xml: string, names: readonly string[]): string | null {
  const hp = /<((?:\w+:)?)HeadingPairs>([\s\S]*?)<\/\1HeadingPairs>/.exec(xml);
  const tp = /<((?:\w+:)?)TitlesOfParts>([\s\S]*?)<\/\1TitlesOfParts>/.exec(xml);
  if (!hp || !tp) return null;
  // HeadingPairs: (lpstr group name, i4 count) pairs; the worksheets' group is the one Excel names
  // "Worksheets" (or "Hojas de cálculo"…): the first group, as Excel writes it.
  const counts = [...hp[2]!.matchAll(/<((?:\w+:)?)i4>(\d+)<\/\1i4>/g)];
  const first = counts[0];
  if (!first) return null;
  const before = Number(first[2]);
  const vt = /<((?:\w+:)?)vector\b([^>]*)>([\s\S]*)<\/\1vector>/.exec(tp[2]!);
  if (!vt) return null;
  const p = vt[1]!;
  const items = [...vt[3]!.matchAll(/<((?:\w+:)?)lpstr>([\s\S]*?)<\/\1lpstr>/g)].map((m) => m[2]!);
  if (items.length < before) return null;
  const titles = [...names.map((n) => escapeText(n)), ...items.slice(before)];
  const vector = `<${p}vector${vt[2]!.replace(/\ssize="\d+"/, ` size="${titles.length}"`)}>${titles.map((x) => `<${p}lpstr>${x}</${p}lpstr>`).join('')}</${p}vector>`;
  const newTp = tp[0].replace(vt[0], vector);
  const hpStart = hp.index + hp[0].indexOf(hp[2]!);
  const i4At = hpStart + first.index!;
  let out = xml.slice(0, i4At) + first[0].replace(/>\d+</, `>${names.length}<`) + xml.slice(i4At + first[0].length);
  out = out.replace(tp[0], newTp);
  return out;
}
