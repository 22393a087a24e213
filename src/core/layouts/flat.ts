// One header and one row per action below it (UNDP-style trackers, simple lists). Bands inside are
// section titles, not actions.
import { classifyRow, headerRowSet, type Region } from '../rows';
import type { DraftAction, Layout, LayoutReading } from './types';

export const flat: Layout = {
  id: 'flat',

  score(region: Region): number {
    return region.headers.length > 0 ? 1 : 0;
  },

  read(region: Region): LayoutReading {
    const header = region.headers[0];
    if (!header) return { blocks: [], actions: [], findings: [] };
    const headerRows = headerRowSet(region.headers);
    const actions: DraftAction[] = [];
    for (let r = region.start; r <= region.end; r++) {
      const k = classifyRow(region.view, header, headerRows, r);
      if (k.kind === 'action') actions.push({ row: r, id: k.id, text: k.text, block: null });
      else if (k.kind === 'single') actions.push({ row: r, id: k.id, text: k.rest, block: null });
    }
    return { blocks: [], actions, findings: [] };
  },
};
