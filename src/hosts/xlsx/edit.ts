// Targeted edits of the parts of an .xlsx held in memory (the browser host's highlights, dropdowns, date
// conversions and settings). The package is opened with the guarded reader (limits, CRC-32, duplicate
// names); parts are found by following relationships; on build, every part not edited is copied byte
// for byte (compressed data, CRC and all), only the edited ones are written anew.
import {
  contentTypeOf, openPackage, parseRels, relativeTarget, relKind, resolveTarget, verifyArchive, REL_TYPE, type ReadLimits, type XlsxPackage,
} from './package';
import { BLANK_STYLES } from './write';
import { escapeAttr, findTags, rootPrefix } from './xml';
import { buildZip, prepareBytes, prepareRaw, rawEntryData, type PreparedEntry } from './zip';

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

interface Changed {
  readonly name: string;
  readonly data: Uint8Array;
}

export class PackageEdit {
  private readonly changed = new Map<string, Changed>();
  private readonly deleted = new Set<string>();

  private constructor(readonly pkg: XlsxPackage) {}

  /** Opens the workbook bytes (XlsxReadError when the reader would refuse them). */
  static open(bytes: Uint8Array, limits?: Partial<ReadLimits>): PackageEdit {
    return new PackageEdit(openPackage(bytes, limits));
  }

  private key(path: string): string {
    return path.replace(/^\/+/, '').toLowerCase();
  }

  /** The part's current bytes (edited or original), or undefined. */
  get(path: string): Uint8Array | undefined {
    const k = this.key(path);
    if (this.deleted.has(k)) return undefined;
    const c = this.changed.get(k);
    if (c) return c.data;
    return this.pkg.bytesOf(path) ?? undefined;
  }

  has(path: string): boolean {
    const k = this.key(path);
    return !this.deleted.has(k) && (this.changed.has(k) || this.pkg.entry(path) !== undefined);
  }

  /** Part names as they are now. */
  keys(): string[] {
    const out: string[] = [];
    for (const e of this.pkg.entries) {
      const k = this.key(e.name);
      if (!this.deleted.has(k) && !this.changed.has(k)) out.push(e.name.replace(/^\/+/, ''));
    }
    for (const c of this.changed.values()) out.push(c.name);
    return out;
  }

  text(path: string): string | null {
    const b = this.get(path);
    return b === undefined ? null : utf8.decode(b);
  }

  /** text(), inflating with the platform's native inflater where there is one (the browser's big sheet parts). */
  async textAsync(path: string): Promise<string | null> {
    const k = this.key(path);
    if (this.deleted.has(k)) return null;
    const c = this.changed.get(k);
    if (c) return utf8.decode(c.data);
    const e = this.pkg.entry(path);
    return e ? utf8.decode(await this.pkg.inflateAsync(e)) : null;
  }

  setText(path: string, text: string): void {
    this.setBytes(path, encoder.encode(text));
  }

  setBytes(path: string, data: Uint8Array): void {
    const k = this.key(path);
    // An existing part keeps the name it is stored under (OPC names compare case-insensitively).
    const name = this.changed.get(k)?.name ?? this.pkg.entry(path)?.name.replace(/^\/+/, '') ?? path.replace(/^\/+/, '');
    this.changed.set(k, { name, data });
    this.deleted.delete(k);
  }

  delete(path: string): void {
    const k = this.key(path);
    this.changed.delete(k);
    this.deleted.add(k);
  }

  /** True when nothing was edited (the caller can keep the original bytes). */
  get unchanged(): boolean {
    return this.changed.size === 0 && this.deleted.size === 0;
  }

  // ---- relationships

  /** The workbook part's relationships as they are now. */
  workbookRels(): ReturnType<typeof parseRels> {
    return parseRels(this.text(this.pkg.workbookRelsPath) ?? '', this.pkg.workbookPath);
  }

  /** Zip paths the workbook points to with relationships of this kind ("styles", "customXml", …). */
  workbookTargets(kind: string): string[] {
    return this.workbookRels().filter((r) => relKind(r.type) === kind && r.path).map((r) => r.path!);
  }

  /** The workbook's styles part, following its relationship (null when it has none). */
  stylesPath(): string | null {
    return this.workbookTargets('styles').find((p) => this.has(p)) ?? null;
  }

