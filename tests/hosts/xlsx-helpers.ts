// Helpers for the .xlsx host tests: hand-made workbooks, and a structural check of what we write
// (the things that make Excel offer to "repair" a file). Read with fflate's own unzip, independently
// of the reader under test.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readZipDirectory } from '../../src/hosts/xlsx/zip';

export { FIXTURES_DIR as FIXTURES, ECUADOR_PLAN as ECUADOR, HONDURAS_MONITORING as HONDURAS } from '../fixtures';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export function sheetXml(rows: string, tail = '', head = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${R}">${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
}

export interface MiniSheet {
  readonly name: string;
  readonly xml: string;
  readonly kind?: 'worksheet' | 'chartsheet';
  /** The sheet's own .rels content. */
  readonly rels?: string;
}

export interface MiniWorkbook {
  readonly sheets: readonly MiniSheet[];
  readonly styles?: string;
  readonly sst?: string;
  readonly workbookPr?: string;
  /** Write relationship targets as absolute part names ("/xl/worksheets/sheet1.xml"). */
  readonly absoluteTargets?: boolean;
  readonly extra?: Readonly<Record<string, string | Uint8Array>>;
  readonly definedNames?: string;
}

/** The parts of a small workbook, to zip as they are or to tweak first. */
export function workbookParts(wb: MiniWorkbook): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [`<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`];
  const rels: string[] = [];
  const sheetEls: string[] = [];
  const t = (p: string): string => (wb.absoluteTargets ? `/xl/${p}` : p);
  wb.sheets.forEach((s, i) => {
    const kind = s.kind ?? 'worksheet';
    const dir = kind === 'worksheet' ? 'worksheets' : 'chartsheets';
    const file = `sheet${i + 1}.xml`;
    parts[`xl/${dir}/${file}`] = s.xml;
    if (s.rels) parts[`xl/${dir}/_rels/${file}.rels`] = s.rels;
    overrides.push(`<Override PartName="/xl/${dir}/${file}" ContentType="${CT}.${kind}+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 10}" Type="${R}/${kind}" Target="${t(`${dir}/${file}`)}"/>`);
    sheetEls.push(`<sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`);
  });
  if (wb.styles !== undefined) {
    parts['xl/styles.xml'] = wb.styles;
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`);
    rels.push(`<Relationship Id="rId1" Type="${R}/styles" Target="${t('styles.xml')}"/>`);
  }
  if (wb.sst !== undefined) {
    parts['xl/sharedStrings.xml'] = wb.sst;
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`);
    rels.push(`<Relationship Id="rId2" Type="${R}/sharedStrings" Target="${t('sharedStrings.xml')}"/>`);
  }
  parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}">` +
    `<Relationship Id="rId1" Type="${R}/officeDocument" Target="${wb.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`;
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}" xmlns:r="${R}">` +
    `${wb.workbookPr ?? ''}<bookViews><workbookView/></bookViews><sheets>${sheetEls.join('')}</sheets>${wb.definedNames ?? ''}</workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`;
  Object.assign(parts, wb.extra ?? {});
  return parts;
}

export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(files, { level: 6 });
}

export function makeXlsx(wb: MiniWorkbook): Uint8Array {
  return zipParts(workbookParts(wb));
}

export function unzipText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) out[k] = strFromU8(v);
  return out;
}

/** Styles with the given custom number formats and one cellXfs entry per numFmtId, in order. */
export function stylesXml(numFmts: readonly [number, string][], xfNumFmtIds: readonly number[]): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${NS}">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfNumFmtIds.length}">${xfNumFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
}

// ---------------------------------------------------------------------------------------------
// Structural check

interface Tag {
  name: string;
  attrs: Record<string, string>;
  index: number;
}

function unescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&'
      : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

