// One header and one row per action below it (UNDP-style trackers, simple lists). Bands inside are
// section titles, not actions.
import { regionRows, type Region, type RowKind } from '../rows';
import type { DraftAction, Layout, LayoutReading } from './types';

export const flat: Layout = {
  id: 'flat',

  score(region: Region): number {
    return region.headers.length > 0 ? 1 : 0;
  },

  read(region: Region): LayoutReading {
    const actions: DraftAction[] = [];
    const kinds = regionRows(region);
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i] as RowKind;
      const r = region.start + i;
      if (k.kind === 'action') actions.push({ row: r, id: k.id, text: k.text, block: null });
      else if (k.kind === 'single') actions.push({ row: r, id: k.id, text: k.rest, block: null });
    }
    return { blocks: [], actions, findings: [] };
  },
};
