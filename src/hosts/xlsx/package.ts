// The package around the sheets: zip entries, relationships, workbook.xml. Shared by read.ts and write.ts.
import { DEFAULT_MAX_PART_BYTES, extractEntry, extractEntryAsync, isVerifiedArchive, markVerifiedArchive, readZipDirectory, ZipFormatError, type ZipEntry } from './zip';
import { attrByLocalName, decodeEntities, findTag, findTags, closeTagIndex } from './xml';

/**
 * Why a workbook cannot be read. The last four are refusals of files that would cost unbounded time or
 * memory, or that other programs read differently: a part or grid too large, a cell or row outside
 * Excel's grid, a wrong CRC-32, a zip entry name used twice.
 */
export type ReadErrorKind =
  | 'empty' | 'not_xlsx' | 'encrypted' | 'old_xls' | 'corrupt'
  | 'too_large' | 'outside_grid' | 'bad_crc' | 'duplicate_entry';

export class XlsxReadError extends Error {
  /**
   * `where` names what was refused in words every language shares: a part ("xl/worksheets/sheet1.xml"),
   * a cell ("ZZZZZZZ5") or a row ("100000000:100000000"); `sheet` the sheet when one is concerned.
   */
  constructor(readonly kind: ReadErrorKind, readonly detail: string, readonly where = '', readonly sheet = '', readonly limit = 0) {
    super(`${kind}: ${detail}`);
    this.name = 'XlsxReadError';
  }
}

/** What the reader accepts before refusing a file as too large to read safely. */
export interface ReadLimits {
  /** Inflated size of any one part, in bytes. */
  readonly maxPartBytes: number;
  /** Inflated bytes of all the parts read, together. */
  readonly maxTotalBytes: number;
  /** Cells the grids may hold in all (blanks inside a row count; each row counts ROW_COST). */
  readonly maxCells: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxPartBytes: DEFAULT_MAX_PART_BYTES,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCells: 1 << 24, // 16.7 million: a 300,000-row sheet of 20 columns is 6 million
};

/** Excel's grid: 1,048,576 rows × 16,384 columns (A:XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** The XlsxReadError for a zip-level failure. */
export function zipReadError(e: unknown): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof ZipFormatError) {
    const kind: ReadErrorKind = e.problem === 'too_large' ? 'too_large' : e.problem === 'crc' ? 'bad_crc' : e.problem === 'duplicate' ? 'duplicate_entry' : 'corrupt';
    return new XlsxReadError(kind, e.message, e.part, '', e.problem === 'too_large' ? e.limit : 0);
  }
  return new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** As written in the .rels part. */
  readonly target: string;
  /** Resolved zip path (no leading "/"), or null for external targets. */
  readonly path: string | null;
}

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetRef {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly state: string;
  readonly kind: SheetKind;
  /** Zip path of the sheet part, or null when its relationship is missing. */
  readonly path: string | null;
}

export interface XlsxPackage {
  readonly bytes: Uint8Array;
  /** Entries in archive order. */
  readonly entries: readonly ZipEntry[];
  readonly workbookPath: string;
  readonly workbookXml: string;
  readonly workbookRelsPath: string;
  readonly workbookRels: readonly Relationship[];
  readonly sheets: readonly SheetRef[];
  readonly date1904: boolean;
  /** Finds an entry by part name, case-insensitively (OPC part names are). */
  entry(path: string): ZipEntry | undefined;
  readonly limits: ReadLimits;
  /** Inflates an entry within the limits (XlsxReadError otherwise), counting it against the total. */
  inflate(entry: ZipEntry, scratch?: Uint8Array): Uint8Array;
  /** The same, with the platform's native inflater where there is one (browsers, workers). */
  inflateAsync(entry: ZipEntry, scratch?: Uint8Array): Promise<Uint8Array>;
  /** Inflated content (in `scratch` when given and large enough), or null when the part is missing. */
  bytesOf(path: string, scratch?: Uint8Array): Uint8Array | null;
  textOf(path: string, scratch?: Uint8Array): string | null;
}

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  table: `${REL_NS}/table`,
  customProperty: `${REL_NS}/customProperty`,
  calcChain: `${REL_NS}/calcChain`,
} as const;

/** Relationship types also come in the ISO "strict" flavour; compare on the last path segment. */
export function relKind(type: string): string {
  const i = type.lastIndexOf('/');
  return i < 0 ? type : type.slice(i + 1);
}

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** XML bytes → string: UTF-8 normally; a BOM says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes.subarray(2));
  }
  // TextDecoder drops a UTF-8 BOM by itself.
  return utf8.decode(bytes);
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathFor(partPath: string): string {
  const dir = dirOf(partPath);
  const file = partPath.slice(dir ? dir.length + 1 : 0);
  return dir ? `${dir}/_rels/${file}.rels` : `_rels/${file}.rels`;
}

