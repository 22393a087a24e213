// XML text for SpreadsheetML, the one escaping of the whole tree (the file writer, the browser host's part
// edits and the settings part all use it). Pure string functions: no DOM, no XML library.
//
// Cell text is kept as it was: what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/F)
// and CR (which an XML reader turns into LF) are written the way Excel writes them, as _xHHHH_ escapes,
// and a literal "_xHHHH_" in the text is protected as "_x005F_xHHHH_" so no reader decodes it.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_TEXT_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

function textEscape(ch: string): string {
  switch (ch) {
    case '&': return '&amp;';
    case '<': return '&lt;';
    case '>': return '&gt;';
    case '_': return '_x005F_';
  }
  return `_x${hex4(ch.charCodeAt(0))}_`;
}

/** Text for element content (cell text, shared strings, formulas): nothing lost, see above. */
export function escapeText(s: string): string {
  return NEEDS_TEXT_WORK.test(s) ? s.replace(TEXT_WORK, textEscape) : s;
}

/**
 * Text for an attribute value in double quotes; tabs and line ends kept as character references.
 * XML has no way to put other control characters in an attribute: they are dropped (sheet and
 * table names, number formats and targets never hold them).
 */
export function escapeAttr(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Text for plain XML outside SpreadsheetML cells (e.g. the settings part, whose JSON has no control
 * characters): &, <, > and " escaped, nothing else touched; decodeEntities undoes it.
 */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Drops what XML 1.0 cannot hold (for text that has no _xHHHH_ convention). */
export function stripInvalidXml(s: string): string {
  return s.replace(NOT_XML, '');
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function entity(m: string, e: string): string {
  switch (e) {
    case 'amp': return '&';
    case 'lt': return '<';
    case 'gt': return '>';
    case 'quot': return '"';
    case 'apos': return "'";
  }
  const code = e.charCodeAt(1) === 120 /* x */ ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  // An out-of-range reference is malformed XML; keep its text rather than fail the whole workbook.
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
}

/** Attribute value or element text as written in the XML → the string it stands for. */
export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(ENTITY, entity);
}

/**
 * Cell text as Excel means it: XML line ends normalised, entities decoded, then Excel's own
 * _xHHHH_ escapes (used for control characters; "_x005F_" is a literal underscore).
 */
export function decodeCellText(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') >= 0) s = s.replace(ENTITY, entity);
  if (s.indexOf('_x') >= 0) s = s.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}
