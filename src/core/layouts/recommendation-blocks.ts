// Plans answering an evaluation: "Recomendación N° X" band → recommendation text → "Respuesta de la
// gestión" → response text → header (often repeated per block) → key actions. A block whose
// "Recomendación" band is missing still counts, with a finding.
import { finding, type Finding } from '../findings';
import { a1 } from '../grid';
import type { Block } from '../model';
import { regionRows, type Region, type RowKind } from '../rows';
import type { DraftAction, Layout, LayoutReading } from './types';

type State = 'start' | 'recommendation' | 'response' | 'actions';

interface MutableBlock {
  recommendation: string | null;
  recommendationText: string | null;
  response: string | null;
  headerFound: boolean;
  row: number;
}

function append(a: string | null, b: string): string {
  return a ? `${a}\n${b}` : b;
}

function nextNumber(prev: string | null | undefined): string | null {
  if (!prev || !/^\d+$/.test(prev)) return null;
  return String(Number(prev) + 1);
}

export const recommendationBlocks: Layout = {
  id: 'recommendation-blocks',

  score(region: Region): number {
    const kinds = regionRows(region);
    let bands = 0;
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i] as RowKind;
      if (k.kind === 'band' && (k.recommendation || k.response)) bands++;
    }
    return bands > 0 ? 2 + bands : 0;
  },

  read(region: Region): LayoutReading {
    const { view } = region;
    const header = region.headers[0];
    if (!header) return { blocks: [], actions: [], findings: [] };
    const kinds = regionRows(region);
    const blocks: MutableBlock[] = [];
    const actions: DraftAction[] = [];
    const findings: Finding[] = [];
    let state: State = 'start';
    const bandCol = header.first;

    const openBlock = (row: number, recommendation: string | null, headerFound: boolean): MutableBlock => {
      const b: MutableBlock = { recommendation, recommendationText: null, response: null, headerFound, row: row + 1 };
      blocks.push(b);
      return b;
    };
    // Text bands before the first block: the sheet's title ("Management Response Plan — …") unless a response
    // label follows them, which makes them the first recommendation's text, its band missing.
    let pending: { row: number; text: string }[] = [];
    const bandText = (row: number, text: string): void => {
      let cur = blocks[blocks.length - 1];
      if (!cur && state === 'start' && text) {
        pending.push({ row, text });
        return;
      }
      if (state === 'actions' || state === 'start' || !cur) {
        // Recommendation text right after actions: its "Recomendación N° X" band is missing.
        cur = openBlock(row, nextNumber(cur?.recommendation), false);
        findings.push(
          finding('missing_recommendation_header', 'warning', { sheet: view.name, cell: a1(row, bandCol) }, {
            recommendation: cur.recommendation ?? '',
          }),
        );
        state = 'recommendation';
      }
      if (state === 'recommendation') cur.recommendationText = append(cur.recommendationText, text);
      else cur.response = append(cur.response, text);
    };
    /** The pending bands were the first recommendation's text: its block opens there, its band missing. */
    const flushPending = (): void => {
      const first = pending[0];
      if (!first) return;
      const b = openBlock(first.row, null, false);
      findings.push(finding('missing_recommendation_header', 'warning', { sheet: view.name, cell: a1(first.row, bandCol) }, { recommendation: '' }));
      b.recommendationText = pending.map((p) => p.text).join('\n');
      pending = [];
      state = 'recommendation';
    };

    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i] as RowKind;
      const r = region.start + i;
      switch (k.kind) {
        case 'band':
          if (k.recommendation) {
            pending = []; // title rows
            const b = openBlock(r, k.recommendation, true);
            if (k.detail) b.recommendationText = k.detail;
            state = 'recommendation';
          } else if (k.response) {
            if (pending.length) flushPending();
            else if (!blocks.length || state === 'actions') bandText(r, '');
            state = 'response';
            const cur = blocks[blocks.length - 1];
            if (cur && k.detail) cur.response = append(cur.response, k.detail);
          } else bandText(r, k.text);
          break;
        case 'single':
          if (k.id) {
            if (!blocks.length) openBlock(r, null, false);
            actions.push({ row: r, id: k.id, text: k.rest, block: blocks.length - 1 });
            state = 'actions';
          } else bandText(r, k.text);
          break;
        case 'action':
          if (!blocks.length) openBlock(r, null, false);
          actions.push({ row: r, id: k.id, text: k.text, block: blocks.length - 1 });
          state = 'actions';
          break;
        case 'header':
          // Actions follow: a text band after this opens the next block.
          state = 'actions';
          break;
        default:
          break;
      }
    }
    const frozen: Block[] = blocks.map((b) => ({ ...b, recommendationText: b.recommendationText || null, response: b.response || null }));
    return { blocks: frozen, actions, findings };
  },
};
