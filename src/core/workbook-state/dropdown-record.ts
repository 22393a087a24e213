// Tablero's record of the status dropdowns it added (so "Remove status dropdowns" takes away exactly
// those): one sheet of ours listing sheet and range, written, found and read the same way by every host.
// The validations themselves carry DV_MARKER; the record says where to look (Excel cannot list a
// sheet's validations).
import { cellText, isBlank, type SheetGrid } from '../grid';
import { LANGS, t, type Lang } from '../i18n';
import type { OutputSheet } from '../output';

/** A range of a user's status column that got Tablero's dropdown. */
export interface DropdownArea {
  readonly sheet: string;
  readonly range: string;
}

/** The record sheet in a read workbook: ours (marked) with the record's header, whatever its name. */
export function findDropdownSheet<S extends Pick<SheetGrid, 'name' | 'createdByTablero' | 'rows'>>(sheets: readonly S[]): S | undefined {
  return sheets.find((s) => s.createdByTablero && headerCell(s.rows) !== null);
}

/** The record as a sheet to write (`name`: keep the existing sheet's name, in whichever language). */
export function dropdownRecordSheet(areas: readonly DropdownArea[], lang: Lang, name?: string): OutputSheet {
  return {
    name: name ?? t(lang, 'pane', 'ddSheetName'),
    lines: [t(lang, 'pane', 'ddSheetTitle'), areas.length ? t(lang, 'pane', 'ddSheetHint') : t(lang, 'pane', 'ddSheetEmpty')],
    tables: [
      {
        name: 'TableroDropdowns',
        columns: [
          { header: t(lang, 'pane', 'ddColSheet'), type: 'text' },
          { header: t(lang, 'pane', 'ddColRange'), type: 'text' },
        ],
        rows: areas.map((a) => [a.sheet, a.range]),
      },
    ],
  };
}

/** Where the record's header ("Hoja con lista" | "Rango", either language) sits, or null. */
function headerCell(rows: SheetGrid['rows']): { r: number; c: number } | null {
  const heads = LANGS.map((l) => [t(l, 'pane', 'ddColSheet'), t(l, 'pane', 'ddColRange')] as const);
  for (let r = 0; r < rows.length && r < 10; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c + 1 < row.length; c++) {
      const a = cellText(row[c]).trim();
      const b = cellText(row[c + 1]).trim();
      if (heads.some(([h1, h2]) => h1 === a && h2 === b)) return { r, c };
    }
  }
  return null;
}

/** The areas a record sheet lists (rows under its header, until the first blank one). */
export function parseDropdownRecord(sheet: Pick<SheetGrid, 'rows'>): DropdownArea[] {
  const at = headerCell(sheet.rows);
  if (!at) return [];
  const out: DropdownArea[] = [];
  for (let r = at.r + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const name = cellText(row[at.c] ?? null);
    if (isBlank(name)) break;
    const range = cellText(row[at.c + 1] ?? null).trim();
    if (range) out.push({ sheet: name, range });
  }
  return out;
}

/** The record after adding `added`: earlier areas kept, each area once. */
export function mergeDropdownAreas(before: readonly DropdownArea[], added: readonly DropdownArea[]): DropdownArea[] {
  const seen = new Set<string>();
  const out: DropdownArea[] = [];
  for (const a of [...before, ...added]) {
    const k = `${a.sheet}\u0000${a.range.toUpperCase()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}