function tags(xml: string, local: string): Tag[] {
  const re = new RegExp(`<((?:[\\w.-]+:)?${local})((?:\\s+[^\\s=]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*/?>`, 'g');
  const out: Tag[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const attrs: Record<string, string> = {};
    const ar = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    let a: RegExpExecArray | null;
    while ((a = ar.exec(m[2] ?? '')) !== null) attrs[a[1]!] = unescape(a[2] ?? a[3] ?? '');
    out.push({ name: m[1]!, attrs, index: m.index });
  }
  return out;
}

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Children of the root element, by local name, in document order (depth 1 only). */
function rootChildren(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  const re = /<(\/?)([\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    if (m[0].startsWith('<?')) continue;
    if (m[1]) depth--;
    else {
      if (depth === 1) out.push(m[3]!);
      if (!m[4]) depth++;
    }
  }
  return out;
}

function cellText(sheet: string, ref: string, sst: readonly string[]): string | null {
  const m = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(sheet);
  if (!m) return null;
  const body = m[2] ?? '';
  if (/t="s"/.test(m[1]!)) return sst[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? null;
  const t = /<t[^>]*>([\s\S]*?)<\/t>/.exec(body);
  return t ? unescape(t[1]!) : null;
}

/** Problems Excel would complain about; [] when none were found. */
export function packageProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return [`unzip: ${(e as Error).message}`];
  }
  const names = Object.keys(files);
  const lower = new Set<string>();
  for (const n of names) {
    if (lower.has(n.toLowerCase())) problems.push(`duplicate entry ${n}`);
    lower.add(n.toLowerCase());
  }
  const text = (p: string): string | null => (files[p] ? strFromU8(files[p]!) : null);
  const types = text('[Content_Types].xml');
  if (!types) return [...problems, 'no [Content_Types].xml'];
  const overrides = new Map(tags(types, 'Override').map((t) => [t.attrs.PartName!.slice(1).toLowerCase(), t.attrs.ContentType!]));
  const defaults = new Map(tags(types, 'Default').map((t) => [t.attrs.Extension!.toLowerCase(), t.attrs.ContentType!]));
  for (const part of overrides.keys()) if (!lower.has(part)) problems.push(`content type for missing part /${part}`);
  for (const n of names) {
    if (n.endsWith('/') || n === '[Content_Types].xml') continue;
    const ext = n.slice(n.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(n.toLowerCase()) && !defaults.has(ext)) problems.push(`no content type for ${n}`);
  }
  // relationships
  for (const n of names.filter((x) => x.endsWith('.rels'))) {
    const source = n === '_rels/.rels' ? '' : n.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const ids = new Set<string>();
    for (const r of tags(text(n)!, 'Relationship')) {
      if (ids.has(r.attrs.Id!)) problems.push(`${n}: duplicate Id ${r.attrs.Id}`);
      ids.add(r.attrs.Id!);
      if (r.attrs.TargetMode === 'External') continue;
      const target = resolve(source, r.attrs.Target!);
      if (!lower.has(target.toLowerCase())) problems.push(`${n}: ${r.attrs.Id} points to missing ${target}`);
    }
  }
  const wb = text('xl/workbook.xml');
  if (!wb) return [...problems, 'no xl/workbook.xml'];
  const wbRels = new Map(tags(text('xl/_rels/workbook.xml.rels') ?? '', 'Relationship').map((r) => [r.attrs.Id!, r.attrs]));
  const sheetNames = new Set<string>();
  const sheetIds = new Set<string>();
  const sstXml = text('xl/sharedStrings.xml') ?? '';
  const sst = [...sstXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1]!)).join(''));
  const styles = text('xl/styles.xml') ?? '';
  const count = (container: string, child: string): { declared: number; actual: number } => {
    const m = new RegExp(`<${container}(?:\\s[^>]*)?>([\\s\\S]*?)</${container}>`).exec(styles);
    const open = new RegExp(`<${container}\\b[^>]*>`).exec(styles)?.[0] ?? '';
    return { declared: Number(/count="(\d+)"/.exec(open)?.[1] ?? NaN), actual: m ? tags(m[1]!, child).length : 0 };
  };
  const xfCount = count('cellXfs', 'xf');
  for (const [c, ch] of [['numFmts', 'numFmt'], ['fonts', 'font'], ['fills', 'fill'], ['borders', 'border'], ['cellXfs', 'xf']] as const) {
    const k = count(c, ch);
    if (styles.includes(`<${c}`) && k.declared !== k.actual) problems.push(`styles: ${c} count ${k.declared} but ${k.actual} children`);
  }
  const fontsN = count('fonts', 'font').actual;
  const fillsN = count('fills', 'fill').actual;
  const customFmts = new Set(tags(styles, 'numFmt').map((t) => Number(t.attrs.numFmtId)));
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  for (const xf of tags(cellXfs, 'xf')) {
    if (Number(xf.attrs.fontId) >= fontsN) problems.push(`styles: xf fontId ${xf.attrs.fontId} out of range`);
    if (Number(xf.attrs.fillId) >= fillsN) problems.push(`styles: xf fillId ${xf.attrs.fillId} out of range`);
    const f = Number(xf.attrs.numFmtId);
    if (f >= 164 && !customFmts.has(f)) problems.push(`styles: numFmtId ${f} not defined`);
  }
  const tableNames = new Set<string>();
  const tableIds = new Set<string>();
  for (const s of tags(wb, 'sheet')) {
    const name = s.attrs.name!;
    if (sheetNames.has(name.toLowerCase())) problems.push(`duplicate sheet name ${name}`);
    sheetNames.add(name.toLowerCase());
    if (name.length > 31 || /[:\\/?*[\]]/.test(name)) problems.push(`bad sheet name ${name}`);
    if (sheetIds.has(s.attrs.sheetId!)) problems.push(`duplicate sheetId ${s.attrs.sheetId}`);
    sheetIds.add(s.attrs.sheetId!);
    const rel = wbRels.get(s.attrs['r:id']!);
    if (!rel) {
      problems.push(`sheet ${name}: no relationship ${s.attrs['r:id']}`);
      continue;
    }
    if (!rel.Type!.endsWith('/worksheet')) continue;
    const part = resolve('xl/workbook.xml', rel.Target!);
    const xml = text(part);
    if (!xml) continue;
    // element order
    const order = rootChildren(xml);
    let last = -1;
    for (const el of order) {
      const k = WORKSHEET_ORDER.indexOf(el);
      if (k < 0) problems.push(`${part}: unknown element ${el}`);
      // conditionalFormatting is the one child that may repeat (maxOccurs="unbounded")
      else if (k < last || (k === last && el !== 'conditionalFormatting')) problems.push(`${part}: element ${el} out of order (${order.join(',')})`);
      else last = k;
    }
    // rows and cells in order, refs consistent, styles in range
    let prevRow = 0;
    for (const m of xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const r = Number(m[1]);
      if (r <= prevRow) problems.push(`${part}: row ${r} after ${prevRow}`);
      prevRow = r;
      let prevCol = -1;
      for (const c of tags(m[2]!, 'c')) {
        const ref = /^([A-Z]+)(\d+)$/.exec(c.attrs.r ?? '');
        if (!ref || Number(ref[2]) !== r) problems.push(`${part}: cell ${c.attrs.r} in row ${r}`);
        const col = ref ? [...ref[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
        if (col <= prevCol) problems.push(`${part}: cell ${c.attrs.r} out of order`);
        prevCol = col;
        if (c.attrs.s !== undefined && Number(c.attrs.s) >= xfCount.actual) problems.push(`${part}: ${c.attrs.r} style ${c.attrs.s} out of range`);
      }
    }
    // tables
    const sheetRels = new Map(tags(text(relsOf(part)) ?? '', 'Relationship').map((r) => [r.attrs.Id!, r.attrs]));
    const parts = tags(xml, 'tablePart');
    const declared = /<tableParts count="(\d+)"/.exec(xml)?.[1];
    if (parts.length && Number(declared) !== parts.length) problems.push(`${part}: tableParts count ${declared} for ${parts.length}`);
    for (const tp of parts) {
      const rel = sheetRels.get(tp.attrs['r:id']!);
      if (!rel) {
        problems.push(`${part}: tablePart ${tp.attrs['r:id']} without relationship`);
        continue;
      }
      const tpath = resolve(part, rel.Target!);
      const txml = text(tpath) ?? '';
      const t = tags(txml, 'table')[0];
      if (!t) {
        problems.push(`${tpath}: no table`);
        continue;
      }
      if (tableNames.has(t.attrs.name!.toLowerCase())) problems.push(`duplicate table name ${t.attrs.name}`);
      tableNames.add(t.attrs.name!.toLowerCase());
      if (tableIds.has(t.attrs.id!)) problems.push(`duplicate table id ${t.attrs.id}`);
      tableIds.add(t.attrs.id!);
      if (t.attrs.name !== t.attrs.displayName) problems.push(`${tpath}: name and displayName differ`);
      const af = tags(txml, 'autoFilter')[0];
      if (af && af.attrs.ref !== t.attrs.ref) problems.push(`${tpath}: autoFilter ${af.attrs.ref} vs ${t.attrs.ref}`);
      const ref = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.attrs.ref!);
      if (!ref || Number(ref[4]) <= Number(ref[2])) {
        problems.push(`${tpath}: bad ref ${t.attrs.ref}`);
        continue;
      }
      const cols = tags(txml, 'tableColumn');
      if (Number(/<tableColumns count="(\d+)"/.exec(txml)?.[1]) !== cols.length) problems.push(`${tpath}: tableColumns count`);
      const seen = new Set<string>();
      cols.forEach((tc, i) => {
        if (seen.has(tc.attrs.name!.toLowerCase())) problems.push(`${tpath}: duplicate column ${tc.attrs.name}`);
        seen.add(tc.attrs.name!.toLowerCase());
        const letter = String.fromCharCode(ref[1]!.charCodeAt(0) + i);
        const header = cellText(xml, `${letter}${ref[2]}`, sst);
        if (header !== tc.attrs.name) problems.push(`${tpath}: header ${letter}${ref[2]} is ${JSON.stringify(header)}, column is ${tc.attrs.name}`);
      });
    }
  }
  return problems;
}

/** Offsets of an entry's local and central headers, to patch crafted files (the guard tests). */
export function entryHeaders(bytes: Uint8Array, name: string): { local: number; central: number } {
  const entry = readZipDirectory(bytes).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let central = -1;
  for (let i = bytes.length - 46; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x02014b50 && dv.getUint32(i + 42, true) === entry.localOffset) {
      central = i;
      break;
    }
  }
  return { local: entry.localOffset, central };
}
