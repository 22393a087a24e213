// Builds engine grids in tests: rows of cells, optional merges and hidden rows.
import { parseRange, type Cell, type Merge, type SheetGrid, type WorkbookGrid } from '../../src/core/grid';

export function sheet(name: string, rows: Cell[][], opts: { merges?: string[]; hidden?: number[]; ours?: boolean } = {}): SheetGrid {
  const merges: Merge[] = (opts.merges ?? []).map((m) => {
    const r = parseRange(m);
    if (!r) throw new Error(`bad merge ${m}`);
    return r;
  });
  return { name, rows, merges, hiddenRows: opts.hidden ?? [], createdByTablero: opts.ours ?? false };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets, date1904: false };
}

/** Places `rows` with their top-left cell at (r0, c0), 0-based. */
export function at(r0: number, c0: number, rows: Cell[][]): Cell[][] {
  const out: Cell[][] = Array.from({ length: r0 }, () => []);
  for (const row of rows) out.push([...Array.from({ length: c0 }, () => null), ...row]);
  return out;
}

/** A merged band in "file library" form: the same value in every cell of the row. */
export function repeated(text: string, width: number): Cell[] {
  return Array.from({ length: width }, () => text);
}

/** A merged band in Excel form: the value top-left only. */
export function topLeft(text: string, width: number): Cell[] {
  return [text, ...Array.from({ length: width - 1 }, () => null)];
}