/** Resolves a relationship target against the folder of its source part ("/xl/…" is absolute). */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const parts = t.startsWith('/') ? t.slice(1).split('/') : (dirOf(sourcePart) ? dirOf(sourcePart).split('/') : []).concat(t.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** A target written relative to the source part's folder (for new relationships). */
export function relativeTarget(sourcePart: string, targetPath: string): string {
  const from = dirOf(sourcePart).split('/').filter(Boolean);
  const to = targetPath.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...Array(from.length - k).fill('..'), ...to.slice(k)].join('/');
}

export function parseRels(xml: string, sourcePart: string): Relationship[] {
  return findTags(xml, 'Relationship').map((t) => {
    const target = t.attrs.get('Target') ?? '';
    const external = (t.attrs.get('TargetMode') ?? '').toLowerCase() === 'external';
    let path: string | null = null;
    if (!external && target) {
      path = resolveTarget(sourcePart, target);
      if (/%[0-9A-Fa-f]{2}/.test(path)) {
        try {
          path = decodeURIComponent(path);
        } catch {
          // not a valid escape: keep it as written
        }
      }
    }
    return { id: t.attrs.get('Id') ?? '', type: t.attrs.get('Type') ?? '', target, path };
  });
}

const ENCRYPTED_PACKAGE = (() => {
  const s = 'EncryptedPackage';
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) b[i * 2] = s.charCodeAt(i);
  return b;
})();

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!;
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Classifies bytes that cannot be a zip workbook; null when they start like a zip. */
export function classifyNonZip(bytes: Uint8Array): XlsxReadError | null {
  if (bytes.length === 0) return new XlsxReadError('empty', 'the file is empty');
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file: a password-protected .xlsx (EncryptedPackage stream) or a pre-2007 .xls.
    return contains(bytes, ENCRYPTED_PACKAGE)
      ? new XlsxReadError('encrypted', 'the workbook is password-protected')
      : new XlsxReadError('old_xls', 'an Excel 97-2003 (.xls) or other OLE file');
  }
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7))) {
    return new XlsxReadError('not_xlsx', 'not a zip archive');
  }
  return null;
}

