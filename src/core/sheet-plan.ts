// Where each part of an OutputSheet goes on a worksheet and how it looks, decided once: the .xlsx
// writer (src/hosts/xlsx/write.ts) and the Office writer (src/hosts/office/layout.ts) both render this
// plan, so a sheet looks the same whichever host wrote it. Rows and columns are 0-based.
//
// The sheet: `lines` from the top (the first is the title, bold), a blank row, then each table (its
// caption in bold, the header row, the data rows) as an Excel table, one blank row between tables,
// then a blank row and the `notes`. A table's totalRow is a bold row right under the table, outside
// it, so sorting and filtering never move it. The first table's header row is frozen. The sheet's
// charts go under everything, one blank row below, one under the other.
import { BAND_LOOK } from './framework/highlight';
import { isOutputDate, type ColumnType, type Fill, type OutputChart, type OutputSheet, type OutputTable, type OutputValue } from './output';

export const TABLE_STYLE = 'TableStyleMedium2';

/** Number formats, as Excel's invariant codes (ISO dates read the same in every locale). */
export const NUMBER_FORMATS: Readonly<Record<ColumnType, string | null>> = {
  text: null,
  boolean: null,
  date: 'yyyy-mm-dd',
  percent: '0.0%',
  integer: '#,##0',
  number: '#,##0.00',
};

/** Fill colours as RRGGBB (Excel's light green, yellow, orange, red and grey). */
export const FILL_COLORS: Readonly<Record<Fill, string>> = {
  green: 'C6EFCE',
  yellow: 'FFEB9C',
  orange: 'F8CBAD',
  red: 'FFC7CE',
  grey: 'D9D9D9',
  // The framework's bands look the same in our sheets as in the user's sheet and the Results tab.
  band_on_track: BAND_LOOK.on_track.fill,
  band_at_risk: BAND_LOOK.at_risk.fill,
  band_under: BAND_LOOK.under.fill,
  band_over: BAND_LOOK.over.fill,
  band_no_data: BAND_LOOK.no_data.fill,
};

/** Fitted widths stay within these bounds (characters of the default font); a given width up to MAX_GIVEN_WIDTH. */
export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;
export const MAX_GIVEN_WIDTH = 255;
/** Room for the filter button beside a header. */
const FILTER_BUTTON_CHARS = 3;
/** Widths sample at most this many rows per table (big generated tables need no exact fit). */
const WIDTH_SAMPLE_ROWS = 5000;

export interface PlannedBand {
  readonly atLeast: number;
  /** Below this (the next band up), or null for the top band. */
  readonly below: number | null;
  readonly color: string;
}

export interface PlannedColumn {
  /** The header as the table names the column: no line breaks, unique in the table, ≤ 255 characters. */
  readonly header: string;
  readonly type: ColumnType;
  readonly numberFormat: string | null;
  /** Fill of every cell of the data and total rows (RRGGBB), or null. */
  readonly fill: string | null;
  /** Fills by value, highest first; the first band whose atLeast ≤ value wins. */
  readonly bands: readonly PlannedBand[];
  /** Long texts wrap inside the column instead of spilling over the next ones. */
  readonly wrap: boolean;
  /**
   * A drop-down list on the data rows (OutputColumn.choices) as Excel's inline source "a,b,c", or null
   * when there is none or Excel cannot hold it inline (a comma in a word, over 255 characters).
   */
  readonly list: string | null;
}

export interface PlannedTable {
  readonly table: OutputTable;
  readonly columns: readonly PlannedColumn[];
  readonly captionRow: number | null;
  readonly headerRow: number;
  /** Data rows (the table's rows without its total row). */
  readonly dataCount: number;
  /** The table's last row: its last data row, or the blank row Excel gives an empty table. */
  readonly lastRow: number;
  /** The bold total row right under the table, or null. */
  readonly totalRow: number | null;
}

export interface PlannedLine {
  readonly row: number;
  readonly text: string;
  readonly bold: boolean;
}

