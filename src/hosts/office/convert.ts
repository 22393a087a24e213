// Excel's values + number formats (as Office.js returns them) → the engine's cells.
import { dateCell, errorCell, type Cell } from '../../core/grid';
// The same rule the .xlsx host uses, so one workbook gives one grid in Excel, the browser and the CLI.
import { isDateFormatCode } from '../shared/numfmt';

/** Error values Excel returns as strings in Range.values. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!',
]);

/** One cell: numbers under a date format become DateCells; error strings become ErrorCells. */
export function toCell(value: unknown, format: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return typeof format === 'string' && isDateFormatCode(format) ? dateCell(value) : value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return EXCEL_ERRORS.has(value) ? errorCell(value) : value;
  // Rich values (entities, images) arrive as objects: the engine reads them as their text.
  return String(value);
}

/**
 * A block of values read at (rowIndex, columnIndex) of the sheet, as grid rows that start at column A.
 * Trailing empty cells are dropped so ragged rows stay small.
 */
export function toGridRows(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly unknown[])[] | null,
  columnIndex: number,
): Cell[][] {
  const out: Cell[][] = [];
  for (let r = 0; r < values.length; r++) {
    const vs = values[r] ?? [];
    const fs = formats?.[r];
    const row: Cell[] = new Array<Cell>(columnIndex).fill(null);
    for (let c = 0; c < vs.length; c++) row.push(toCell(vs[c], fs?.[c]));
    while (row.length && row[row.length - 1] === null) row.pop();
    out.push(row);
  }
  return out;
}
