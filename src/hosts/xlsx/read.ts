// Reads an .xlsx into plain grids. Runs in Node and in the browser (no Node APIs, no DOM):
// the zip is inflated part by part and sheet XML is scanned with indexOf / charCodeAt loops,
// because 300k-row workbooks must read in a second or two and in little memory.
import { dateCell, errorCell, parseRange, type Cell, type Merge, type SheetGrid, type WorkbookGrid } from '../../core/grid';
import { isoToSerial, parseISO } from '../../core/dates';
import {
  decodeXml, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, openPackage, relKind, XlsxReadError, type ReadLimits, type XlsxPackage,
} from './package';
import type { ZipEntry } from './zip';
import { decodeCellText, closeTagIndex, findTag, findTags, rootPrefix } from './xml';
import { isDateFormat } from './numfmt';

export { XlsxReadError };
export type { ReadErrorKind, ReadLimits } from './package';

/** Name of the worksheet custom property that marks the sheets Tablero wrote. */
export const TABLERO_MARK = 'Tablero';

export interface ReadOptions {
  /** Read only these sheets (names compared case-insensitively); the others' XML is never inflated. */
  readonly sheets?: readonly string[];
  /** Lower limits than DEFAULT_READ_LIMITS (tests use them to build small crafted files). */
  readonly limits?: Partial<ReadLimits>;
  /** Called as each worksheet is read: sheets done, sheets in all (the pane shows it as a percentage). */
  readonly onSheet?: (done: number, total: number) => void;
}

export function readXlsx(bytes: Uint8Array, opts: ReadOptions = {}): WorkbookGrid {
  try {
    const pkg = openPackage(bytes, opts.limits);
    const steps = readSteps(pkg, opts);
    let step = steps.next();
    while (!step.done) step = steps.next(pkg.inflate(step.value.entry, step.value.scratch));
    return step.value;
  } catch (e) {
    throw readError(e);
  }
}

/**
 * readXlsx with the platform's native inflater (DecompressionStream) where there is one: the pane's
 * worker reads this way, several times faster than fflate. Same parts, same guards, same grid.
 */
export async function readXlsxAsync(bytes: Uint8Array, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  try {
    const pkg = openPackage(bytes, opts.limits);
    const steps = readSteps(pkg, opts);
    let step = steps.next();
    while (!step.done) step = steps.next(await pkg.inflateAsync(step.value.entry, step.value.scratch));
    return step.value;
  } catch (e) {
    throw readError(e);
  }
}

function readError(e: unknown): XlsxReadError {
  return e instanceof XlsxReadError ? e : new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
}

/** A part the reader needs next: whoever drives readSteps inflates it (within the package's limits). */
interface PartWanted {
  readonly entry: ZipEntry;
  /** A buffer to inflate into when it is large enough (reused across sheets). */
  readonly scratch?: Uint8Array;
}

/** The reading, one part at a time: yields each part it needs and is given back its inflated bytes. */
function* readSteps(pkg: XlsxPackage, opts: ReadOptions): Generator<PartWanted, WorkbookGrid, Uint8Array> {
  const wanted = opts.sheets ? new Set(opts.sheets.map((s) => s.toLowerCase())) : null;
  const rels = pkg.workbookRels;
  const stylesRel = rels.find((r) => relKind(r.type) === 'styles' && r.path);
  const sstRel = rels.find((r) => relKind(r.type) === 'sharedStrings' && r.path);

  const toRead = pkg.sheets.filter((s) => (!wanted || wanted.has(s.name.toLowerCase())) && s.kind === 'worksheet');
  for (const s of pkg.sheets) {
    if (wanted && !wanted.has(s.name.toLowerCase())) continue;
    if (s.kind === 'other' && !rels.some((r) => r.id === s.rId)) {
      throw new XlsxReadError('corrupt', `sheet "${s.name}" has no relationship ${s.rId}`);
    }
  }
  if (toRead.length === 0) return { sheets: [], date1904: pkg.date1904 };

  const stylesEntry = pkg.entry(stylesRel?.path ?? 'xl/styles.xml');
  const dateStyles = stylesEntry ? parseDateStyles(decodeXml(yield { entry: stylesEntry })) : new Uint8Array(0);
  const sstEntry = pkg.entry(sstRel?.path ?? 'xl/sharedStrings.xml');
  const sst = sstEntry ? parseSharedStrings(decodeXml(yield { entry: sstEntry })) : [];

  const entries = toRead.map((ref) => {
    const entry = ref.path ? pkg.entry(ref.path) : undefined;
    if (!entry) throw new XlsxReadError('corrupt', `the part of sheet "${ref.name}" is missing`);
    return entry;
  });
  // One inflate buffer for all sheets: big sheets would otherwise leave a buffer each for the collector.
  const biggest = Math.max(...entries.map((e) => e.size));
  const scratch = entries.length > 1 && biggest > 1 << 20 ? new Uint8Array(biggest) : undefined;
  const budget = { cells: pkg.limits.maxCells };
  const ctx: SheetContext = { sst, dateStyles, date1904: pkg.date1904, budget, maxCells: pkg.limits.maxCells };
  const sheets: SheetGrid[] = [];
  for (let k = 0; k < toRead.length; k++) {
    const data = yield { entry: entries[k]!, scratch };
    sheets.push(parseWorksheetData(data, toRead[k]!.name, ctx));
    opts.onSheet?.(k + 1, toRead.length);
  }
  return { sheets, date1904: pkg.date1904 };
}

