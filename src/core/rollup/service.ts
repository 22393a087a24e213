// Service levels: water systems by SIASAR category, bacteriological compliance, chlorination, JMP ladder.
import { a1, cellText, columnLetter, type Cell } from '../grid';
import { finding, type Finding } from '../findings';
import { t, type Lang } from '../i18n';
import { AreaTree, levelInfo, ratio, reportedLevels, type AreaNode } from './areas';
import { scanRecords, type NumericColumn } from './records';
import type { SheetLayout } from './recognise';
import { buildScanSpec, numericColumn, sourceInfo } from './scan-spec';
import type { CategoryCounts, CategoryShares, LadderFigures, ServiceArea, ServiceFigures, ServiceLevelsResult } from './types';
import { bandScore, LADDER_RUNGS, parseCategory, parseLadder, parseYesNo, type Category, type LadderRung, type RollupRole } from './vocab';

// Accumulator slots.
const SYSTEMS = 0;
const CAT = 1; // A..D at 1..4
const UNCLASSIFIED = 5;
const SAMPLES = 6;
const PASSED = 7;
const CHLOR_ANSWERED = 8;
const CHLOR_YES = 9;
const LADDER_ANSWERED = 10;
const LADDER = 11; // rungs at 11..15
const WIDTH = 11 + LADDER_RUNGS.length;

const CATEGORY_INDEX: Readonly<Record<Category, number>> = { A: 0, B: 1, C: 2, D: 3 };
const RUNG_INDEX = new Map<LadderRung, number>(LADDER_RUNGS.map((r, i) => [r, i]));

/** Reads a category cell, banding the score when the category is blank; tells which it used. */
export class Grader {
  scoreBanded = 0;
  constructor(
    private readonly sheet: string,
    private readonly categoryCol: number | undefined,
    private readonly categoryHeader: string,
    private readonly scoreSlot: number,
    private readonly findings: Finding[],
  ) {}

  grade(row: readonly Cell[], r: number, nums: Float64Array): Category | null {
    if (this.categoryCol !== undefined) {
      const v = row[this.categoryCol];
      if (v !== null && v !== undefined) {
        const text = typeof v === 'string' ? v : cellText(v);
        if (text.trim()) {
          const cat = parseCategory(text.trim());
          if (cat) return cat;
          this.findings.push(finding('unknown_category', 'warning', { sheet: this.sheet, cell: a1(r, this.categoryCol) }, { text, column: this.categoryHeader }));
        }
      }
    }
    if (this.scoreSlot >= 0) {
      const s = nums[this.scoreSlot] ?? NaN;
      if (!Number.isNaN(s)) {
        this.scoreBanded++;
        return bandScore(s);
      }
    }
    return null;
  }
}

export function categoryCounts(acc: Float64Array, at: number): { byCategory: CategoryCounts; shares: CategoryShares; classified: number } {
  const a = acc[at] ?? 0;
  const b = acc[at + 1] ?? 0;
  const c = acc[at + 2] ?? 0;
  const d = acc[at + 3] ?? 0;
  const classified = a + b + c + d;
  return {
    byCategory: { A: a, B: b, C: c, D: d },
    shares: { A: ratio(a, classified), B: ratio(b, classified), C: ratio(c, classified), D: ratio(d, classified) },
    classified,
  };
}

export function addPath(total: Float64Array, path: readonly (AreaNode | null)[], i: number, v: number): void {
  total[i] = (total[i] ?? 0) + v;
  for (const n of path) if (n) n.acc[i] = (n.acc[i] ?? 0) + v;
}

