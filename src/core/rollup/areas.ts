// The area hierarchy of a record sheet: one accumulator per area, keyed by its path (name within parent).
import { a1, cellText, type Cell } from '../grid';
import { finding, type Finding } from '../findings';
import { fold } from '../text';
import type { AreaRef, LevelInfo } from './types';
import type { LevelColumn } from './recognise';

export interface AreaNode {
  readonly name: string;
  readonly parent: AreaNode | null;
  /** Index into the reported levels (0 = top). */
  readonly depth: number;
  /** Sums for this area; the layout of the slots is the caller's. */
  readonly acc: Float64Array;
  readonly children: AreaNode[];
  readonly index: Map<string, AreaNode>;
}

/**
 * Areas are reported at every level present except the community: communities are the records.
 * A sheet whose deepest area column is above the community (one row per municipality) reports
 * that level too, one area per row or more.
 */
export function reportedLevels(levels: readonly LevelColumn[]): LevelColumn[] {
  return levels.filter((l) => l.level !== 'community');
}

export class AreaTree {
  readonly roots: AreaNode[] = [];
  private readonly rootIndex = new Map<string, AreaNode>();
  private readonly cols: readonly number[];
  private readonly prevRaw: (Cell | undefined)[];
  private readonly path: (AreaNode | null)[];
  private readonly keys = new Map<string, string>();
  /** Blank area cells read as the record above, per level: how many, and the first one's A1. */
  private readonly filled: number[];
  private readonly firstFilled: string[];

  constructor(
    readonly levels: readonly LevelColumn[],
    private readonly width: number,
  ) {
    this.cols = levels.map((l) => l.col);
    this.prevRaw = levels.map(() => undefined);
    this.path = levels.map(() => null);
    this.filled = levels.map(() => 0);
    this.firstFilled = levels.map(() => '');
  }

  /**
   * The record's area at each reported level, top first. The array is reused between calls.
   * A blank area cell belongs to the area of the record above: merged cells (only the top one holds
   * the name) and "visual grouping" (the department typed once per block) both read that way.
   */
  nodesFor(row: readonly Cell[], r: number): readonly (AreaNode | null)[] {
    let changed = false;
    let parent: AreaNode | null = null;
    for (let d = 0; d < this.cols.length; d++) {
      let raw = row[this.cols[d] as number];
      // Only under the same parent: a new department with a blank municipality has no municipality above.
      if (!changed && (raw === null || raw === undefined || (typeof raw === 'string' && !raw.trim())) && this.path[d]) {
        const n = this.filled[d] ?? 0;
        this.filled[d] = n + 1;
        if (n === 0) this.firstFilled[d] = a1(r, this.cols[d] as number);
        raw = this.prevRaw[d];
      }
      // Records come sorted by area more often than not: same cell as the row before, same node.
      if (!changed && raw === this.prevRaw[d] && this.path[d]) {
        parent = this.path[d] as AreaNode;
        continue;
      }
      changed = true;
      this.prevRaw[d] = raw;
      const name = typeof raw === 'string' ? raw.trim() : cellText(raw).trim();
      const index: Map<string, AreaNode> = parent ? parent.index : this.rootIndex;
      const key = this.key(name);
      let node = index.get(key);
      if (!node) {
        node = { name, parent, depth: d, acc: new Float64Array(this.width), children: [], index: new Map() };
        index.set(key, node);
        (parent ? parent.children : this.roots).push(node);
      }
      this.path[d] = node;
      parent = node;
    }
    return this.path;
  }

  private key(name: string): string {
    let k = this.keys.get(name);
    if (k === undefined) {
      // "Intibucá" and "INTIBUCA " are the same department.
      k = fold(name);
      this.keys.set(name, k);
    }
    return k;
  }

  /** One info finding per level whose blank cells were read as the record above. */
  reportFilled(sheet: string, findings: Finding[]): void {
    this.levels.forEach((l, d) => {
      const count = this.filled[d] ?? 0;
      if (count) findings.push(finding('area_filled_down', 'info', { sheet, cell: this.firstFilled[d] ?? null }, { column: l.header, count }));
    });
  }

  /** Every area, each followed by the areas under it, in the order they first appear. */
  flatten(): AreaNode[] {
    const out: AreaNode[] = [];
    const walk = (nodes: readonly AreaNode[]) => {
      for (const n of nodes) {
        out.push(n);
        walk(n.children);
      }
    };
    walk(this.roots);
    return out;
  }

  ref(node: AreaNode): AreaRef {
    const path: string[] = [];
    for (let n: AreaNode | null = node; n; n = n.parent) path.unshift(n.name);
    const level = this.levels[node.depth] as LevelColumn;
    return { level: level.level, levelHeader: level.header, name: node.name, parent: node.parent ? node.parent.name : null, path };
  }
}

export function levelInfo(levels: readonly LevelColumn[], letter: (c: number) => string): LevelInfo[] {
  return levels.map((l) => ({ level: l.level, header: l.header, column: letter(l.col) }));
}

export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}