// ---------------------------------------------------------------------------------------------
// styles.xml: which cell formats (cellXfs indexes) show dates.

export function parseDateStyles(xml: string): Uint8Array {
  const codes = new Map<number, string>();
  for (const t of findTags(xml, 'numFmt')) {
    const id = Number(t.attrs.get('numFmtId'));
    const code = t.attrs.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
  }
  const cellXfs = findTag(xml, 'cellXfs');
  if (!cellXfs || cellXfs.selfClosing) return new Uint8Array(0);
  const close = closeTagIndex(xml, cellXfs);
  const xfs = findTags(xml, 'xf', cellXfs.end, close < 0 ? xml.length : close);
  const out = new Uint8Array(xfs.length);
  xfs.forEach((xf, k) => {
    const id = Number(xf.attrs.get('numFmtId') ?? 0);
    if (isDateFormat(id, codes.get(id))) out[k] = 1;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Strings: shared strings table and inline strings share the rich-text layout (<t> or <r><t> runs).

/** Concatenates the <t> texts between s and e, skipping phonetic runs (<rPh>). */
function richText(xml: string, s: number, e: number, p: string): string {
  const tOpen = '<' + p + 't';
  const tClose = '</' + p + 't>';
  const rPh = '<' + p + 'rPh';
  let out = '';
  let i = s;
  while (i < e) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= e) break;
    if (xml.startsWith(tOpen, lt)) {
      const d = xml.charCodeAt(lt + tOpen.length);
      if (d === 62 || d === 47 || d <= 32) {
        const gt = xml.indexOf('>', lt);
        if (gt < 0) break;
        if (xml.charCodeAt(gt - 1) === 47) {
          i = gt + 1;
          continue;
        }
        const close = xml.indexOf(tClose, gt);
        if (close < 0) break;
        out += xml.slice(gt + 1, close);
        i = close + tClose.length;
        continue;
      }
    } else if (xml.startsWith(rPh, lt)) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) break;
      if (xml.charCodeAt(gt - 1) === 47) {
        i = gt + 1;
        continue;
      }
      const close = xml.indexOf('</' + p + 'rPh>', gt);
      i = close < 0 ? e : close + 1;
      continue;
    }
    i = lt + 1;
  }
  return decodeCellText(out);
}

export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml, 'sst');
  const siOpen = '<' + p + 'si';
  const siClose = '</' + p + 'si>';
  const out: string[] = [];
  let i = 0;
  for (;;) {
    const at = xml.indexOf(siOpen, i);
    if (at < 0) break;
    const d = xml.charCodeAt(at + siOpen.length);
    if (d !== 62 && d !== 47 && d > 32) {
      i = at + siOpen.length;
      continue;
    }
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = gt + 1;
      continue;
    }
    const close = xml.indexOf(siClose, gt);
    const end = close < 0 ? xml.length : close;
    // Fast path: <si><t>text</t></si>
    const tOpen = '<' + p + 't>';
    const tClose = '</' + p + 't>';
    if (xml.startsWith(tOpen, gt + 1) && xml.indexOf('<', gt + 1 + tOpen.length) === end - tClose.length) {
      out.push(decodeCellText(xml.slice(gt + 1 + tOpen.length, end - tClose.length)));
    } else {
      out.push(richText(xml, gt + 1, end, p));
    }
    i = end + siClose.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets.