export function rollupServiceLevels(layout: SheetLayout, lang: Lang, findings: Finding[]): ServiceLevelsResult {
  const sheet = layout.sheet.name;
  const roles = layout.roles;
  reportMissing(layout, lang, findings);

  const numeric: NumericColumn[] = [];
  const slotOf = (role: RollupRole, kind: 'count' | 'fraction'): number => {
    const c = numericColumn(layout, role, kind);
    if (!c) return -1;
    numeric.push(c);
    return numeric.length - 1;
  };
  const tested = slotOf('samplesTested', 'count');
  const passed = slotOf('samplesPassed', 'count');
  const score = slotOf('score', 'fraction');
  const hasBacterio = tested >= 0 && passed >= 0;
  const chlorCol = roles.get('chlorination');
  const ladderCol = roles.get('ladder');
  const categoryCol = roles.get('category');
  const grader = new Grader(sheet, categoryCol, categoryCol !== undefined ? (layout.headers[categoryCol] ?? '') : '', score, findings);

  const levels = reportedLevels(layout.levels);
  const tree = new AreaTree(levels, WIDTH);
  const total = new Float64Array(WIDTH);

  const stats = scanRecords(buildScanSpec(layout, numeric), lang, findings, (row, r, nums) => {
    const path = tree.nodesFor(row, r);
    addPath(total, path, SYSTEMS, 1);
    const cat = grader.grade(row, r, nums);
    addPath(total, path, cat ? CAT + CATEGORY_INDEX[cat] : UNCLASSIFIED, 1);
    if (hasBacterio) {
      const t0 = nums[tested] ?? NaN;
      const p0 = nums[passed] ?? NaN;
      if (!Number.isNaN(t0) && !Number.isNaN(p0)) {
        if (p0 > t0) {
          const pc = numeric[passed] as NumericColumn;
          findings.push(finding('numerator_exceeds_total', 'warning', { sheet, cell: a1(r, pc.col) }, { column: pc.header, value: p0, total: (numeric[tested] as NumericColumn).header, totalValue: t0 }));
        }
        addPath(total, path, SAMPLES, t0);
        addPath(total, path, PASSED, p0);
      }
    }
    if (chlorCol !== undefined) {
      const v = row[chlorCol];
      if (v !== null && v !== undefined && !(typeof v === 'string' && !v.trim())) {
        const yes = typeof v === 'object' ? null : parseYesNo(v);
        if (yes === null) findings.push(finding('unknown_answer', 'warning', { sheet, cell: a1(r, chlorCol) }, { text: cellText(v), column: layout.headers[chlorCol] ?? '' }));
        else {
          addPath(total, path, CHLOR_ANSWERED, 1);
          if (yes) addPath(total, path, CHLOR_YES, 1);
        }
      }
    }
    if (ladderCol !== undefined) {
      const v = row[ladderCol];
      const text = typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : cellText(v);
      if (text) {
        const rung = parseLadder(text);
        if (rung === null) findings.push(finding('unknown_category', 'warning', { sheet, cell: a1(r, ladderCol) }, { text, column: layout.headers[ladderCol] ?? '' }));
        else {
          addPath(total, path, LADDER_ANSWERED, 1);
          addPath(total, path, LADDER + (RUNG_INDEX.get(rung) ?? 0), 1);
        }
      }
    }
  });

  tree.reportFilled(sheet, findings);

  const figures = (acc: Float64Array): ServiceFigures => {
    const { byCategory, shares } = categoryCounts(acc, CAT);
    const samples = acc[SAMPLES] ?? 0;
    const ok = acc[PASSED] ?? 0;
    const answered = acc[CHLOR_ANSWERED] ?? 0;
    const yes = acc[CHLOR_YES] ?? 0;
    return {
      systems: acc[SYSTEMS] ?? 0,
      byCategory,
      shares,
      unclassified: acc[UNCLASSIFIED] ?? 0,
      bacteriological: hasBacterio ? { samples, passed: ok, rate: ratio(ok, samples) } : null,
      chlorination: chlorCol !== undefined ? { answered, yes, share: ratio(yes, answered) } : null,
      ladder: ladderCol !== undefined ? ladderFigures(acc) : null,
    };
  };

  const areas: ServiceArea[] = tree.flatten().map((n) => ({ ...tree.ref(n), ...figures(n.acc) }));
  return {
    sheet,
    source: sourceInfo(layout, stats),
    levels: levelInfo(levels, columnLetter),
    ...figures(total),
    scoreBanded: grader.scoreBanded,
    areas,
  };
}

function ladderFigures(acc: Float64Array): LadderFigures {
  const answered = acc[LADDER_ANSWERED] ?? 0;
  const counts = {} as Record<LadderRung, number>;
  const shares = {} as Record<LadderRung, number | null>;
  LADDER_RUNGS.forEach((rung, i) => {
    const n = acc[LADDER + i] ?? 0;
    counts[rung] = n;
    shares[rung] = ratio(n, answered);
  });
  return { answered, counts, shares };
}

function reportMissing(layout: SheetLayout, lang: Lang, findings: Finding[]): void {
  const sheet = layout.sheet.name;
  const has = (r: RollupRole) => layout.roles.has(r);
  const missing = (role: RollupRole, indicator: 'categories' | 'bacteriological' | 'chlorination' | 'areas', severity: 'warning' | 'info') =>
    findings.push(finding('missing_column', severity, { sheet }, { column: t(lang, 'rollup', `role_${role}`), sheet, indicator: t(lang, 'rollup', `ind_${indicator}`) }));
  if (!has('category') && !has('score')) missing('category', 'categories', 'info');
  if (has('samplesTested') !== has('samplesPassed')) missing(has('samplesTested') ? 'samplesPassed' : 'samplesTested', 'bacteriological', 'warning');
  else if (!has('samplesTested')) missing('samplesTested', 'bacteriological', 'info');
  if (!has('chlorination')) missing('chlorination', 'chlorination', 'info');
  if (!layout.levels.some((l) => l.level !== 'community')) missing('municipality', 'areas', 'info');
}
