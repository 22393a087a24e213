// What each row inside a table region is: blank, header, band, note, a lone text cell, or an action.
import type { Header } from './header';
import type { SheetView } from './sheet-view';
import { isNotAnAction, isResponseLabel, recommendationBand, responseDetail, splitLeadingId } from './vocab/bands';

export type RowKind =
  | { readonly kind: 'blank' }
  | { readonly kind: 'header' }
  | { readonly kind: 'continuation' }
  | { readonly kind: 'note' }
  /** A row holding one text across the table (merged, or repeated in every cell). */
  | {
      readonly kind: 'band';
      readonly text: string;
      readonly recommendation: string | null;
      readonly response: boolean;
      /** The text after a recommendation or response label on the same line ("Recommendation 1: Strengthen…"), or ''. */
      readonly detail: string;
    }
  /** One text in one cell and nothing else: a band without merge information, or a bare action. */
  | { readonly kind: 'single'; readonly text: string; readonly id: string | null; readonly rest: string }
  | { readonly kind: 'action'; readonly id: string | null; readonly text: string };

export interface Region {
  readonly view: SheetView;
  readonly headers: readonly Header[];
  /** 0-based first and last rows of the region (bands above the first header included). */
  readonly start: number;
  readonly end: number;
}

/** Three letters on one line. Lazy: the first three are found without running to the end (same answers). */
const LETTERS = /\p{L}.*?\p{L}.*?\p{L}/u;

// Kinds without data are shared: thousands of rows are blank or notes.
const BLANK: RowKind = { kind: 'blank' };
const HEADER: RowKind = { kind: 'header' };
const CONTINUATION: RowKind = { kind: 'continuation' };
const NOTE: RowKind = { kind: 'note' };

/** What row r is under a header (header rows themselves are told apart by regionRows). */
export function classifyRow(view: SheetView, header: Header, r: number): RowKind {
  const actionCol = header.primary.action ?? header.first;
  // How many cells hold text, and whether they all hold the same text: as the view has it for the whole row
  // when the row's texts all lie under the header (most rows), else one pass over the header's columns.
  const texts = view.texts(r);
  let first = '';
  let count = 0;
  let same = true;
  const from = view.firstTextCol(r);
  if (from === -1 || (from >= header.first && view.lastTextCol(r) <= header.last)) {
    count = view.textCount(r);
    same = view.allTextsSame(r);
    if (count) first = texts[from] as string;
  } else {
    for (let c = header.first; c <= header.last; c++) {
      const t = texts[c];
      if (!t) continue;
      if (count === 0) first = t;
      else if (t !== first) same = false;
      count++;
    }
  }
  if (count === 0) return BLANK;
  if (view.continuesMergeFromAbove(r, actionCol)) return CONTINUATION;

  if (same) {
    const text = first;
    const band = recommendationBand(text);
    // A recommendation band is never a response label too (they start with different words).
    const response = band === null && isResponseLabel(text);
    if (band) return { kind: 'band', text, recommendation: band.number, response, detail: band.detail };
    if (response) return { kind: 'band', text, recommendation: null, response, detail: responseDetail(text) };
    if (!LETTERS.test(text)) return NOTE; // separators such as "--"
    if (count > 1 || spansColumns(view, header, r)) return { kind: 'band', text, recommendation: null, response: false, detail: '' };
    if (isNotAnAction(text)) return NOTE;
    const { id, rest } = splitLeadingId(text);
    return { kind: 'single', text, id, rest };
  }

  const actionText = view.text(r, actionCol);
  if (!actionText || isNotAnAction(actionText)) return NOTE;
  const idCol = header.primary.id;
  const idText = idCol !== undefined ? view.text(r, idCol) : '';
  if (idText) return { kind: 'action', id: idText.replace(/\.$/, ''), text: actionText };
  const { id, rest } = splitLeadingId(actionText);
  return { kind: 'action', id, text: rest };
}

function spansColumns(view: SheetView, header: Header, r: number): boolean {
  for (let c = header.first; c <= header.last; c++) {
    const m = view.merge(r, c);
    if (m && m.c1 > m.c0) return true;
  }
  return false;
}

/** Every row of a region, start to end, classified once: layouts score and read the same rows. */
export function regionRows(region: Region): readonly RowKind[] {
  const { view, start } = region;
  const hit = view.memo.get(region) as RowKind[] | undefined;
  if (hit) return hit;
  const header = region.headers[0];
  const kinds = new Array<RowKind | undefined>(header ? Math.max(region.end - start + 1, 0) : 0);
  if (header) {
    for (const h of region.headers) for (const r of h.rows) if (r >= start && r - start < kinds.length) kinds[r - start] = HEADER;
    for (let i = 0; i < kinds.length; i++) kinds[i] ??= classifyRow(view, header, start + i);
  }
  view.memo.set(region, kinds);
  return kinds as RowKind[];
}