interface SheetContext {
  readonly sst: readonly string[];
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
  /** Cells the workbook's grids may still take (shared by its sheets); below zero the file is refused. */
  readonly budget?: { cells: number };
  readonly maxCells?: number;
}

/** A row costs this many cells of the budget (an empty row is still an array). */
const ROW_COST = 4;

function outsideGrid(name: string, where: string): XlsxReadError {
  return new XlsxReadError('outside_grid', `sheet "${name}": ${where} is outside Excel's grid (1048576 rows × XFD)`, where, name);
}

function overBudget(name: string, ctx: SheetContext): XlsxReadError {
  return new XlsxReadError('too_large', `sheet "${name}": more cells than the reader holds`, '', name, ctx.maxCells ?? 0);
}

const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6;

function cellType(xml: string, s: number, e: number): number {
  const len = e - s;
  const c0 = xml.charCodeAt(s);
  if (len === 1) {
    if (c0 === 115) return T_S;
    if (c0 === 110) return T_N;
    if (c0 === 98) return T_B;
    if (c0 === 101) return T_E;
    if (c0 === 100) return T_D;
  } else if (len === 3 && xml.startsWith('str', s)) return T_STR;
  else if (len === 9 && xml.startsWith('inlineStr', s)) return T_INLINE;
  return T_N;
}

/** Number in xml[s, e): digits fast, anything else through Number(). NaN when it is not one. */
function parseNumber(xml: string, s: number, e: number): number {
  let j = s;
  const neg = xml.charCodeAt(j) === 45;
  if (neg) j++;
  if (e - j > 0 && e - j <= 15) {
    let v = 0;
    for (; j < e; j++) {
      const d = xml.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (j === e) return neg ? -v : v;
  }
  const text = xml.slice(s, e).trim();
  return text === '' ? NaN : Number(text);
}

function isoDateTimeToSerial(text: string, date1904: boolean): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (m?.[1] && parseISO(m[1])) {
    const day = isoToSerial(m[1], date1904);
    const frac = m[2] ? (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) / 86400 : 0;
    return day + frac;
  }
  // A time alone ("T10:30:00") is a fraction of a day.
  const t = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text.trim());
  if (t) return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) / 86400;
  return null;
}

interface ScanState {
  readonly rows: Cell[][];
  readonly hiddenRows: number[];
  lastRow: number;
  rowIdx: number;
  col: number;
}

