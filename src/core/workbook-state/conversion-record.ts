// Tablero's record of text dates it converted (so undo can restore them): one sheet of ours,
// written, found and read the same way by every host and by the pane.
import { serialToISO } from '../dates';
import { cellText, isDateCell, type SheetGrid } from '../grid';
import { LANGS, t, type Lang } from '../i18n';
import type { OutputSheet } from '../output';
import { rewriteName } from '../our-sheet-name';
import { recordRows, recordSheet, type RecordKind } from '../record-sheet';

/** A text deadline the user asked to convert into a real date. */
export interface DateConversion {
  readonly sheet: string;
  readonly cell: string;
  readonly originalText: string;
  readonly iso: string;
}

/** Whether a sheet is our record sheet, whichever language named it (also "Tablero fechas (2)", written beside a user's sheet of that name). */
export function isConversionSheetName(name: string): boolean {
  const lower = (rewriteName(name, 'convSheetName') ?? name).toLowerCase();
  return LANGS.some((l) => t(l, 'pane', 'convSheetName').toLowerCase() === lower);
}

/** The record sheet in a read workbook: ours (marked) and named as one. */
export function findConversionSheet<S extends Pick<SheetGrid, 'name' | 'createdByTablero'>>(sheets: readonly S[]): S | undefined {
  return sheets.find((s) => s.createdByTablero && isConversionSheetName(s.name));
}

/** The record's table; its first header ("Hoja" / "Sheet") tells it apart, anywhere in the sheet. */
const RECORD: RecordKind = {
  sheetName: 'convSheetName',
  table: 'TableroDateConversions',
  columns: [
    { header: 'convColSheet', type: 'text' },
    { header: 'convColCell', type: 'text' },
    { header: 'convColText', type: 'text' },
    { header: 'convColDate', type: 'date' },
  ],
  key: 1,
  within: Infinity,
};

/** The record as a sheet to write (`name`: keep the existing sheet's name, in whichever language). */
export function conversionRecordSheet(records: readonly DateConversion[], lang: Lang, name?: string): OutputSheet {
  const lines = [t(lang, 'pane', 'convSheetTitle'), records.length ? t(lang, 'pane', 'convSheetHint') : t(lang, 'pane', 'convSheetEmpty')];
  return recordSheet(RECORD, lang, name, lines, records.map((r) => [r.sheet, r.cell, r.originalText, { date: r.iso }]));
}

/** The conversions a record sheet lists (rows under its header, until the first blank one). */
export function parseConversionRecord(sheet: Pick<SheetGrid, 'rows'>, date1904: boolean): DateConversion[] {
  return recordRows(sheet, RECORD).flatMap((row) => {
    const d = row[3] ?? null;
    const iso = isDateCell(d) ? serialToISO(d.serial, date1904) : cellText(d);
    return iso ? [{ sheet: cellText(row[0] ?? null), cell: cellText(row[1] ?? null), originalText: cellText(row[2] ?? null), iso }] : [];
  });
}
