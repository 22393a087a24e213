// Where each part of an OutputSheet goes on a worksheet, as plain data: the Office host turns this
// into range writes. Rows and columns are 0-based here; Excel addresses are built by the host.
import { isoToSerial } from '../../core/dates';
import { columnLetter } from '../../core/grid';
import { isOutputDate, type ColumnType, type Fill, type OutputSheet, type OutputValue } from '../../core/output';

export type WriteValue = string | number | boolean;

export interface Box {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** A rectangle of values written in one range (cut into smaller pieces by the host when large). */
export interface ValueBlock {
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly WriteValue[])[];
}

export interface FormatRun extends Box {
  readonly format: string;
}

export interface TablePlan {
  /** The name the OutputTable asked for (the host makes it unique in the workbook). */
  readonly name: string;
  /** Header row plus data rows (at least one: Excel gives an empty table one blank row). */
  readonly box: Box;
}

export interface FillPlan extends Box {
  readonly color: string;
}

/** A conditional format for a column's value bands; `formula` is relative to the box's top-left cell. */
export interface BandRule extends Box {
  readonly formula: string;
  readonly color: string;
}

export interface WidthPlan {
  readonly col: number;
  readonly points: number;
}

export interface SheetLayout {
  readonly blocks: readonly ValueBlock[];
  readonly formats: readonly FormatRun[];
  readonly tables: readonly TablePlan[];
  readonly bold: readonly Box[];
  readonly title: Box | null;
  readonly wrap: readonly Box[];
  readonly fills: readonly FillPlan[];
  readonly bands: readonly BandRule[];
  readonly widths: readonly WidthPlan[];
  /** Rows to freeze: through the first table's header row (0 when there is no table). */
  readonly freezeRows: number;
  /** 1-based row of the status line (the last of `lines`), or null when there are no lines. */
  readonly statusRow: number | null;
  readonly titleText: string | null;
}

export const TABLE_STYLE = 'TableStyleMedium2';

/** Number formats are Excel's invariant codes. ISO dates read the same in every locale. */
export const NUMBER_FORMATS: Readonly<Partial<Record<ColumnType, string>>> = {
  date: 'yyyy-mm-dd',
  percent: '0.0%',
  integer: '#,##0',
  number: '#,##0.00',
};

export const FILL_COLORS: Readonly<Record<Fill, string>> = {
  green: '#C6EFCE',
  yellow: '#FFEB9C',
  orange: '#F8CBAD',
  red: '#FFC7CE',
  grey: '#D9D9D9',
};

/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32_767;
const MIN_WIDTH = 6;
const MAX_FITTED_WIDTH = 60;
/** Rows sampled when a width is fitted to the content. */
const FIT_SAMPLE_ROWS = 500;

/**
 * Text exactly as given. Range.values parses strings like typing does ("=…" becomes a formula,
 * "1.10" a number, "4-May-11" a date): the leading apostrophe keeps the text as text.
 */
export function textValue(s: string): string {
  return `'${s.length > MAX_CELL_CHARS - 1 ? s.slice(0, MAX_CELL_CHARS - 1) : s}`;
}

export function writeValue(v: OutputValue | undefined, date1904: boolean): WriteValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : textValue(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isOutputDate(v)) {
    try {
      return isoToSerial(v.date, date1904);
    } catch {
      return textValue(v.date); // not a real day: keep what we were given, as text
    }
  }
  return '';
}