/** Scans xml[i, end), which holds whole <row> elements only, into the state. The hot loop of the reader. */
function scanRows(xml: string, i: number, end: number, p: string, ctx: SheetContext, st: ScanState, name: string): void {
  const n = xml.length;
  const rowOpen = '<' + p + 'row';
  const cOpen = '<' + p + 'c';
  const cClose = '</' + p + 'c>';
  const vOpen = '<' + p + 'v';
  const vFast = '<' + p + 'v>';
  const isOpen = '<' + p + 'is';
  const isClose = '</' + p + 'is>';
  const isFast = `<${p}is><${p}t`;
  const isFastClose = `</${p}t></${p}is></${p}c>`;
  let fastStart = -1;
  let fastEnd = -1;
  // No namespace prefix (every writer we know): the tags below are tested with charCodeAt in line, which
  // on 2.6 million cells is a good part faster than indexOf/startsWith calls over a few bytes.
  const plain = p === '';
  const { sst, dateStyles, date1904 } = ctx;
  const nStyles = dateStyles.length;
  const bad = (what: string): XlsxReadError => new XlsxReadError('corrupt', `sheet "${name}": ${what}`);
  const rows = st.rows;
  const hiddenRows = st.hiddenRows;
  let lastRow = st.lastRow;
  let rowIdx = st.rowIdx;
  let col = st.col;
  let row: Cell[] | undefined;
  let rowOf = -1;
  let left = ctx.budget ? ctx.budget.cells : Infinity;

  while (i < end) {
    const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      i = lt + 2;
      continue;
    }
    // ---- a cell
    if (plain ? c1 === 99 /* c */ : xml.startsWith(cOpen, lt)) {
      let k = lt + cOpen.length;
      let ch = xml.charCodeAt(k);
      if (ch === 62 || ch === 47 || ch <= 32) {
        let refCol = -1;
        let refRow = -1;
        let refAt = -1;
        let style = 0;
        let type = T_N;
        let selfClose = false;
        for (;;) {
          ch = xml.charCodeAt(k);
          if (ch === 62) {
            k++;
            break;
          }
          if (ch === 47) {
            selfClose = true;
            k++;
            continue;
          }
          if (ch <= 32) {
            k++;
            continue;
          }
          if (k >= n) throw bad('unterminated cell');
          const ns = k;
          while ((ch = xml.charCodeAt(k)) !== 61 && ch > 32) k++;
          const nameLen = k - ns;
          while ((ch = xml.charCodeAt(k)) !== 34 && ch !== 39) {
            if (k >= n) throw bad('bad cell attribute');
            k++;
          }
          const vs = k + 1;
          let ve = vs;
          while (ve < n && xml.charCodeAt(ve) !== ch) ve++;
          if (ve >= n) throw bad('bad cell attribute');
          if (nameLen === 1) {
            const an = xml.charCodeAt(ns);
            if (an === 114) {
              // r="B12": letters then digits ($ allowed)
              refAt = vs;
              let j = vs;
              let cc = 0;
              let rr = 0;
              for (; j < ve; j++) {
                const x = xml.charCodeAt(j);
                if (x >= 65 && x <= 90) cc = cc * 26 + x - 64;
                else if (x >= 97 && x <= 122) cc = cc * 26 + x - 96;
                else if (x !== 36) break;
              }
              for (; j < ve; j++) {
                const x = xml.charCodeAt(j) - 48;
                if (x >= 0 && x <= 9) rr = rr * 10 + x;
                else if (x !== -12) break; // "$"
              }
              if (cc > 0) refCol = cc - 1;
              if (rr > 0) refRow = rr - 1;
            } else if (an === 115) {
              let v = 0;
              for (let j = vs; j < ve; j++) {
                const x = xml.charCodeAt(j) - 48;
                if (x < 0 || x > 9) break;
                v = v * 10 + x;
              }
              style = v;
            } else if (an === 116) {
              type = cellType(xml, vs, ve);
            }
          }
          k = ve + 1;
        }
        col = refCol >= 0 ? refCol : col + 1;
        let r = refRow >= 0 ? refRow : rowIdx < 0 ? 0 : rowIdx;
        if (refRow >= 0) rowIdx = refRow;
        if (r < 0) r = 0;
        // Past Excel's grid no real workbook goes; the padding below would run for minutes or out of memory.
        if (col >= EXCEL_MAX_COLUMNS || r >= EXCEL_MAX_ROWS) {
          throw outsideGrid(name, refAt >= 0 ? xml.slice(refAt, Math.min(xml.indexOf(xml.charAt(refAt - 1), refAt), refAt + 24)) : `${r + 1}:${r + 1}`);
        }

        let value: Cell = null;
        if (selfClose) {
          i = k;
        } else if (type === T_INLINE && xml.startsWith(isFast, k) &&
          ((fastStart = xml.charCodeAt(k + isFast.length)) === 62 || fastStart <= 32) &&
          (fastStart = xml.indexOf('>', k + isFast.length) + 1) > 0 && xml.charCodeAt(fastStart - 2) !== 47 &&
          (fastEnd = xml.indexOf('<', fastStart)) >= 0 && xml.startsWith(isFastClose, fastEnd)) {
          // <is><t>text</t></is></c>, or <t xml:space="preserve">
          value = decodeCellText(xml.slice(fastStart, fastEnd));
          i = fastEnd + isFastClose.length;
        } else if (type === T_INLINE) {
          const cEnd = xml.indexOf(cClose, k);
          if (cEnd < 0) throw bad('unterminated cell');
          const at = xml.indexOf(isOpen, k);
          if (at >= 0 && at < cEnd) {
            const gt = xml.indexOf('>', at);
            if (xml.charCodeAt(gt - 1) === 47) value = '';
            else {
              const ie = xml.indexOf(isClose, gt);
              value = richText(xml, gt + 1, ie < 0 || ie > cEnd ? cEnd : ie, p);
            }
          } else {
            // Some writers put an inline string's text in <v>.
            const va = xml.indexOf(vFast, k);
            if (va >= 0 && va < cEnd) value = decodeCellText(xml.slice(va + vFast.length, xml.indexOf('<', va + vFast.length)));
          }
          i = cEnd + cClose.length;
        } else {
          let vs = -1;
          let ve = -1;
          if (plain ? xml.charCodeAt(k) === 60 && xml.charCodeAt(k + 1) === 118 && xml.charCodeAt(k + 2) === 62 : xml.startsWith(vFast, k)) {
            vs = k + vFast.length;
            ve = vs;
            while (ve < n && xml.charCodeAt(ve) !== 60) ve++;
            if (ve >= n) ve = -1;
          } else {
            const cEnd = xml.indexOf(cClose, k);
            if (cEnd < 0) throw bad('unterminated cell');
            const va = xml.indexOf(vOpen, k);
            if (va >= 0 && va < cEnd) {
              const d = xml.charCodeAt(va + vOpen.length);
              if (d === 62) vs = va + vOpen.length + 1;
              else if (d <= 32) {
                const gt = xml.indexOf('>', va);
                if (xml.charCodeAt(gt - 1) !== 47) vs = gt + 1;
              }
              if (vs >= 0) ve = xml.indexOf('<', vs);
            }
            if (vs < 0) ve = k;
          }
          if (ve < 0) throw bad('unterminated value');
          if (vs >= 0 && (ve > vs || type === T_STR)) {
            if (type === T_N) {
              const num = parseNumber(xml, vs, ve);
              if (num === num) value = style < nStyles && dateStyles[style] === 1 ? dateCell(num) : num;
              else value = decodeCellText(xml.slice(vs, ve));
            } else if (type === T_S) {
              let idx = 0;
              for (let j = vs; j < ve; j++) {
                const x = xml.charCodeAt(j) - 48;
                if (x >= 0 && x <= 9) idx = idx * 10 + x;
              }
              value = idx < sst.length ? sst[idx]! : null;
            } else if (type === T_STR) {
              value = decodeCellText(xml.slice(vs, ve));
            } else if (type === T_B) {
              const x = xml.charCodeAt(vs);
              value = x === 49 || x === 116 || x === 84; // "1", "true", "TRUE"
            } else if (type === T_E) {
              value = errorCell(decodeCellText(xml.slice(vs, ve)));
            } else if (type === T_D) {
              const text = decodeCellText(xml.slice(vs, ve));
              const serial = isoDateTimeToSerial(text, date1904);
              value = serial === null ? text : dateCell(serial);
            }
          }
          // "</v></c>" right after the value, else look for "</c>".
          const ce = plain && xml.charCodeAt(ve + 1) === 47 && xml.charCodeAt(ve + 2) === 118 && xml.charCodeAt(ve + 3) === 62 &&
            xml.charCodeAt(ve + 4) === 60 && xml.charCodeAt(ve + 5) === 47 && xml.charCodeAt(ve + 6) === 99 && xml.charCodeAt(ve + 7) === 62
            ? ve + 4
            : xml.indexOf(cClose, ve);
          i = ce < 0 || ce >= end ? end : ce + cClose.length;
        }

        if (value !== null) {
          if (r !== rowOf) {
            row = rows[r];
            if (row === undefined) {
              if ((left -= ROW_COST) < 0) throw overBudget(name, ctx);
              row = [];
              rows[r] = row;
            }
            rowOf = r;
            if (r > lastRow) lastRow = r;
          }
          const len = row!.length;
          if (col === len) {
            if (--left < 0) throw overBudget(name, ctx);
            row!.push(value);
          } else if (col > len) {
            if ((left -= col - len + 1) < 0) throw overBudget(name, ctx);
            for (let z = len; z < col; z++) row!.push(null);
            row!.push(value);
          } else row![col] = value;
        }
        continue;
      }
    }
    // ---- a row
    if (xml.startsWith(rowOpen, lt)) {
      let k = lt + rowOpen.length;
      let ch = xml.charCodeAt(k);
      if (ch === 62 || ch === 47 || ch <= 32) {
        let r = -1;
        let hidden = false;
        for (;;) {
          ch = xml.charCodeAt(k);
          if (ch === 62) {
            k++;
            break;
          }
          if (ch <= 32 || ch === 47) {
            k++;
            continue;
          }
          if (k >= n) throw bad('unterminated row');
          const ns = k;
          while ((ch = xml.charCodeAt(k)) !== 61 && ch > 32) k++;
          const nameLen = k - ns;
          while ((ch = xml.charCodeAt(k)) !== 34 && ch !== 39) {
            if (k >= n) throw bad('bad row attribute');
            k++;
          }
          const vs = k + 1;
          const ve = xml.indexOf(ch === 34 ? '"' : "'", vs);
          if (ve < 0) throw bad('bad row attribute');
          if (nameLen === 1 && xml.charCodeAt(ns) === 114) {
            let v = 0;
            for (let j = vs; j < ve; j++) {
              const x = xml.charCodeAt(j) - 48;
              if (x < 0 || x > 9) break;
              v = v * 10 + x;
            }
            if (v > 0) r = v - 1;
          } else if (nameLen === 6 && xml.startsWith('hidden', ns)) {
            const x = xml.charCodeAt(vs);
            hidden = x === 49 || x === 116; // "1" or "true"
          }
          k = ve + 1;
        }
        rowIdx = r >= 0 ? r : rowIdx + 1;
        if (rowIdx >= EXCEL_MAX_ROWS) throw outsideGrid(name, `${rowIdx + 1}:${rowIdx + 1}`);
        col = -1;
        if (hidden) hiddenRows.push(rowIdx);
        i = k;
        continue;
      }
    }
    i = lt + 1;
  }

  st.lastRow = lastRow;
  st.rowIdx = rowIdx;
  st.col = col;
  if (ctx.budget) ctx.budget.cells = left;
}

