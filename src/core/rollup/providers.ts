// Provider performance: providers by SIASAR category, the good-performance share (A), yes/no answers.
import { a1, cellText, columnLetter } from '../grid';
import { finding, type Finding } from '../findings';
import { t, type Lang } from '../i18n';
import { AreaTree, levelInfo, ratio, reportedLevels } from './areas';
import { scanRecords, type NumericColumn } from './records';
import type { SheetLayout } from './recognise';
import { buildScanSpec, numericColumn, sourceInfo } from './scan-spec';
import { addPath, categoryCounts, Grader } from './service';
import type { ProviderArea, ProviderFigures, ProviderPerformanceResult, YesShare } from './types';
import { parseYesNo } from './vocab';

const PROVIDERS = 0;
const CAT = 1; // A..D at 1..4
const UNCLASSIFIED = 5;
const YES_NO = 6; // answered, yes for each yes/no column
const CATEGORY_INDEX = { A: 0, B: 1, C: 2, D: 3 } as const;

export function rollupProviders(layout: SheetLayout, lang: Lang, findings: Finding[]): ProviderPerformanceResult {
  const sheet = layout.sheet.name;
  if (!layout.levels.some((l) => l.level !== 'community')) {
    findings.push(finding('missing_column', 'info', { sheet }, { column: t(lang, 'rollup', 'role_municipality'), sheet, indicator: t(lang, 'rollup', 'ind_areas') }));
  }
  const numeric: NumericColumn[] = [];
  const scoreCol = numericColumn(layout, 'score', 'fraction');
  if (scoreCol) numeric.push(scoreCol);
  const categoryCol = layout.roles.get('category');
  const grader = new Grader(sheet, categoryCol, categoryCol !== undefined ? (layout.headers[categoryCol] ?? '') : '', scoreCol ? 0 : -1, findings);
  const yesNo = layout.yesNo;
  const width = YES_NO + 2 * yesNo.length;

  const levels = reportedLevels(layout.levels);
  const tree = new AreaTree(levels, width);
  const total = new Float64Array(width);

  const stats = scanRecords(buildScanSpec(layout, numeric), lang, findings, (row, r, nums) => {
    const path = tree.nodesFor(row, r);
    addPath(total, path, PROVIDERS, 1);
    const cat = grader.grade(row, r, nums);
    addPath(total, path, cat ? CAT + CATEGORY_INDEX[cat] : UNCLASSIFIED, 1);
    for (let j = 0; j < yesNo.length; j++) {
      const c = yesNo[j] as number;
      const v = row[c];
      if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) continue;
      const yes = typeof v === 'object' ? null : parseYesNo(v);
      if (yes === null) {
        findings.push(finding('unknown_answer', 'warning', { sheet, cell: a1(r, c) }, { text: cellText(v), column: layout.headers[c] ?? '' }));
        continue;
      }
      addPath(total, path, YES_NO + 2 * j, 1);
      if (yes) addPath(total, path, YES_NO + 2 * j + 1, 1);
    }
  });

  tree.reportFilled(sheet, findings);

  const figures = (acc: Float64Array): ProviderFigures => {
    const { byCategory, shares, classified } = categoryCounts(acc, CAT);
    const answers: YesShare[] = yesNo.map((_, j) => {
      const answered = acc[YES_NO + 2 * j] ?? 0;
      const yes = acc[YES_NO + 2 * j + 1] ?? 0;
      return { answered, yes, share: ratio(yes, answered) };
    });
    return {
      providers: acc[PROVIDERS] ?? 0,
      byCategory,
      shares,
      unclassified: acc[UNCLASSIFIED] ?? 0,
      goodPerformanceShare: ratio(byCategory.A, classified),
      yesNo: answers,
    };
  };

  const areas: ProviderArea[] = tree.flatten().map((n) => ({ ...tree.ref(n), ...figures(n.acc) }));
  return {
    sheet,
    source: sourceInfo(layout, stats),
    levels: levelInfo(levels, columnLetter),
    yesNoColumns: yesNo.map((c) => ({ header: layout.headers[c] ?? columnLetter(c), column: columnLetter(c) })),
    ...figures(total),
    scoreBanded: grader.scoreBanded,
    areas,
  };
}
