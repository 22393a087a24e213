// What the page gets of the grid: enough to draw the sheet preview and the column mappers, not the
// whole workbook (a 100,000-row sheet copied to the page would freeze it and double the memory).
import type { WorkbookGrid } from '../../core/grid';
import { findConversionSheet } from '../../core/workbook-state';

/** Rows of each sheet the page receives: the preview shows 400, one more tells it there are more. */
export const PREVIEW_ROWS = 401;

export function previewGrid(g: WorkbookGrid): WorkbookGrid {
  // The date-conversion record is read whole on the page (undo offers it).
  const record = findConversionSheet(g.sheets);
  return {
    date1904: g.date1904,
    sheets: g.sheets.map((s) =>
      s === record || s.rows.length <= PREVIEW_ROWS ? s : { ...s, rows: s.rows.slice(0, PREVIEW_ROWS), merges: s.merges.filter((m) => m.r0 < PREVIEW_ROWS) },
    ),
  };
}
