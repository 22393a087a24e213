// The sheet plan (src/core/sheet-plan.ts, shared with the .xlsx writer) as Office range writes: value
// blocks, number-format runs, tables, fills, conditional formats for value bands, widths in points.
// Rows and columns are 0-based here; Excel addresses are built by the host.
import { isoToSerial } from '../../core/dates';
import { columnLetter } from '../../core/grid';
import { isOutputDate, type OutputSheet, type OutputValue } from '../../core/output';
import { TABLE_STYLE, planSheet, tableBaseName, type PlannedChart } from '../../core/sheet-plan';

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
  /** The plan's charts (drawn after the values, in a sync of their own). */
  readonly charts: readonly PlannedChart[];
}

export { TABLE_STYLE };

/** A plan colour (RRGGBB) as Office.js takes it. */
export function officeColor(rgb: string): string {
  return `#${rgb}`;
}

/** Excel's limit on the characters of one cell. */
const MAX_CELL_CHARS = 32_767;

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

export function layoutSheet(sheet: OutputSheet, date1904: boolean): SheetLayout {
  const plan = planSheet(sheet);
  const blocks: ValueBlock[] = [];
  const formats: FormatRun[] = [];
  const tables: TablePlan[] = [];
  const bold: Box[] = [];
  const wrap: Box[] = [];
  const fills: FillPlan[] = [];
  const bands: BandRule[] = [];

  for (const line of plan.lines) {
    blocks.push({ row: line.row, col: 0, values: [[textValue(line.text)]] });
    if (line.bold && line.row !== plan.titleRow) bold.push({ row: line.row, col: 0, rowCount: 1, colCount: 1 });
  }
  for (const tp of plan.tables) {
    const { table } = tp;
    const width = tp.columns.length;
    const values: WriteValue[][] = [tp.columns.map((c) => textValue(c.header))];
    for (const row of table.rows) values.push(table.columns.map((_, c) => writeValue(row[c], date1904)));
    blocks.push({ row: tp.headerRow, col: 0, values });
    tables.push({ name: tableBaseName(table.name), box: { row: tp.headerRow, col: 0, rowCount: tp.lastRow - tp.headerRow + 1, colCount: width } });
    if (tp.totalRow !== null) bold.push({ row: tp.totalRow, col: 0, rowCount: 1, colCount: width });
    const firstData = tp.headerRow + 1;
    // Formats, fills and bands cover the data rows and the total row.
    const valueRows = table.rows.length;
    tp.columns.forEach((col, c) => {
      if (!valueRows) return;
      const box = { row: firstData, col: c, rowCount: valueRows, colCount: 1 };
      if (col.numberFormat) formats.push({ ...box, format: col.numberFormat });
      if (col.fill) fills.push({ ...box, color: officeColor(col.fill) });
      const ref = `${columnLetter(c)}${firstData + 1}`;
      for (const band of col.bands) {
        // A lowest band open below (-Infinity) has no lower bound in the formula.
        const from = Number.isFinite(band.atLeast) ? `,${ref}>=${band.atLeast}` : '';
        const formula = `=AND(ISNUMBER(${ref})${from}${band.below === null ? '' : `,${ref}<${band.below}`})`;
        bands.push({ ...box, formula, color: officeColor(band.color) });
      }
      if (col.wrap) wrap.push(box);
    });
  }
  blocks.sort((a, b) => a.row - b.row);
  return {
    blocks,
    formats,
    tables,
    bold,
    title: plan.titleRow === null ? null : { row: plan.titleRow, col: 0, rowCount: 1, colCount: 1 },
    wrap,
    fills,
    bands,
    widths: plan.widths.map((chars, col) => ({ col, points: charsToPoints(chars) })),
    freezeRows: plan.freezeRows,
    statusRow: plan.statusRow === null ? null : plan.statusRow + 1,
    titleText: sheet.lines[0] ?? null,
    charts: plan.charts,
  };
}
