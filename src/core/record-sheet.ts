// A record Tablero keeps in a sheet of its own (converted dates, added dropdowns, refresh history):
// a title, a hint and one table, written as an OutputSheet and read back from the rows under the
// table's header, in either language. Each record keeps its own columns and meaning.
import { cellText, isBlank, type Cell, type SheetGrid } from './grid';
import { LANGS, t, type Catalogue, type Lang } from './i18n';
import type { ColumnType, OutputSheet, OutputValue } from './output';

type PaneKey = keyof Catalogue['pane'];

/** One record: its sheet's default name, its table and columns (headers from the catalogue). */
export interface RecordKind {
  readonly sheetName: PaneKey;
  readonly table: string;
  readonly columns: readonly { readonly header: PaneKey; readonly type: ColumnType; readonly width?: number }[];
  /** The table is told apart by its first `key` headers side by side, within the first `within` rows (10). */
  readonly key: number;
  readonly within?: number;
}

/** Where the record's header sits ({r, c} of its first cell), in any language, or null. */
export function recordHeaderAt(rows: SheetGrid['rows'], kind: RecordKind): { r: number; c: number } | null {
  const keys = kind.columns.slice(0, kind.key).map((col) => col.header);
  const heads = LANGS.map((l) => keys.map((k) => t(l, 'pane', k)));
  const n = keys.length;
  const within = kind.within ?? 10;
  for (let r = 0; r < rows.length && r < within; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c + n - 1 < row.length; c++) {
      const here = Array.from({ length: n }, (_, i) => cellText(row[c + i]).trim());
      if (heads.some((h) => h.every((x, i) => x === here[i]))) return { r, c };
    }
  }
  return null;
}

/** The record sheet in a read workbook: ours (marked) and holding the record's header, whatever its name. */
export function findRecordSheet<S extends Pick<SheetGrid, 'createdByTablero' | 'rows'>>(sheets: readonly S[], kind: RecordKind): S | undefined {
  return sheets.find((s) => s.createdByTablero && recordHeaderAt(s.rows, kind) !== null);
}

/** The rows under the header until the first one blank in the header's first column, each cut to start there. */
export function recordRows(sheet: Pick<SheetGrid, 'rows'>, kind: RecordKind): (readonly Cell[])[] {
  const at = recordHeaderAt(sheet.rows, kind);
  if (!at) return [];
  const out: (readonly Cell[])[] = [];
  for (let r = at.r + 1; r < sheet.rows.length; r++) {
    const row = (sheet.rows[r] ?? []).slice(at.c);
    if (isBlank(cellText(row[0] ?? null))) break;
    out.push(row);
  }
  return out;
}

/** The record as a sheet to write: `lines` on top, then its table; `name` keeps the existing sheet's name. */
export function recordSheet(
  kind: RecordKind,
  lang: Lang,
  name: string | undefined,
  lines: readonly string[],
  rows: readonly (readonly OutputValue[])[],
): OutputSheet {
  const columns = kind.columns.map((col) => ({ ...col, header: t(lang, 'pane', col.header) }));
  return { name: name ?? t(lang, 'pane', kind.sheetName), lines, tables: [{ name: kind.table, columns, rows }] };
}