/** Chart size in points: the height is fixed, the width grows with the categories within bounds. */
export const CHART_HEIGHT = 320;
const MIN_CHART_WIDTH = 480;
const MAX_CHART_WIDTH = 960;
const POINTS_PER_CATEGORY = 26;
/** Rows of the default height (15 pt) a chart covers, with a blank row under it before the next. */
const CHART_ROWS = Math.ceil(CHART_HEIGHT / 15) + 1;

export interface PlannedChart {
  readonly chart: OutputChart;
  /** Header row of the charted table (its data rows follow) and its first column. */
  readonly headerRow: number;
  readonly firstCol: number;
  /** The threshold line's values: a column one blank column right of the table, with its width in characters. */
  readonly threshold: { readonly col: number; readonly width: number } | null;
  /** Top-left cell of the chart (column 0): under everything the sheet holds. */
  readonly anchorRow: number;
  /** Size in points. */
  readonly width: number;
  readonly height: number;
}

export interface SheetPlan {
  /** Title, other lines, captions and notes (blank lines are left out). */
  readonly lines: readonly PlannedLine[];
  readonly tables: readonly PlannedTable[];
  /** Width in characters of each column from A, for sheets with tables. */
  readonly widths: readonly number[];
  /** Rows frozen at the top: through the first table's header row (0 when there is no table). */
  readonly freezeRows: number;
  /** Row of the title (bold in every host), or null. */
  readonly titleRow: number | null;
  /** Row of the status line (the last of `lines`), or null when there are no lines. */
  readonly statusRow: number | null;
  readonly rowCount: number;
  readonly colCount: number;
  /** Charts whose table and columns the sheet holds (OutputSheet.charts); others are left out. */
  readonly charts: readonly PlannedChart[];
}

/** A total row needs data above it: alone it would fall inside the table's blank row. */
export function hasTotalRow(table: OutputTable): boolean {
  return !!table.totalRow && table.rows.length > 1;
}

