// Tablero's record of text dates it converted (so undo can restore them): one sheet of ours,
// written, found and read the same way by every host and by the pane.
import { serialToISO } from '../dates';
import { cellText, isBlank, isDateCell, type SheetGrid } from '../grid';
import { LANGS, t, type Lang } from '../i18n';
import type { OutputSheet } from '../output';

/** A text deadline the user asked to convert into a real date. */
export interface DateConversion {
  readonly sheet: string;
  readonly cell: string;
  readonly originalText: string;
  readonly iso: string;
}

/** Whether a sheet is our record sheet, whichever language named it. */
export function isConversionSheetName(name: string): boolean {
  const lower = name.toLowerCase();
  return LANGS.some((l) => t(l, 'pane', 'convSheetName').toLowerCase() === lower);
}

/** The record sheet in a read workbook: ours (marked) and named as one. */
export function findConversionSheet<S extends Pick<SheetGrid, 'name' | 'createdByTablero'>>(sheets: readonly S[]): S | undefined {
  return sheets.find((s) => s.createdByTablero && isConversionSheetName(s.name));
}

/** The record as a sheet to write (`name`: keep the existing sheet's name, in whichever language). */
export function conversionRecordSheet(records: readonly DateConversion[], lang: Lang, name?: string): OutputSheet {
  return {
    name: name ?? t(lang, 'pane', 'convSheetName'),
    lines: [t(lang, 'pane', 'convSheetTitle'), records.length ? t(lang, 'pane', 'convSheetHint') : t(lang, 'pane', 'convSheetEmpty')],
    tables: [
      {
        name: 'TableroDateConversions',
        columns: [
          { header: t(lang, 'pane', 'convColSheet'), type: 'text' },
          { header: t(lang, 'pane', 'convColCell'), type: 'text' },
          { header: t(lang, 'pane', 'convColText'), type: 'text' },
          { header: t(lang, 'pane', 'convColDate'), type: 'date' },
        ],
        rows: records.map((r) => [r.sheet, r.cell, r.originalText, { date: r.iso }]),
      },
    ],
  };
}

/** Where the record's header ("Hoja" / "Sheet") sits, or null. */
function headerCell(rows: SheetGrid['rows']): { r: number; c: number } | null {
  const heads = LANGS.map((l) => t(l, 'pane', 'convColSheet'));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (heads.includes(cellText(row[c]).trim())) return { r, c };
  }
  return null;
}

/** The conversions a record sheet lists (rows under its header, until the first blank one). */
export function parseConversionRecord(sheet: Pick<SheetGrid, 'rows'>, date1904: boolean): DateConversion[] {
  const at = headerCell(sheet.rows);
  if (!at) return [];
  const out: DateConversion[] = [];
  for (let r = at.r + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const name = cellText(row[at.c] ?? null);
    if (isBlank(name)) break;
    const d = row[at.c + 3] ?? null;
    const iso = isDateCell(d) ? serialToISO(d.serial, date1904) : cellText(d);
    if (!iso) continue;
    out.push({ sheet: name, cell: cellText(row[at.c + 1] ?? null), originalText: cellText(row[at.c + 2] ?? null), iso });
  }
  return out;
}
