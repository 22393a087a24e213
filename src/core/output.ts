// Sheets Tablero writes (Seguimiento, roll-ups, exports), described as data; each host renders them.
import type { Band } from './framework/model';

export type ColumnType = 'text' | 'date' | 'integer' | 'number' | 'percent' | 'boolean';
export type Fill = 'green' | 'yellow' | 'orange' | 'red' | 'grey' | BandFill;
/** A results-framework band's look, as the Results tab and the highlights show it (framework/highlight.ts). */
export type BandFill = `band_${Band}`;

/** A date to write as a real Excel date. */
export interface OutputDate {
  readonly date: string; // YYYY-MM-DD
}

export type OutputValue = string | number | boolean | null | OutputDate;

export interface OutputColumn {
  readonly header: string;
  readonly type: ColumnType;
  /** Width in characters; hosts fit one when absent. */
  readonly width?: number;
  /** A fixed fill for the whole column's data cells (e.g. SIASAR A green). */
  readonly fill?: Fill;
  /** Fills by value, highest threshold first: the first band whose atLeast ≤ value wins. */
  readonly bands?: readonly { readonly atLeast: number; readonly fill: Fill }[];
  /** A drop-down list of these words on the column's data cells (other words are warned about, not refused). */
  readonly choices?: readonly string[];
}

export interface OutputTable {
  /** Excel table name: letters, digits and underscores, unique in the workbook. */
  readonly name: string;
  readonly columns: readonly OutputColumn[];
  readonly rows: readonly (readonly OutputValue[])[];
  /** The last row of `rows` is a total row (bold, no filter). */
  readonly totalRow?: boolean;
  /** A caption line written above the table. */
  readonly caption?: string;
}

export interface OutputSheet {
  readonly name: string;
  /** Lines written at the top (title, as-of date, status line), before the tables. */
  readonly lines: readonly string[];
  readonly tables: readonly OutputTable[];
  /** Lines written below the tables (source, rows used and skipped). */
  readonly notes?: readonly string[];
  /** Charts drawn from the sheet's tables, under everything else (src/core/sheet-plan.ts places them). */
  readonly charts?: readonly OutputChart[];
}

export interface OutputChartSeries {
  /** 0-based column of the table holding the values. */
  readonly column: number;
  readonly name: string;
  /** #RRGGBB. */
  readonly color: string;
}

/** A column chart of one table's data rows; its series point at the table's cells, so it is the table drawn. */
export interface OutputChart {
  /** Coverage: clustered columns and a threshold line; categories (SIASAR A–D) and status: stacked columns. */
  readonly kind: 'coverage' | 'categories' | 'status';
  /** Chart name in the workbook (starts with CHART_NAME_PREFIX, so a rewrite finds ours). */
  readonly name: string;
  /** The OutputTable charted (by its name). */
  readonly table: string;
  readonly title: string;
  /** 0-based column of the category labels. */
  readonly categoryColumn: number;
  /** Data rows charted: the table's rows without the total row. */
  readonly rows: number;
  readonly series: readonly OutputChartSeries[];
  /** A line at this value, written as a column beside the table (coverage only). */
  readonly threshold: { readonly value: number; readonly label: string } | null;
  /** Values are fractions shown as percentages (axis 0–100 %). */
  readonly percent: boolean;
}

export function isOutputDate(v: OutputValue): v is OutputDate {
  return typeof v === 'object' && v !== null && 'date' in v;
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return cleaned || 'Tablero';
}

/** Picks `base`, or `base (2)`, `base (3)`… so a sheet the user owns is never overwritten. */
export function freeSheetName(base: string, taken: readonly string[], ours: readonly string[] = []): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const mine = new Set(ours.map((t) => t.toLowerCase()));
  const name = safeSheetName(base);
  if (!lower.has(name.toLowerCase()) || mine.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = safeSheetName(name.slice(0, 31 - suffix.length) + suffix);
    if (!lower.has(candidate.toLowerCase()) || mine.has(candidate.toLowerCase())) return candidate;
  }
}
