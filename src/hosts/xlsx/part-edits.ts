// Part edits: small, targeted changes inside SpreadsheetML parts held as text (a worksheet's conditional
// formats, validations and cells; a differential format or cell format in styles). We only insert our
// own elements or rewrite the cells the user asked us to change; every other byte of a part stays.
// The package around the parts (zip, relationships, content types) is edit.ts.
import { findTag } from './xml';
import { parseA1 } from '../../core/grid';

/** CT_Worksheet child order (ECMA-376 Part 1, 18.3.1.99): inserted elements must respect it. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
] as const;
type WorksheetChild = (typeof WORKSHEET_ORDER)[number];

export interface TopChild {
  readonly local: string;
  readonly start: number;
  /** Index just past the element's end. */
  readonly end: number;
}

/** The root element's namespace prefix ("" or "x:") and where its content starts and ends. */
export function rootInfo(xml: string, rootLocal: string): { prefix: string; contentStart: number; contentEnd: number } {
  const open = new RegExp(`<((?:[\\w.-]+:)?)${rootLocal}\\b[^>]*>`).exec(xml);
  if (!open) throw new Error(`no <${rootLocal}> root`);
  const prefix = open[1] ?? '';
  const close = xml.lastIndexOf(`</${prefix}${rootLocal}>`);
  if (close < 0) throw new Error(`no </${rootLocal}>`);
  return { prefix, contentStart: open.index + open[0].length, contentEnd: close };
}

/** Top-level children of the root, found with a depth-tracking scan (nested elements never count). */
export function topChildren(xml: string, rootLocal: string): TopChild[] {
  const { contentStart, contentEnd } = rootInfo(xml, rootLocal);
  const out: TopChild[] = [];
  let i = contentStart;
  while (i < contentEnd) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= contentEnd) break;
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      i = xml.indexOf('?>', lt) + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    const tag = xml.slice(lt, gt + 1);
    const name = /^<([\w.:-]+)/.exec(tag)?.[1] ?? '';
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (tag.endsWith('/>')) {
      out.push({ local, start: lt, end: gt + 1 });
      i = gt + 1;
      continue;
    }
    // Find the matching close tag, counting nested elements of the same name.
    let depth = 1;
    let j = gt + 1;
    const openRe = new RegExp(`<${name.replace(/[.]/g, '\\.')}(?=[\\s>/])|</${name.replace(/[.]/g, '\\.')}>`, 'g');
    openRe.lastIndex = j;
    let m: RegExpExecArray | null;
    while (depth > 0 && (m = openRe.exec(xml))) {
      if (m[0].startsWith('</')) {
        depth--;
        j = m.index + m[0].length;
      } else {
        const selfClose = xml.indexOf('>', m.index);
        if (xml[selfClose - 1] !== '/') depth++;
      }
    }
    if (depth > 0) throw new Error(`unclosed <${name}>`);
    out.push({ local, start: lt, end: j });
    i = j;
  }
  return out;
}

/** Inserts `fragment` (one or more elements named `local`) where CT_Worksheet's order puts it. */
export function insertWorksheetChild(xml: string, local: WorksheetChild, fragment: string): string {
  const rank = WORKSHEET_ORDER.indexOf(local);
  const children = topChildren(xml, 'worksheet');
  const after = children.find((c) => {
    const r = WORKSHEET_ORDER.indexOf(c.local as WorksheetChild);
    return r > rank;
  });
  const at = after ? after.start : rootInfo(xml, 'worksheet').contentEnd;
  return xml.slice(0, at) + fragment + xml.slice(at);
}

/** Removes top-level children for which `drop` says so (from last to first so offsets hold). */
export function removeWorksheetChildren(xml: string, drop: (local: string, text: string) => boolean): string {
  const children = topChildren(xml, 'worksheet');
  let out = xml;
  for (let k = children.length - 1; k >= 0; k--) {
    const c = children[k];
    if (c && drop(c.local, xml.slice(c.start, c.end))) out = out.slice(0, c.start) + out.slice(c.end);
  }
  return out;
}

export function worksheetPrefix(xml: string): string {
  return rootInfo(xml, 'worksheet').prefix;
}

// ---------- styles.xml ----------

