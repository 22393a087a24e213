// The pane's column mapper: which rows could hold headers, what each column is called, a first guess.
// The mapping itself (schema, how it is applied to the grid) is src/core/workbook-state.
import type { SheetGrid } from '../core/grid';
import { cellAt, cellText, columnLetter, isBlank, sheetWidth } from '../core/grid';

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
