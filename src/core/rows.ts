// What each row inside a table region is: blank, header, band, note, a lone text cell, or an action.
import type { Header } from './header';
import type { SheetView } from './sheet-view';
import { isNotAnAction, isResponseLabel, recommendationNumber, splitLeadingId } from './vocab/bands';

export type RowKind =
  | { readonly kind: 'blank' }
  | { readonly kind: 'header' }
  | { readonly kind: 'continuation' }
  | { readonly kind: 'note' }
  /** A row holding one text across the table (merged, or repeated in every cell). */
  | { readonly kind: 'band'; readonly text: string; readonly recommendation: string | null; readonly response: boolean }
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

const LETTERS = /\p{L}.*\p{L}.*\p{L}/u;

export function classifyRow(view: SheetView, header: Header, headerRows: ReadonlySet<number>, r: number): RowKind {
  if (headerRows.has(r)) return { kind: 'header' };
  // Scoring, reading and extending a region classify the same rows: do it once per header.
  let memo = view.memo.get(header) as (RowKind | undefined)[] | undefined;
  if (!memo) view.memo.set(header, (memo = []));
  const hit = memo[r];
  if (hit) return hit;
  const kind = classify(view, header, r);
  memo[r] = kind;
  return kind;
}

function classify(view: SheetView, header: Header, r: number): RowKind {
  const actionCol = header.primary.action ?? header.first;
  // One pass, no array: how many cells hold text, and whether they all hold the same text.
  let first = '';
  let count = 0;
  let same = true;
  for (let c = header.first; c <= header.last; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    if (count === 0) first = t;
    else if (t !== first) same = false;
    count++;
  }
  if (count === 0) return { kind: 'blank' };
  if (view.continuesMergeFromAbove(r, actionCol)) return { kind: 'continuation' };

  if (same) {
    const text = first;
    const recommendation = recommendationNumber(text);
    const response = isResponseLabel(text);
    if (recommendation || response) return { kind: 'band', text, recommendation, response };
    if (!LETTERS.test(text)) return { kind: 'note' }; // separators such as "--"
    if (count > 1 || spansColumns(view, header, r)) return { kind: 'band', text, recommendation: null, response: false };
    if (isNotAnAction(text)) return { kind: 'note' };
    const { id, rest } = splitLeadingId(text);
    return { kind: 'single', text, id, rest };
  }

  const actionText = view.text(r, actionCol);
  if (!actionText || isNotAnAction(actionText)) return { kind: 'note' };
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

export function headerRowSet(headers: readonly Header[]): Set<number> {
  const s = new Set<number>();
  for (const h of headers) for (const r of h.rows) s.add(r);
  return s;
}