function finishSheet(name: string, st: ScanState, tail: string, ctx?: SheetContext): SheetGrid {
  // A part cut short (or not a worksheet at all) must not pass for an empty sheet.
  const last = tail.slice(-4096);
  if (!/<\/(?:[\w.-]+:)?worksheet>\s*$/.test(last) && !/<(?:[\w.-]+:)?worksheet\b[^>]*\/>\s*$/.test(last)) {
    throw new XlsxReadError('corrupt', `sheet "${name}": the sheet XML is incomplete`);
  }
  const { rows, hiddenRows, lastRow } = st;
  let missing = 0;
  for (let r = 0; r <= lastRow; r++) if (rows[r] === undefined) missing++;
  if (ctx?.budget && (ctx.budget.cells -= missing * ROW_COST) < 0) throw overBudget(name, ctx);
  for (let r = 0; r <= lastRow; r++) if (rows[r] === undefined) rows[r] = [];
  rows.length = lastRow + 1;
  const merges: Merge[] = [];
  for (const t of findTags(tail, 'mergeCell')) {
    const ref = t.attrs.get('ref') ?? '';
    const m = parseRange(ref);
    if (!m) continue;
    // Code that walks a merged area must never be handed one larger than the grid.
    if (m.r1 >= EXCEL_MAX_ROWS || m.c1 >= EXCEL_MAX_COLUMNS) throw outsideGrid(name, ref.slice(0, 40));
    merges.push(m);
  }
  const marked = findTags(tail, 'customPr').some((t) => (t.attrs.get('name') ?? '').toLowerCase() === TABLERO_MARK.toLowerCase());
  return { name, rows, merges, hiddenRows, createdByTablero: marked };
}