/** Excel column width in characters (of the default font) to points: 7 px per character plus 5 px padding. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function displayLength(v: OutputValue | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') return Math.max(...v.split('\n').map((l) => l.length));
  if (isOutputDate(v)) return 10;
  return String(v).length;
}

export function layoutSheet(sheet: OutputSheet, date1904: boolean): SheetLayout {
  const blocks: ValueBlock[] = [];
  const formats: FormatRun[] = [];
  const tables: TablePlan[] = [];
  const bold: Box[] = [];
  const wrap: Box[] = [];
  const fills: FillPlan[] = [];
  const bands: BandRule[] = [];
  const widthChars = new Map<number, number>();
  let freezeRows = 0;
  let r = 0;

  for (const line of sheet.lines) {
    blocks.push({ row: r, col: 0, values: [[line === '' ? '' : textValue(line)]] });
    r++;
  }
  const statusRow = sheet.lines.length ? sheet.lines.length : null;
  const title: Box | null = sheet.lines.length ? { row: 0, col: 0, rowCount: 1, colCount: 1 } : null;
  if (sheet.lines.length && sheet.tables.length) r++;

  for (const table of sheet.tables) {
    const width = table.columns.length;
    if (!width) continue;
    if (table.caption) {
      blocks.push({ row: r, col: 0, values: [[textValue(table.caption)]] });
      bold.push({ row: r, col: 0, rowCount: 1, colCount: 1 });
      r++;
    }
    const headerRow = r;
    // A total row needs data above it; alone it would fall inside the table's blank row.
    const hasTotal = !!table.totalRow && table.rows.length > 1;
    const dataRows = hasTotal ? table.rows.slice(0, -1) : table.rows;
    const values: WriteValue[][] = [table.columns.map((c) => textValue(c.header))];
    for (const row of table.rows) values.push(table.columns.map((_, c) => writeValue(row[c], date1904)));
    blocks.push({ row: headerRow, col: 0, values });
    const bodyRows = Math.max(1, dataRows.length);
    tables.push({ name: table.name, box: { row: headerRow, col: 0, rowCount: 1 + bodyRows, colCount: width } });
    if (!freezeRows) freezeRows = headerRow + 1;
    const firstData = headerRow + 1;
    // The total row sits right under the table, outside it: bold, no filter button.
    const valueRows = table.rows.length;
    if (hasTotal) bold.push({ row: headerRow + 1 + dataRows.length, col: 0, rowCount: 1, colCount: width });

    table.columns.forEach((col, c) => {
      const fmt = NUMBER_FORMATS[col.type];
      if (fmt && valueRows) formats.push({ row: firstData, col: c, rowCount: valueRows, colCount: 1, format: fmt });
      if (col.fill && dataRows.length) fills.push({ row: firstData, col: c, rowCount: dataRows.length, colCount: 1, color: FILL_COLORS[col.fill] });
      if (col.bands?.length && dataRows.length) {
        const ref = `${columnLetter(c)}${firstData + 1}`;
        const sorted = [...col.bands].sort((a, b) => b.atLeast - a.atLeast);
        sorted.forEach((band, i) => {
          const upper = i > 0 ? sorted[i - 1]?.atLeast : undefined;
          const formula = `=AND(ISNUMBER(${ref}),${ref}>=${band.atLeast}${upper === undefined ? '' : `,${ref}<${upper}`})`;
          bands.push({ row: firstData, col: c, rowCount: dataRows.length, colCount: 1, formula, color: FILL_COLORS[band.fill] });
        });
      }
      let longest = displayLength(col.header);
      let longestAll = 0;
      for (let i = 0; i < table.rows.length; i++) {
        const len = displayLength(table.rows[i]?.[c]);
        if (i < FIT_SAMPLE_ROWS && len > longest) longest = len;
        if (len > longestAll) longestAll = len;
      }
      const chars = col.width ?? Math.min(MAX_FITTED_WIDTH, Math.max(MIN_WIDTH, longest + 2));
      widthChars.set(c, Math.max(widthChars.get(c) ?? 0, chars));
      // Long texts wrap inside the column instead of spilling over the next ones.
      if (col.type === 'text' && longestAll > chars && table.rows.length) {
        wrap.push({ row: firstData, col: c, rowCount: table.rows.length, colCount: 1 });
      }
    });
    r = headerRow + 1 + Math.max(bodyRows, table.rows.length) + 1;
  }

  const notes = sheet.notes ?? [];
  if (notes.length && r > 0 && !sheet.tables.length) r++;
  for (const note of notes) {
    blocks.push({ row: r, col: 0, values: [[note === '' ? '' : textValue(note)]] });
    r++;
  }

  const widths = [...widthChars.entries()].sort(([a], [b]) => a - b).map(([col, chars]) => ({ col, points: charsToPoints(chars) }));
  return {
    blocks,
    formats,
    tables,
    bold,
    title,
    wrap,
    fills,
    bands,
    widths,
    freezeRows,
    statusRow,
    titleText: sheet.lines[0] ?? null,
  };
}
