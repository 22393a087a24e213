// A read-only view of a sheet where merged cells read as their top-left value, whichever way the
// host delivered them (Excel: value only top-left; file libraries: sometimes repeated in every cell).
import { cellText, isBlank, sheetWidth, type Cell, type Merge, type SheetGrid } from './grid';
import { stripTags } from './text';

/** What texts() gives for a row outside the sheet: every index reads as undefined, i.e. ''. */
const NO_TEXTS: readonly string[] = [];
const NO_CELLS: readonly Cell[] = [];

function firstRow(m: Merge): number {
  return Math.max(m.r0, 0);
}

export class SheetView {
  readonly height: number;
  readonly width: number;
  /**
   * Merges by the rows they cover: row r's are mergeList[mergeStart[r]] up to mergeStart[r + 1]. A row holds
   * few, so a scan beats a map of every merged cell; one flat list beats an array per row.
   */
  private readonly mergeStart: Int32Array;
  private readonly mergeList: Merge[];
  /** Texts per row, built once per row on first use (the recogniser reads each cell many times). */
  private readonly rowTexts: (string[] | undefined)[];
  /** Per row, worked out with its texts: whether every cell is blank (1 yes, 2 no, 0 not known yet). */
  private readonly blankRows: Uint8Array;
  /** Per row, worked out with its texts: the length of its longest text. */
  private readonly longest: Uint32Array;
  /** Per row, worked out with its texts: how many cells hold one, and whether they all hold the same. */
  private readonly textCounts: Uint32Array;
  private readonly sameTexts: Uint8Array;
  /** Per row, worked out with its texts: the columns of the first and last (-1: none). */
  private readonly firstTexts: Int32Array;
  private readonly lastTexts: Int32Array;
  /** Row classifications per region, memoised by the caller (rows.ts). */
  readonly memo = new Map<object, unknown[]>();

