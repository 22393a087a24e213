// The engine's view of a workbook: plain values on a grid, whichever host read them.

/** A number whose cell format is a date format; `serial` is in the workbook's date system. */
export interface DateCell {
  readonly kind: 'date';
  readonly serial: number;
}

/** An Excel error value such as #N/A or #REF!. */
export interface ErrorCell {
  readonly kind: 'error';
  readonly code: string;
}

export type Cell = string | number | boolean | null | DateCell | ErrorCell;

/** A merged area, 0-based and inclusive. */
export interface Merge {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export interface SheetGrid {
  readonly name: string;
  /** rows[r][c] is the cell at sheet row r+1, column c+1 (A1 is rows[0][0]); rows may be ragged. */
  readonly rows: readonly (readonly Cell[])[];
  readonly merges: readonly Merge[];
  /** 0-based indexes of hidden rows: hidden rows are still data. */
  readonly hiddenRows?: readonly number[];
  /** True when the sheet carries Tablero's mark (we created it). */
  readonly createdByTablero?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** The workbook uses the 1904 date system (old Mac workbooks). */
  readonly date1904: boolean;
}

export function dateCell(serial: number): DateCell {
  return { kind: 'date', serial };
}

export function errorCell(code: string): ErrorCell {
  return { kind: 'error', code };
}

export function isDateCell(v: Cell | undefined): v is DateCell {
  return typeof v === 'object' && v !== null && v.kind === 'date';
}

export function isErrorCell(v: Cell | undefined): v is ErrorCell {
  return typeof v === 'object' && v !== null && v.kind === 'error';
}

export function cellAt(sheet: SheetGrid, r: number, c: number): Cell {
  return sheet.rows[r]?.[c] ?? null;
}

/** A cell as a person reads it (dates as their serial is not useful; hosts keep text as typed). */
export function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v.kind === 'error') return v.code;
  return String(v.serial);
}

export function isBlank(v: Cell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** 0-based column index to letters: 0 → A, 26 → AA. */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column index: A → 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column to an A1 address. */
export function a1(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

export function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  return `${a1(r0, c0)}:${a1(r1, c1)}`;
}

/** Parses "B12" or "$B$12" into 0-based {r, c}; null when it is not an address. */
export function parseA1(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m || !m[1] || !m[2]) return null;
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
}

/** Parses "A1:G108" (or a single cell) into a 0-based merge-like box. */
export function parseRange(ref: string): Merge | null {
  const [a, b] = ref.split(':');
  const p = a ? parseA1(a) : null;
  const q = b ? parseA1(b) : p;
  if (!p || !q) return null;
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

/** Number of columns the widest row has. */
export function sheetWidth(sheet: SheetGrid): number {
  let w = 0;
  for (const row of sheet.rows) if (row.length > w) w = row.length;
  return w;
}
