// Where tables sit on a sheet: headers with the same columns form one table (a header repeated
// per block); the bands above the first header belong to it; a long blank gap ends it.
import { findHeaders, sameColumns, type Header } from './header';
import { classifyRow, type Region } from './rows';
import type { SheetView } from './sheet-view';

/** Blank rows after the last header that end a table (what follows is something else). */
const GAP_ENDING_A_TABLE = 4;
/** How far above a header its recommendation bands may start. */
const BANDS_ABOVE = 15;

function extendUp(view: SheetView, h: Header, floor: number): number {
  const top = h.rows[0] ?? 0;
  let start = top;
  let sawBlockBand = false;
  for (let r = top - 1; r >= floor && top - r <= BANDS_ABOVE; r--) {
    const k = classifyRow(view, h, r);
    if (k.kind === 'blank') continue;
    if (k.kind === 'band' || (k.kind === 'single' && !k.id)) {
      start = r;
      if (k.kind === 'band' && (k.recommendation || k.response)) sawBlockBand = true;
      if (k.kind === 'band' && k.recommendation) break;
      continue;
    }
    break;
  }
  return sawBlockBand ? start : top;
}

function trimEnd(view: SheetView, h: Header, from: number, bound: number): number {
  let last = from;
  let blanks = 0;
  for (let r = from + 1; r <= bound; r++) {
    if (view.isBlankRow(r, h.first, h.last)) {
      if (++blanks >= GAP_ENDING_A_TABLE) break;
      continue;
    }
    blanks = 0;
    last = r;
  }
  return last;
}

export function findRegions(view: SheetView): Region[] {
  const headers = findHeaders(view);
  const groups: Header[][] = [];
  for (const h of headers) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && prev && sameColumns(prev, h)) g.push(h);
    else groups.push([h]);
  }
  const regions: Region[] = [];
  let floor = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? [];
    const first = g[0];
    const lastHeader = g[g.length - 1];
    if (!first || !lastHeader) continue;
    const start = extendUp(view, first, floor);
    const nextFirst = groups[i + 1]?.[0];
    const bound = nextFirst ? extendUp(view, nextFirst, (lastHeader.rows[lastHeader.rows.length - 1] ?? 0) + 1) - 1 : view.height - 1;
    const end = trimEnd(view, lastHeader, lastHeader.rows[lastHeader.rows.length - 1] ?? start, bound);
    regions.push({ view, headers: g, start, end });
    floor = end + 1;
  }
  return regions;
}
