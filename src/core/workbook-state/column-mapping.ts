// A plan column mapping applied to the workbook: an in-memory copy of the grid whose mapped header
// row carries words the engine knows. The user's cells never change. The pane, the ribbon command and
// the CLI all check the mapped grid, so a mapping saved in the pane is honoured everywhere.
import type { Cell, WorkbookGrid } from '../grid';
import { columnIndex, sheetWidth } from '../grid';
import { HEADER_SYNONYMS } from '../vocab/headers';
import type { ColumnMapping } from './settings';

export type MappedRole = keyof ColumnMapping['columns'];
/** The roles in the order the pane's mapper shows them. */
export const MAPPED_ROLES: readonly MappedRole[] = ['action', 'deadline', 'responsible', 'status', 'comments', 'id', 'recommendation'];

/** The grid as the engine should see it: mapped header rows carry canonical header words. */
export function applyMappings(wb: WorkbookGrid, mappings: Readonly<Record<string, ColumnMapping>>): WorkbookGrid {
  if (!Object.keys(mappings).length) return wb;
  return {
    ...wb,
    sheets: wb.sheets.map((sheet) => {
      const m = mappings[sheet.name];
      if (!m || sheet.createdByTablero) return sheet;
      const r = m.headerRow - 1;
      const width = Math.max(sheetWidth(sheet), ...Object.values(m.columns).map((c) => columnIndex(c) + 1));
      // Unmapped header cells are blanked so only the user's choice names a role.
      const header: Cell[] = Array.from({ length: width }, () => null);
      for (const role of MAPPED_ROLES) {
        const col = m.columns[role];
        if (col) header[columnIndex(col)] = HEADER_SYNONYMS[role][0] ?? role;
      }
      const rows = sheet.rows.map((row, i) => (i === r ? header : row));
      while (rows.length <= r) rows.push([]);
      rows[r] = header;
      return { ...sheet, rows };
    }),
  };
}

/** A mapping is usable with an action column plus a deadline or a status column. */
export function mappingUsable(columns: Partial<Record<MappedRole, string>>): boolean {
  return !!columns.action && (!!columns.deadline || !!columns.status);
}
