// A read-only view of a sheet where merged cells read as their top-left value, whichever way the
// host delivered them (Excel: value only top-left; file libraries: sometimes repeated in every cell).
import { cellText, isBlank, sheetWidth, type Cell, type Merge, type SheetGrid } from './grid';
import { stripTags } from './text';

export class SheetView {
  readonly height: number;
  readonly width: number;
  /** Merges by the rows they cover: a row holds few, so a scan beats a map of every merged cell. */
  private readonly mergesOfRow = new Map<number, Merge[]>();
  /** Texts per row, built once per row on first use (the recogniser reads each cell many times). */
  private readonly rowTexts: (string[] | undefined)[] = [];
  /** Row classifications per header, memoised by the caller (rows.ts). */
  readonly memo = new Map<object, unknown[]>();

  constructor(readonly sheet: SheetGrid) {
    this.height = sheet.rows.length;
    this.width = sheetWidth(sheet);
    for (const m of sheet.merges) {
      // Cap absurd merges (whole columns) so a malformed file cannot blow memory up.
      const r1 = Math.min(m.r1, m.r0 + 500, this.height - 1);
      for (let r = Math.max(m.r0, 0); r <= r1; r++) {
        const list = this.mergesOfRow.get(r);
        if (list) list.push(m);
        else this.mergesOfRow.set(r, [m]);
      }
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  merge(r: number, c: number): Merge | undefined {
    const list = this.mergesOfRow.get(r);
    if (!list) return undefined;
    for (const m of list) if (c >= m.c0 && c <= m.c1) return m;
    return undefined;
  }

  /** True when (r, c) is inside a merge but not its top-left cell's row (a continuation row). */
  continuesMergeFromAbove(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return m !== undefined && m.r0 < r;
  }

  /** The cell, or the merge's top-left value when the cell is blank inside a merged area. */
  raw(r: number, c: number): Cell {
    const v = this.sheet.rows[r]?.[c] ?? null;
    if (!isBlank(v)) return v;
    const m = this.merge(r, c);
    if (!m || (m.r0 === r && m.c0 === c)) return v;
    return this.sheet.rows[m.r0]?.[m.c0] ?? null;
  }

  /** Trimmed text of raw(r, c), with Word's leftover <p> tags removed. */
  text(r: number, c: number): string {
    if (c >= this.width || r < 0 || r >= this.height) return '';
    let texts = this.rowTexts[r];
    if (!texts) {
      texts = new Array<string>(this.width);
      for (let k = 0; k < this.width; k++) {
        const v = this.raw(r, k);
        texts[k] = typeof v === 'string' ? stripTags(v) : v === null ? '' : this.otherText(v);
      }
      this.rowTexts[r] = texts;
    }
    return texts[c] ?? '';
  }

  /** Numbers and dates as text, kept per value: a plan repeats the same few dates thousands of times. */
  private otherText(v: Exclude<Cell, string | null>): string {
    const key = typeof v === 'object' ? (v.kind === 'date' ? v.serial : NaN) : typeof v === 'number' ? v : NaN;
    if (Number.isNaN(key)) return cellText(v).trim();
    const cache = typeof v === 'object' ? this.dateTexts : this.numberTexts;
    let t = cache.get(key);
    if (t === undefined) cache.set(key, (t = cellText(v).trim()));
    return t;
  }

  private readonly numberTexts = new Map<number, string>();
  private readonly dateTexts = new Map<number, string>();

  isBlankRow(r: number, c0 = 0, c1 = this.width - 1): boolean {
    const row = this.sheet.rows[r];
    if (!row) return true;
    for (let c = c0; c <= Math.min(c1, row.length - 1); c++) if (!isBlank(row[c])) return false;
    return true;
  }
}
