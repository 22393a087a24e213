// Tablero's record of the status dropdowns it added (so "Remove status dropdowns" takes away exactly
// those): one sheet of ours listing sheet and range, written, found and read the same way by every host.
// The validations themselves carry DV_MARKER; the record says where to look (Excel cannot list a
// sheet's validations).
import { cellText, type SheetGrid } from '../grid';
import { t, type Lang } from '../i18n';
import type { OutputSheet } from '../output';
import { findRecordSheet, recordRows, recordSheet, type RecordKind } from '../record-sheet';

/** A range of a user's status column that got Tablero's dropdown. */
export interface DropdownArea {
  readonly sheet: string;
  readonly range: string;
}

/** The record's table; its first two headers ("Hoja con lista" | "Rango", either language) tell it apart. */
const RECORD: RecordKind = {
  sheetName: 'ddSheetName',
  table: 'TableroDropdowns',
  columns: [
    { header: 'ddColSheet', type: 'text' },
    { header: 'ddColRange', type: 'text' },
  ],
  key: 2,
};

/** The record sheet in a read workbook: ours (marked) with the record's header, whatever its name. */
export function findDropdownSheet<S extends Pick<SheetGrid, 'name' | 'createdByTablero' | 'rows'>>(sheets: readonly S[]): S | undefined {
  return findRecordSheet(sheets, RECORD);
}

/** The record as a sheet to write (`name`: keep the existing sheet's name, in whichever language). */
export function dropdownRecordSheet(areas: readonly DropdownArea[], lang: Lang, name?: string): OutputSheet {
  const lines = [t(lang, 'pane', 'ddSheetTitle'), areas.length ? t(lang, 'pane', 'ddSheetHint') : t(lang, 'pane', 'ddSheetEmpty')];
  return recordSheet(RECORD, lang, name, lines, areas.map((a) => [a.sheet, a.range]));
}

/** The areas a record sheet lists (rows under its header, until the first blank one). */
export function parseDropdownRecord(sheet: Pick<SheetGrid, 'rows'>): DropdownArea[] {
  return recordRows(sheet, RECORD).flatMap((row) => {
    const range = cellText(row[1] ?? null).trim();
    return range ? [{ sheet: cellText(row[0] ?? null), range }] : [];
  });
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