/** The content type [Content_Types].xml gives a part ("" when none). */
export function contentTypeOf(typesXml: string | null, path: string): string {
  if (!typesXml) return '';
  const part = '/' + path.replace(/^\/+/, '').toLowerCase();
  for (const t of findTags(typesXml, 'Override')) {
    if ((t.attrs.get('PartName') ?? '').toLowerCase() === part) return t.attrs.get('ContentType') ?? '';
  }
  const ext = part.slice(part.lastIndexOf('.') + 1);
  for (const t of findTags(typesXml, 'Default')) {
    if ((t.attrs.get('Extension') ?? '').toLowerCase() === ext) return t.attrs.get('ContentType') ?? '';
  }
  return '';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Opens the package: entries, workbook.xml, its relationships and the sheet list. */
export function openPackage(bytes: Uint8Array, limitsIn: Partial<ReadLimits> = {}): XlsxPackage {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limitsIn };
  const early = classifyNonZip(bytes);
  if (early) throw early;
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    throw new XlsxReadError('corrupt', errorText(e));
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.replace(/^\/+/, '').toLowerCase();
    // Readers disagree on which of two same-named entries counts (first or last): refuse rather than guess.
    // OPC part names compare case-insensitively, so "xl/a.xml" and "XL/A.xml" are the same part.
    if (byName.has(key)) throw new XlsxReadError('duplicate_entry', `zip entry ${e.name} appears twice`, e.name);
    byName.set(key, e);
  }
  const entry = (path: string): ZipEntry | undefined => byName.get(path.replace(/^\/+/, '').toLowerCase());
  let inflated = 0;
  const withinTotal = (e: ZipEntry): void => {
    if (e.size <= limits.maxPartBytes && inflated + e.size > limits.maxTotalBytes) {
      throw new XlsxReadError('too_large', `the parts read inflate past ${limits.maxTotalBytes} bytes`, e.name, '', limits.maxTotalBytes);
    }
  };
  const inflate = (e: ZipEntry, scratch?: Uint8Array): Uint8Array => {
    withinTotal(e);
    let out: Uint8Array;
    try {
      out = extractEntry(bytes, e, scratch, limits.maxPartBytes);
    } catch (err) {
      throw zipReadError(err);
    }
    inflated += out.length;
    return out;
  };
  const inflateAsync = async (e: ZipEntry, scratch?: Uint8Array): Promise<Uint8Array> => {
    withinTotal(e);
    let out: Uint8Array;
    try {
      out = await extractEntryAsync(bytes, e, scratch, limits.maxPartBytes);
    } catch (err) {
      throw zipReadError(err);
    }
    inflated += out.length;
    return out;
  };
  const bytesOf = (path: string, scratch?: Uint8Array): Uint8Array | null => {
    const e = entry(path);
    return e ? inflate(e, scratch) : null;
  };
  const textOf = (path: string, scratch?: Uint8Array): string | null => {
    const b = bytesOf(path, scratch);
    return b === null ? null : decodeXml(b);
  };

  // The workbook part: from the package relationships, else the usual place.
  let workbookPath: string | null = null;
  const rootRels = textOf('_rels/.rels');
  const main = rootRels === null ? undefined : parseRels(rootRels, '').find((r) => relKind(r.type) === 'officeDocument' && r.path);
  if (main?.path && entry(main.path)) {
    if (/^xl\//i.test(main.path) || /spreadsheetml|ms-excel/i.test(contentTypeOf(textOf('[Content_Types].xml'), main.path))) {
      workbookPath = main.path;
    } else {
      throw new XlsxReadError('not_xlsx', `the main part is ${main.path}, not a workbook`);
    }
  }
  if (workbookPath === null && entry('xl/workbook.xml')) workbookPath = 'xl/workbook.xml';
  if (workbookPath === null && entry('xl/workbook.bin')) workbookPath = 'xl/workbook.bin';
  if (workbookPath === null) {
    throw entries.some((e) => /^\/?xl\//i.test(e.name))
      ? new XlsxReadError('corrupt', 'no xl/workbook.xml')
      : new XlsxReadError('not_xlsx', 'a zip archive without a workbook');
  }
  if (/\.bin$/i.test(workbookPath)) throw new XlsxReadError('not_xlsx', 'a binary (.xlsb) workbook');
  const wbEntry = entry(workbookPath)!;
  workbookPath = wbEntry.name.replace(/^\/+/, '');
  const workbookXml = textOf(workbookPath) ?? '';
  if (!findTag(workbookXml, 'workbook')) throw new XlsxReadError('corrupt', `${workbookPath} is not a workbook part`);
  const workbookRelsPath = relsPathFor(workbookPath);
  const relsXml = textOf(workbookRelsPath);
  const workbookRels = relsXml === null ? [] : parseRels(relsXml, workbookPath);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));

  const pr = findTag(workbookXml, 'workbookPr');
  const d1904 = pr?.attrs.get('date1904');
  const date1904 = d1904 === '1' || d1904 === 'true';

  const sheets: SheetRef[] = [];
  const sheetsTag = findTag(workbookXml, 'sheets');
  if (sheetsTag && !sheetsTag.selfClosing) {
    const close = closeTagIndex(workbookXml, sheetsTag);
    for (const t of findTags(workbookXml, 'sheet', sheetsTag.end, close < 0 ? workbookXml.length : close)) {
      const rId = attrByLocalName(t.attrs, 'id', true) ?? '';
      const rel = relById.get(rId);
      const kindName = rel ? relKind(rel.type) : '';
      const kind: SheetKind = kindName === 'worksheet' || kindName === 'chartsheet' || kindName === 'dialogsheet'
        ? kindName
        : kindName === 'xlMacrosheet' || kindName === 'xlIntlMacrosheet' ? 'macrosheet' : 'other';
      const path = rel?.path && entry(rel.path) ? entry(rel.path)!.name.replace(/^\/+/, '') : null;
      sheets.push({
        name: t.attrs.get('name') ?? '',
        sheetId: Number(t.attrs.get('sheetId') ?? 0) || 0,
        rId,
        state: t.attrs.get('state') ?? 'visible',
        kind,
        path,
      });
    }
  }
  return { bytes, entries, workbookPath, workbookXml, workbookRelsPath, workbookRels, sheets, date1904, limits, entry, inflate, inflateAsync, bytesOf, textOf };
}

export { decodeEntities };

/**
 * Checks every entry of the package (inflated within the limits, CRC-32 compared) before its parts are
 * copied raw into a new file: a damaged part must never travel on into an output. Done once per archive.
 */
export function verifyArchive(pkg: XlsxPackage): void {
  if (isVerifiedArchive(pkg.bytes)) return;
  for (const e of pkg.entries) pkg.inflate(e);
  markVerifiedArchive(pkg.bytes);
}