  constructor(readonly sheet: SheetGrid) {
    this.height = sheet.rows.length;
    this.width = sheetWidth(sheet);
    // Sized up front: blank rows are never built, and long gaps would turn a growing array into a dictionary.
    this.rowTexts = new Array<string[] | undefined>(this.height);
    this.blankRows = new Uint8Array(this.height);
    this.longest = new Uint32Array(this.height);
    this.textCounts = new Uint32Array(this.height);
    this.sameTexts = new Uint8Array(this.height);
    this.firstTexts = new Int32Array(this.height);
    this.lastTexts = new Int32Array(this.height);
    // A counting sort by row: count each row's merges, turn the counts into offsets, then place them.
    const start = new Int32Array(this.height + 1);
    const merges = sheet.merges;
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i] as Merge;
      for (let r = firstRow(m), last = this.lastRow(m); r <= last; r++) start[r + 1] = (start[r + 1] as number) + 1;
    }
    for (let r = 0; r < this.height; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    const list = new Array<Merge>(start[this.height] as number);
    const free = start.slice(0, this.height); // next free slot of each row
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i] as Merge;
      for (let r = firstRow(m), last = this.lastRow(m); r <= last; r++) {
        list[free[r] as number] = m;
        free[r] = (free[r] as number) + 1;
      }
    }
    this.mergeStart = start;
    this.mergeList = list;
  }

  /** The last row a merge is indexed under: capped, so absurd merges (whole columns) cannot blow memory up. */
  private lastRow(m: Merge): number {
    return Math.min(m.r1, m.r0 + 500, this.height - 1);
  }

  get name(): string {
    return this.sheet.name;
  }

  merge(r: number, c: number): Merge | undefined {
    if (!(r >= 0 && r < this.height)) return undefined;
    const end = this.mergeStart[r + 1] as number;
    for (let i = this.mergeStart[r] as number; i < end; i++) {
      const m = this.mergeList[i] as Merge;
      if (c >= m.c0 && c <= m.c1) return m;
    }
    return undefined;
  }

  /** Whether any merge covers row r. */
  private hasMerges(r: number): boolean {
    return (this.mergeStart[r] as number) < (this.mergeStart[r + 1] as number);
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
    return this.texts(r)[c] ?? '';
  }

  /** Every text(r, c) of row r, indexed by column (undefined past the sheet's width), built once per row. */
  texts(r: number): readonly string[] {
    if (r < 0 || r >= this.height) return NO_TEXTS;
    return this.rowTexts[r] ?? (this.rowTexts[r] = this.buildTexts(r));
  }

  /**
   * The length of row r's longest text (0 for a blank row): recognisers rule out rows by it without reading
   * their cells again (a row holding a long text is no header of periods, for one).
   */
  longestText(r: number): number {
    if (r < 0 || r >= this.height) return 0;
    this.texts(r);
    return this.longest[r] as number;
  }

  /**
   * Row r's texts at a glance (kept when its texts were built, while its cells were at hand): how many there are,
   * the columns of the first and last (-1 when none), and whether they are all the same text.
   */
  textCount(r: number): number {
    if (r < 0 || r >= this.height) return 0;
    this.texts(r);
    return this.textCounts[r] as number;
  }

  firstTextCol(r: number): number {
    if (r < 0 || r >= this.height) return -1;
    this.texts(r);
    return this.firstTexts[r] as number;
  }

  lastTextCol(r: number): number {
    if (r < 0 || r >= this.height) return -1;
    this.texts(r);
    return this.lastTexts[r] as number;
  }

  allTextsSame(r: number): boolean {
    if (r < 0 || r >= this.height) return true;
    this.texts(r);
    return this.sameTexts[r] === 1;
  }

  /** raw() then text for each cell of the row, without re-reading the row or merges per cell. */
  private buildTexts(r: number): string[] {
    const row = this.sheet.rows[r] ?? NO_CELLS;
    const merged = this.hasMerges(r);
    const texts = new Array<string>(this.width);
    // The blank cells of a merged band share its top-left text: read it once per merge.
    let lastMerge: Merge | undefined;
    let lastMergeText = '';
    // Worked out here, while the row's cells are at hand: isBlankRow() and longestText() answer from them.
    let blank = true;
    let longest = 0;
    let count = 0;
    let first = -1;
    let last = -1;
    let same = true;
    for (let c = 0; c < this.width; c++) {
      const v = row[c];
      let t = '';
      if (typeof v === 'string') {
        t = stripTags(v);
        if (blank && (t !== '' || !isBlank(v))) blank = false;
      } else if (v !== null && v !== undefined) {
        t = this.otherText(v);
        blank = false;
      }
      // A blank cell reads through a merge (raw()); a cell of bare tags is not blank and stays ''.
      if (t === '' && merged && isBlank(v)) {
        const m = this.merge(r, c);
        if (m && !(m.r0 === r && m.c0 === c)) {
          if (m !== lastMerge) {
            lastMerge = m;
            lastMergeText = this.valueText(this.sheet.rows[m.r0]?.[m.c0] ?? null);
          }
          t = lastMergeText;
        }
      }
      if (t !== '') {
        if (t.length > longest) longest = t.length;
        if (first === -1) first = c;
        else if (t !== texts[first]) same = false;
        last = c;
        count++;
      }
      texts[c] = t;
    }
    this.blankRows[r] = blank ? 1 : 2;
    this.longest[r] = longest;
    this.textCounts[r] = count;
    this.firstTexts[r] = first;
    this.lastTexts[r] = last;
    this.sameTexts[r] = same ? 1 : 0;
    return texts;
  }

  /** A value's text, as text() gives it. */
  private valueText(v: Cell): string {
    return typeof v === 'string' ? stripTags(v) : v === null ? '' : this.otherText(v);
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
    // The whole row: known once its texts are built.
    const known = c0 <= 0 && c1 >= this.width - 1 ? (this.blankRows[r] as number) : 0;
    if (known !== 0) return known === 1;
    for (let c = c0; c <= Math.min(c1, row.length - 1); c++) if (!isBlank(row[c])) return false;
    return true;
  }
}
