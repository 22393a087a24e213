// String-level XML helpers for SpreadsheetML parts: no DOM, no XML library (they must run in the
// browser bundle and be fast on 100k-row sheets). Parts are small except sheets and shared strings,
// which read.ts scans with its own loops.

// The escaping itself is host-neutral (src/core/xml-text.ts): one function for the whole tree.
import { decodeCellText, decodeEntities, escapeAttr, escapeText, stripInvalidXml } from '../../core/xml-text';

export { decodeCellText, decodeEntities, escapeAttr, escapeText, stripInvalidXml };

// ---------------------------------------------------------------------------------------------
// Tags in small parts (workbook, rels, styles, content types, tables).

export interface Tag {
  /** Index of "<". */
  readonly start: number;
  /** Index just after ">". */
  readonly end: number;
  readonly selfClosing: boolean;
  /** Attributes by qualified name, values decoded. */
  readonly attrs: ReadonlyMap<string, string>;
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttrs(tagText: string): Map<string, string> {
  const attrs = new Map<string, string>();
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(tagText)) !== null) attrs.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  return attrs;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Start tags (and empty-element tags) whose local name is `local`, whatever their prefix. */
export function findTags(xml: string, local: string, from = 0, to = xml.length): Tag[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${escapeRegExp(local)}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const out: Tag[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < to) {
    const end = tagEnd(xml, m.index + m[0].length);
    if (end < 0) break;
    const selfClosing = xml.charCodeAt(end - 2) === 47;
    out.push({ start: m.index, end, selfClosing, attrs: parseAttrs(xml.slice(m.index + m[0].length, selfClosing ? end - 2 : end - 1)) });
    re.lastIndex = end;
  }
  return out;
}

export function findTag(xml: string, local: string, from = 0, to = xml.length): Tag | null {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${escapeRegExp(local)}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m || m.index >= to) return null;
  const end = tagEnd(xml, m.index + m[0].length);
  if (end < 0) return null;
  const selfClosing = xml.charCodeAt(end - 2) === 47;
  return { start: m.index, end, selfClosing, attrs: parseAttrs(xml.slice(m.index + m[0].length, selfClosing ? end - 2 : end - 1)) };
}

/** Index just after the ">" closing a tag whose attributes start at `i` (quotes respected). */
export function tagEnd(xml: string, i: number): number {
  const n = xml.length;
  while (i < n) {
    const ch = xml.charCodeAt(i);
    if (ch === 62) return i + 1;
    if (ch === 34 || ch === 39) {
      const q = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q + 1;
    } else i++;
  }
  return -1;
}

/** Index of the end tag closing the element opened by `open` (same qualified name; not nested). */
export function closeTagIndex(xml: string, open: Tag): number {
  const name = qualifiedName(xml, open);
  return xml.indexOf(`</${name}`, open.end);
}

export function qualifiedName(xml: string, tag: Tag): string {
  let i = tag.start + 1;
  const n = xml.length;
  while (i < n) {
    const ch = xml.charCodeAt(i);
    if (ch <= 32 || ch === 47 || ch === 62) break;
    i++;
  }
  return xml.slice(tag.start + 1, i);
}

/** "x:" when the root element is written with a prefix, else "". */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${escapeRegExp(local)}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** The prefix bound to `uri` on the root element, or null. */
export function prefixFor(xml: string, uri: string, rootLocal: string): string | null {
  const root = findTag(xml, rootLocal);
  if (!root) return null;
  for (const [k, v] of root.attrs) if (v === uri && k.startsWith('xmlns:')) return k.slice(6);
  return null;
}

/** Attribute whose local name is `local` (any prefix, e.g. r:id). */
export function attrByLocalName(attrs: ReadonlyMap<string, string>, local: string, prefixed: boolean): string | undefined {
  for (const [k, v] of attrs) {
    const colon = k.indexOf(':');
    if (prefixed ? colon > 0 && k.slice(colon + 1) === local && !k.startsWith('xmlns') : k === local) return v;
  }
  return undefined;
}