/** Appends a differential format (for conditional formats) and returns its index. */
export function addDxf(styles: string, dxfInner: string): { xml: string; id: number } {
  const { prefix } = rootInfo(styles, 'styleSheet');
  const dxf = `<${prefix}dxf>${dxfInner.replace(/<(\/?)/g, `<$1${prefix}`)}</${prefix}dxf>`;
  const selfClosing = new RegExp(`<${prefix}dxfs\\b([^>]*)/>`).exec(styles);
  if (selfClosing) {
    const xml = styles.slice(0, selfClosing.index) + `<${prefix}dxfs count="1">${dxf}</${prefix}dxfs>` + styles.slice(selfClosing.index + selfClosing[0].length);
    return { xml, id: 0 };
  }
  const open = new RegExp(`<${prefix}dxfs\\b[^>]*>`).exec(styles);
  if (open) {
    const close = styles.indexOf(`</${prefix}dxfs>`, open.index);
    const body = styles.slice(open.index + open[0].length, close);
    // Reuse an identical format rather than grow the list each time the user toggles highlights.
    const existing = [...body.matchAll(new RegExp(`<${prefix}dxf\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}dxf>)`, 'g'))].map((m) => m[0]);
    const same = existing.indexOf(dxf);
    if (same >= 0) return { xml: styles, id: same };
    const count = (body.match(new RegExp(`<${prefix}dxf[\\s>/]`, 'g')) ?? []).length;
    const newOpen = open[0].replace(/\scount="\d+"/, '').replace(/>$/, ` count="${count + 1}">`);
    const xml = styles.slice(0, open.index) + newOpen + body + dxf + styles.slice(close);
    return { xml, id: count };
  }
  // No <dxfs>: it goes after cellStyles (or cellXfs), before tableStyles/colors/extLst.
  const children = topChildren(styles, 'styleSheet');
  const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
  const after = children.find((c) => order.indexOf(c.local) > order.indexOf('dxfs'));
  const at = after ? after.start : rootInfo(styles, 'styleSheet').contentEnd;
  return { xml: styles.slice(0, at) + `<${prefix}dxfs count="1">${dxf}</${prefix}dxfs>` + styles.slice(at), id: 0 };
}

/** The numFmtId of cell style `s` (cellXfs index), or 0. */
export function numFmtOfStyle(styles: string, s: number): number {
  const xfs = cellXfs(styles);
  const xf = xfs.items[s];
  return xf ? Number(findTag(xf, 'xf')?.attrs.get('numFmtId') ?? '0') || 0 : 0;
}

function cellXfs(styles: string): { open: RegExpExecArray; bodyStart: number; close: number; items: string[] } {
  const { prefix } = rootInfo(styles, 'styleSheet');
  const open = new RegExp(`<${prefix}cellXfs\\b[^>]*>`).exec(styles);
  if (!open) throw new Error('styles.xml has no cellXfs');
  const bodyStart = open.index + open[0].length;
  const close = styles.indexOf(`</${prefix}cellXfs>`, bodyStart);
  const body = styles.slice(bodyStart, close);
  const items: string[] = [];
  const re = new RegExp(`<${prefix}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${prefix}xf>)`, 'g');
  for (const m of body.matchAll(re)) items.push(m[0]);
  return { open, bodyStart, close, items };
}

