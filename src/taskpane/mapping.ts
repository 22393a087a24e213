// Columns the user points at when no table is recognised. The mapping is applied to an in-memory
// copy of the grid (the header cells get the words the engine knows); the user's cells never change.
import type { Cell, SheetGrid, WorkbookGrid } from '../core/grid';
import { cellAt, cellText, columnIndex, columnLetter, isBlank, sheetWidth } from '../core/grid';
import { HEADER_SYNONYMS } from '../core/vocab/headers';
import type { ColumnMapping } from './settings';

export type MappedRole = keyof ColumnMapping['columns'];
export const MAPPED_ROLES: readonly MappedRole[] = ['action', 'deadline', 'responsible', 'status', 'comments'];

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

export interface RowOption {
  /** 1-based row. */
  readonly row: number;
  readonly preview: string;
}

/** Rows that could hold headers: at least two short, non-blank texts, within the first rows. */
export function headerRowOptions(sheet: SheetGrid, limit = 60): RowOption[] {
  const out: RowOption[] = [];
  for (let r = 0; r < Math.min(sheet.rows.length, limit); r++) {
    const texts = (sheet.rows[r] ?? []).map((c) => cellText(c).replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (texts.length < 2) continue;
    const preview = texts.join(' | ');
    out.push({ row: r + 1, preview: preview.length > 60 ? `${preview.slice(0, 59)}…` : preview });
  }
  return out;
}

export interface ColumnOption {
  readonly col: string;
  readonly header: string;
}

export function columnOptions(sheet: SheetGrid, headerRow: number): ColumnOption[] {
  const out: ColumnOption[] = [];
  const width = sheetWidth(sheet);
  for (let c = 0; c < width; c++) {
    const v = cellAt(sheet, headerRow - 1, c);
    const text = isBlank(v) ? '' : cellText(v).replace(/\s+/g, ' ').trim();
    out.push({ col: columnLetter(c), header: text.length > 40 ? `${text.slice(0, 39)}…` : text });
  }
  return out;
}

/** A first guess of the header row: the candidate row with the most filled cells. */
export function guessHeaderRow(sheet: SheetGrid): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, 60); r++) {
    const n = (sheet.rows[r] ?? []).filter((c) => !isBlank(c) && cellText(c).length <= 60).length;
    if (n > bestCount) {
      best = r + 1;
      bestCount = n;
    }
  }
  return bestCount >= 2 ? best : null;
}

/** A mapping is usable with an action column plus a deadline or a status column. */
export function mappingUsable(columns: Partial<Record<MappedRole, string>>): boolean {
  return !!columns.action && (!!columns.deadline || !!columns.status);
}
