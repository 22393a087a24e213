// What the column mapper starts from: the columns Tablero recognised (or the user saved), so that fixing
// one column does not mean picking every other one again.
import type { CheckResult } from '../core/model';
import { MAPPED_ROLES, type ColumnMapping, type MappedRole } from '../core/workbook-state';

/** The first recognised table of `sheet` (else of the workbook) as a mapping, or undefined when none is usable. */
export function recognisedMapping(result: CheckResult | null, sheet?: string): { sheet: string; mapping: ColumnMapping } | undefined {
  const table = result?.tables.find((t) => sheet === undefined || t.sheet === sheet);
  const headerRow = table?.headerRows[0];
  const action = table?.columns.action;
  if (!table || headerRow === undefined || !action) return undefined;
  const columns: ColumnMapping['columns'] = { action };
  for (const role of MAPPED_ROLES) {
    const col = (table.columns as Partial<Record<MappedRole, string>>)[role];
    if (role !== 'action' && col) columns[role] = col;
  }
  // The header's top row: the action cell of a two-row header sits there (the mapping rewrites that row only).
  return { sheet: table.sheet, mapping: { headerRow, columns } };
}