/** Appends a copy of cell style `s` with another number format; returns the new index. */
export function cloneXfWithNumFmt(styles: string, s: number, numFmtId: number): { xml: string; id: number } {
  const { open, bodyStart, close, items } = cellXfs(styles);
  const base = items[s] ?? items[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  let xf = base.replace(/\snumFmtId="\d+"/, '').replace(/\sapplyNumberFormat="\w+"/, '');
  xf = xf.replace(/^<([\w:]*xf)\b/, `<$1 numFmtId="${numFmtId}" applyNumberFormat="1"`);
  const id = items.length;
  const newOpen = open[0].replace(/\scount="\d+"/, '').replace(/>$/, ` count="${id + 1}">`);
  const xml = styles.slice(0, open.index) + newOpen + styles.slice(bodyStart, close) + xf + styles.slice(close);
  return { xml, id };
}

// ---------- cells ----------

export interface CellXml {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Finds the <c> element of a cell (address like "B14") inside sheetData, or null. */
export function findCell(sheetXml: string, address: string): CellXml | null {
  const prefix = worksheetPrefix(sheetXml);
  const re = new RegExp(`<${prefix}c\\b[^>]*?\\sr="${address}"[^>]*?(?:/>|>[\\s\\S]*?</${prefix}c>)`);
  const m = re.exec(sheetXml);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

/** The style index of a <c> element (0 when absent). */
export function cellStyle(cellXml: string): number {
  return Number(/^<[\w:]*c\b[^>]*?\ss="(\d+)"/.exec(cellXml)?.[1] ?? '0');
}

export function replaceRange(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/**
 * Writes a number into one cell, keeping its style; adds the cell (and its row) where the sheet has none,
 * in row and column order. Null, and nothing written: a formula cell, or rows without their numbers.
 */
export function setNumberCell(sheetXml: string, address: string, value: number): string | null {
  const at = parseA1(address);
  if (!at || !Number.isFinite(value)) return null;
  const prefix = worksheetPrefix(sheetXml);
  const v = `<${prefix}v>${String(value)}</${prefix}v>`;
  const cell = findCell(sheetXml, address);
  if (cell) {
    if (/<(?:\w+:)?f[\s>/]/.test(cell.text)) return null;
    const s = cellStyle(cell.text);
    return replaceRange(sheetXml, cell.start, cell.end, `<${prefix}c r="${address}"${s ? ` s="${s}"` : ''}>${v}</${prefix}c>`);
  }
  const fresh = `<${prefix}c r="${address}">${v}</${prefix}c>`;
  const want = at.r + 1;
  const rowTag = new RegExp(`<${prefix}row\\b([^>]*?)(/?)>`, 'g');
  // Rows are found by their r; a sheet whose rows do not all say it is not edited.
  if ((sheetXml.match(new RegExp(`<${prefix}row\\b`, 'g')) ?? []).length !== (sheetXml.match(new RegExp(`<${prefix}row\\b[^>]*?\\sr="\\d+"`, 'g')) ?? []).length) return null;
  // spans is only a hint of the row's columns; dropped where a cell joins the row.
  const open = (attrs: string) => `<${prefix}row${attrs.replace(/\sspans="[^"]*"/, '')}>`;
  for (let m = rowTag.exec(sheetXml); m; m = rowTag.exec(sheetXml)) {
    const attrs = m[1] ?? '';
    const n = Number(/\sr="(\d+)"/.exec(attrs)?.[1]);
    if (n < want) continue;
    if (n > want) return replaceRange(sheetXml, m.index, m.index, `<${prefix}row r="${want}">${fresh}</${prefix}row>`);
    const close = `</${prefix}row>`;
    if (m[2] === '/') return replaceRange(sheetXml, m.index, m.index + m[0].length, `${open(attrs)}${fresh}${close}`);
    const bodyStart = m.index + m[0].length;
    const end = sheetXml.indexOf(close, bodyStart);
    if (end < 0) return null;
    const body = sheetXml.slice(bodyStart, end);
    // Before the first cell to its right, else at the row's end.
    const cellTag = new RegExp(`<${prefix}c\\b[^>]*?\\sr="([A-Z]+)\\d+"`, 'g');
    let insertAt = body.length;
    for (let c = cellTag.exec(body); c; c = cellTag.exec(body)) {
      const col = parseA1(`${c[1] ?? ''}1`)?.c ?? -1;
      if (col > at.c) {
        insertAt = c.index;
        break;
      }
    }
    return sheetXml.slice(0, m.index) + open(attrs) + body.slice(0, insertAt) + fresh + body.slice(insertAt) + sheetXml.slice(end);
  }
  const row = `<${prefix}row r="${want}">${fresh}</${prefix}row>`;
  const selfClosed = new RegExp(`<${prefix}sheetData\\s*/>`).exec(sheetXml);
  if (selfClosed) return replaceRange(sheetXml, selfClosed.index, selfClosed.index + selfClosed[0].length, `<${prefix}sheetData>${row}</${prefix}sheetData>`);
  const endData = sheetXml.indexOf(`</${prefix}sheetData>`);
  return endData < 0 ? null : replaceRange(sheetXml, endData, endData, row);
}