  /**
   * The styles part, created blank (with its relationship and content type) when the workbook has none —
   * files from other tools may have no styles, and highlights and converted dates need one.
   */
  ensureStylesPath(): string {
    const found = this.stylesPath();
    if (found) return found;
    const dir = this.pkg.workbookPath.includes('/') ? this.pkg.workbookPath.slice(0, this.pkg.workbookPath.lastIndexOf('/')) : 'xl';
    let path = `${dir}/styles.xml`;
    for (let n = 2; this.has(path); n++) path = `${dir}/styles${n}.xml`;
    this.setText(path, BLANK_STYLES);
    this.addWorkbookRel(REL_TYPE.styles, path);
    this.ensureContentType(path, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    return path;
  }

  /** The zip path of a worksheet by its name, or null. */
  sheetPath(name: string): string | null {
    return this.pkg.sheets.find((s) => s.name === name && s.kind === 'worksheet')?.path ?? null;
  }

  /** Adds a relationship from the workbook part to `targetPath`; returns its id. */
  addWorkbookRel(type: string, targetPath: string): string {
    const path = this.pkg.workbookRelsPath;
    const xml = this.text(path) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(findTags(xml, 'Relationship').map((t) => t.attrs.get('Id') ?? ''));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const close = xml.lastIndexOf('</');
    const p = rootPrefix(xml, 'Relationships');
    this.setText(path, xml.slice(0, close) +
      `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(this.pkg.workbookPath, targetPath))}"/>` + xml.slice(close));
    return id;
  }

  // ---- content types

  contentType(path: string): string {
    return contentTypeOf(this.text('[Content_Types].xml'), path);
  }

  /** Gives the part this content type (an Override) unless it has it already. */
  ensureContentType(path: string, type: string): void {
    if (this.contentType(path) === type) return;
    const xml = this.text('[Content_Types].xml') ?? '';
    const close = xml.lastIndexOf('</');
    if (close < 0) return;
    const p = rootPrefix(xml, 'Types');
    this.setText('[Content_Types].xml', xml.slice(0, close) +
      `<${p}Override PartName="${escapeAttr('/' + path.replace(/^\/+/, ''))}" ContentType="${escapeAttr(type)}"/>` + xml.slice(close));
  }

  // ---- result

  /**
   * The edited workbook: the original bytes when nothing changed; otherwise every part not edited copied
   * raw (after checking the archive once), edited parts in their place, new parts at the end.
   */
  build(): Uint8Array {
    if (this.unchanged) return this.pkg.bytes;
    verifyArchive(this.pkg);
    const out: PreparedEntry[] = [];
    const done = new Set<string>();
    for (const e of this.pkg.entries) {
      const name = e.name.replace(/^\/+/, '');
      const k = this.key(name);
      done.add(k);
      if (this.deleted.has(k)) continue;
      const c = this.changed.get(k);
      out.push(c ? prepareBytes(c.name, c.data) : prepareRaw({ ...e, name }, rawEntryData(this.pkg.bytes, e)));
    }
    for (const [k, c] of this.changed) if (!done.has(k)) out.push(prepareBytes(c.name, c.data));
    return buildZip(out);
  }
}

// ---------------------------------------------------------------------------------------------
// The same operations as functions over a PackageEdit ("parts"), as the settings part and tests use them.

export type Parts = PackageEdit;

export function unzipParts(bytes: Uint8Array): Parts {
  return PackageEdit.open(bytes);
}

export function zipParts(parts: Parts): Uint8Array {
  return parts.build();
}

export function readText(parts: Parts, path: string): string | null {
  return parts.text(path);
}

export function writeText(parts: Parts, path: string, text: string): void {
  parts.setText(path, text);
}

export function sheetPartPath(parts: Parts, sheetName: string): string | null {
  return parts.sheetPath(sheetName);
}

/** Zip paths of the workbook's relationships of this type (full type URI). */
export function workbookRelTargets(parts: Parts, type: string): string[] {
  return parts.workbookRels().filter((r) => r.type === type && r.path).map((r) => r.path!);
}

/** Adds a relationship of the workbook, `target` written relative to the workbook part; returns its id. */
export function addWorkbookRel(parts: Parts, type: string, target: string): string {
  return parts.addWorkbookRel(type, resolveTarget(parts.pkg.workbookPath, target));
}

export function ensureOverride(parts: Parts, partName: string, contentType: string): void {
  parts.ensureContentType(partName, contentType);
}

/** True when [Content_Types].xml gives .xml parts a default type. */
export function ensureDefaultXml(parts: Parts): boolean {
  return findTags(parts.text('[Content_Types].xml') ?? '', 'Default').some((t) => (t.attrs.get('Extension') ?? '').toLowerCase() === 'xml');
}