/** Table column names: Excel refuses line breaks and repeats in them. */
export function tableHeaders(table: OutputTable): string[] {
  const seen = new Set<string>();
  return table.columns.map((c, i) => {
    // eslint-disable-next-line no-control-regex -- line breaks and tabs cannot be in a table column name
    const base = c.header.replace(/[\u0000-\u001F]+/g, ' ').trim().slice(0, 255) || `Column${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Excel table names: a letter or underscore first, then letters, digits, "_" or "."; not like a cell. */
export function tableBaseName(requested: string): string {
  let s = requested.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9_.]/g, '_');
  if (!/^[A-Za-z_]/.test(s)) s = `T_${s}`;
  if (/^([A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d+[Cc]\d+)$/.test(s)) s = `${s}_`;
  return s.slice(0, 200);
}

function textLength(s: string): number {
  if (s.indexOf('\n') < 0) return s.length;
  let m = 0;
  for (const line of s.split('\n')) m = Math.max(m, line.length);
  return m;
}

/** Characters a value shows with its column's format. */
export function displayLength(v: OutputValue | undefined, type: ColumnType): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') return textLength(v);
  if (typeof v === 'boolean') return 5;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return 0;
    const grouped = (digits: string): number => digits.length + Math.floor((digits.replace(/^-/, '').split('.')[0]!.length - 1) / 3);
    if (type === 'percent') return (v * 100).toFixed(1).length + 1;
    if (type === 'integer') return grouped(Math.round(v).toString());
    if (type === 'number') return grouped(v.toFixed(2));
    return String(v).length;
  }
  return isOutputDate(v) ? 10 : 0;
}

/** Excel's inline list limits: words joined by commas, none holding one, at most 255 characters. */
export function inlineListSource(words: readonly string[] | undefined): string | null {
  if (!words?.length || words.some((w) => w.includes(','))) return null;
  const source = words.join(',');
  return source.length <= 255 ? source : null;
}

function plannedColumns(table: OutputTable, headers: readonly string[], widths: number[]): PlannedColumn[] {
  const rows = table.rows;
  const step = Math.max(1, Math.ceil(rows.length / WIDTH_SAMPLE_ROWS));
  return table.columns.map((col, c) => {
    let longest = headers[c]!.length + FILTER_BUTTON_CHARS;
    let longestValue = 0;
    const see = (v: OutputValue | undefined): void => {
      const n = displayLength(v, col.type);
      if (n > longestValue) longestValue = n;
    };
    for (let k = 0; k < rows.length; k += step) see(rows[k]?.[c]);
    if (rows.length) see(rows[rows.length - 1]?.[c]);
    longest = Math.max(longest, longestValue);
    const chars = col.width !== undefined && col.width > 0
      ? Math.min(MAX_GIVEN_WIDTH, col.width)
      : Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, longest + 2));
    widths[c] = Math.max(widths[c] ?? 0, chars);
    const sorted = [...(col.bands ?? [])].sort((a, b) => b.atLeast - a.atLeast);
    return {
      header: headers[c]!,
      type: col.type,
      numberFormat: NUMBER_FORMATS[col.type],
      fill: col.fill ? FILL_COLORS[col.fill] : null,
      bands: sorted.map((b, i) => ({ atLeast: b.atLeast, below: i > 0 ? sorted[i - 1]!.atLeast : null, color: FILL_COLORS[b.fill] })),
      wrap: col.type === 'text' && longestValue > chars,
      list: inlineListSource(col.choices),
    };
  });
}

export function planSheet(sheet: OutputSheet): SheetPlan {
  const lines: PlannedLine[] = [];
  const tables: PlannedTable[] = [];
  const widths: number[] = [];
  sheet.lines.forEach((text, row) => {
    if (text !== '') lines.push({ row, text, bold: row === 0 });
  });
  // `next` is the first free row; a blank row separates the blocks.
  let next = sheet.lines.length;
  for (const table of sheet.tables) {
    if (!table.columns.length) continue;
    if (next > 0) next++;
    let captionRow: number | null = null;
    if (table.caption) {
      captionRow = next++;
      lines.push({ row: captionRow, text: table.caption, bold: true });
    }
    const headerRow = next;
    const total = hasTotalRow(table);
    const dataCount = table.rows.length - (total ? 1 : 0);
    const lastRow = headerRow + Math.max(1, dataCount);
    const totalRow = total ? lastRow + 1 : null;
    next = (totalRow ?? lastRow) + 1;
    tables.push({ table, columns: plannedColumns(table, tableHeaders(table), widths), captionRow, headerRow, dataCount, lastRow, totalRow });
  }
  const notes = sheet.notes ?? [];
  if (notes.length && next > 0) next++;
  notes.forEach((text, i) => {
    if (text !== '') lines.push({ row: next + i, text, bold: false });
  });
  next += notes.length;
  lines.sort((a, b) => a.row - b.row);
  const charts: PlannedChart[] = [];
  let anchorRow = next + 1;
  for (const chart of sheet.charts ?? []) {
    const tp = tables.find((x) => x.table.name === chart.table);
    const cols = tp?.columns.length ?? 0;
    const fits = (c: number): boolean => Number.isInteger(c) && c >= 0 && c < cols;
    if (!tp || chart.rows < 1 || chart.rows > tp.dataCount || !fits(chart.categoryColumn) || !chart.series.length || !chart.series.every((x) => fits(x.column))) continue;
    const threshold = chart.threshold ? { col: cols + 1, width: Math.max(MIN_COLUMN_WIDTH, chart.threshold.label.length + 2) } : null;
    const width = Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, 160 + POINTS_PER_CATEGORY * chart.rows));
    charts.push({ chart, headerRow: tp.headerRow, firstCol: 0, threshold, anchorRow, width, height: CHART_HEIGHT });
    anchorRow += CHART_ROWS;
  }
  return {
    lines,
    tables,
    widths,
    freezeRows: tables.length ? tables[0]!.headerRow + 1 : 0,
    titleRow: sheet.lines.length && sheet.lines[0] !== '' ? 0 : null,
    statusRow: sheet.lines.length ? sheet.lines.length - 1 : null,
    rowCount: Math.max(next, 1),
    colCount: Math.max(1, ...tables.map((t) => t.columns.length)),
    charts,
  };
}