const newState = (): ScanState => ({ rows: [], hiddenRows: [], lastRow: -1, rowIdx: -1, col: -1 });

/** Parses a whole worksheet part held as one string. */
export function parseWorksheet(xml: string, name: string, ctx: SheetContext): SheetGrid {
  const st = newState();
  const sd = findTag(xml, 'sheetData');
  if (!sd) return finishSheet(name, st, xml, ctx);
  if (sd.selfClosing) return finishSheet(name, st, xml.slice(sd.end), ctx);
  const p = rootPrefix(xml, 'worksheet');
  const close = '</' + p + 'sheetData>';
  const end = xml.indexOf(close, sd.end);
  if (end < 0) throw new XlsxReadError('corrupt', `sheet "${name}": unterminated sheetData`);
  scanRows(xml, sd.end, end, p, ctx, st, name);
  return finishSheet(name, st, xml.slice(end + close.length), ctx);
}

const ascii = (s: string): Uint8Array => {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
};

function matchesAt(hay: Uint8Array, needle: Uint8Array, i: number): boolean {
  if (i < 0 || i + needle.length > hay.length) return false;
  for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) return false;
  return true;
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  for (let i = hay.indexOf(first, from); i >= 0; i = hay.indexOf(first, i + 1)) if (matchesAt(hay, needle, i)) return i;
  return -1;
}

const SHEET_DATA = ascii('sheetData');

/** End of the <sheetData …> start tag (any prefix): [index after ">", self-closing?], or null. */
function sheetDataStart(buf: Uint8Array): [number, boolean] | null {
  for (let at = indexOfBytes(buf, SHEET_DATA, 0); at >= 0; at = indexOfBytes(buf, SHEET_DATA, at + 1)) {
    let lt = at - 1;
    while (lt >= 0 && buf[lt] !== 0x3c && buf[lt] !== 0x3e && buf[lt]! > 0x20) lt--;
    const after = buf[at + SHEET_DATA.length];
    if (lt >= 0 && buf[lt] === 0x3c && after !== undefined && (after === 0x3e || after === 0x2f || after <= 0x20)) {
      const gt = buf.indexOf(0x3e, at);
      return gt < 0 ? null : [gt + 1, buf[gt - 1] === 0x2f];
    }
  }
  return null;
}

/** Last `needle` that ends at or before `before` and starts at or after `floor`; -1 when none. */
function lastIndexOfBytesIn(hay: Uint8Array, needle: Uint8Array, floor: number, before: number): number {
  const first = needle[0]!;
  let from = before - needle.length;
  while (from >= floor) {
    const i = hay.lastIndexOf(first, from);
    if (i < floor) return -1;
    if (matchesAt(hay, needle, i)) return i;
    from = i - 1; // (a negative fromIndex would count from the end)
  }
  return -1;
}

/** Text decoded per piece: this much XML (cut after a "</row>") becomes one string for the scanner. */
const SCAN_PIECE = 1 << 20;

/**
 * Parses a UTF-8 worksheet part from its bytes: the rows are decoded and scanned a megabyte at a time,
 * cut after a "</row>" (ASCII, so never inside a multi-byte character): a 40 MB sheet never becomes one
 * 40 MB string, and the scanner always works on fresh flat strings.
 */
export function parseWorksheetBytes(buf: Uint8Array, name: string, ctx: SheetContext): SheetGrid {
  const decoder = new TextDecoder('utf-8');
  const st = newState();
  const start = sheetDataStart(buf);
  if (!start) return finishSheet(name, st, decoder.decode(buf), ctx);
  const [from, selfClosing] = start;
  if (selfClosing) return finishSheet(name, st, decoder.decode(buf.subarray(from)), ctx);
  const p = rootPrefix(decoder.decode(buf.subarray(0, from)), 'worksheet');
  const rowClose = ascii(`</${p}row>`);
  const dataClose = ascii(`</${p}sheetData>`);
  const close = lastIndexOfBytesIn(buf, dataClose, from, buf.length);
  if (close < 0) throw new XlsxReadError('corrupt', `sheet "${name}": unterminated sheetData`);
  let pos = from;
  while (pos < close) {
    let cut = close;
    if (close - pos > SCAN_PIECE) {
      const last = lastIndexOfBytesIn(buf, rowClose, pos, pos + SCAN_PIECE);
      if (last >= 0) cut = last + rowClose.length;
      else {
        // one row longer than a piece: take it whole
        const next = indexOfBytes(buf, rowClose, pos + SCAN_PIECE - rowClose.length);
        if (next >= 0 && next < close) cut = next + rowClose.length;
      }
    }
    scanRows(decoder.decode(buf.subarray(pos, cut)), 0, Infinity, p, ctx, st, name);
    pos = cut;
  }
  return finishSheet(name, st, decoder.decode(buf.subarray(close + dataClose.length)), ctx);
}

/** Parses one worksheet part's inflated bytes. */
function parseWorksheetData(data: Uint8Array, name: string, ctx: SheetContext): SheetGrid {
  // A byte-order mark says UTF-16 (never seen from Excel): decode it whole.
  if (data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    return parseWorksheet(decodeXml(data), name, ctx);
  }
  return parseWorksheetBytes(data, name, ctx);
}

/** True when a worksheet's XML carries Tablero's custom property (looked for after sheetData only). */
export function sheetXmlIsMarked(xml: string): boolean {
  const p = rootPrefix(xml, 'worksheet');
  const close = xml.lastIndexOf('</' + p + 'sheetData>');
  const from = close < 0 ? 0 : close;
  return findTags(xml, 'customPr', from).some((t) => (t.attrs.get('name') ?? '').toLowerCase() === TABLERO_MARK.toLowerCase());
}
