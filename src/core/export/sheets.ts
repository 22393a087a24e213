// Which sheets the donor export writes, by stable key (the pane's export dialog offers them, the CLI
// may pick them), their names in either language, the figures of the Summary sheet's total row, and
// the Summary sheet's chart. buildExport (./index.ts) writes the sheets in this order.
import { z } from 'zod';
import { catalogue, type Lang } from '../i18n';
import { emptyStatusCounts, type Action, type CheckResult, type StatusCounts, type StatusId } from '../model';
import type { OutputChart, OutputSheet } from '../output';
import type { RollupResult } from '../rollup/types';
import type { FrameworkResult } from '../framework';
import { CHART_NAME_PREFIX } from '../rollup-charts';
import { hasIndicators } from './indicators';

export const EXPORT_SHEET_KEYS = ['about', 'actions', 'summary', 'indicators', 'iptt', 'milestones', 'findings'] as const;
export type ExportSheetKey = (typeof EXPORT_SHEET_KEYS)[number];
export const exportSheetKeySchema = z.enum(EXPORT_SHEET_KEYS);

export interface ExportContent {
  readonly check: CheckResult;
  readonly rollup?: RollupResult | null;
  readonly frameworks?: FrameworkResult | null;
}

/** The sheets an export of this content holds, in their order; the optional ones only with something in them. */
export function exportSheetKeys(input: ExportContent): ExportSheetKey[] {
  const has: Record<ExportSheetKey, boolean> = {
    about: true,
    actions: true,
    summary: true,
    indicators: hasIndicators(input.rollup),
    iptt: (input.frameworks?.frameworks.length ?? 0) > 0,
    milestones: (input.check.calendars?.length ?? 0) > 0,
    findings: true,
  };
  return EXPORT_SHEET_KEYS.filter((k) => has[k]);
}

/** False when there is nothing to export: no key-action table, record sheet, calendar nor framework. */
export function exportHasContent(input: ExportContent): boolean {
  return input.check.tables.length > 0 || hasIndicators(input.rollup) || (input.check.calendars?.length ?? 0) > 0 || (input.frameworks?.frameworks.length ?? 0) > 0;
}

/** The sheet's name as the export writes it in `lang`. */
export function exportSheetName(key: ExportSheetKey, lang: Lang): string {
  const c = catalogue(lang);
  switch (key) {
    case 'about':
      return c.export.sheetAbout;
    case 'actions':
      return c.export.sheetActions;
    case 'summary':
      return c.export.sheetSummary;
    case 'indicators':
      return c.export.sheetIndicators;
    case 'iptt':
      return c.framework.ipttSheet;
    case 'milestones':
      return c.calendar.exportSheetName;
    case 'findings':
      return c.export.sheetFindings;
  }
}

/** Summary columns by status, in this order. */
export const SUMMARY_STATUSES: readonly StatusId[] = ['completed', 'in_progress', 'not_started', 'not_applicable', 'missing', 'unknown'];

export interface SummaryFigures {
  readonly actions: number;
  readonly byStatus: Readonly<StatusCounts>;
  readonly overdue: number;
  /** Of all the actions; null when there are none. */
  readonly completedShare: number | null;
  readonly notOverdueShare: number | null;
}

/** A Summary row's figures: counts by status, overdue, % completed and the share not overdue. */
export function summaryFigures(actions: readonly Action[]): SummaryFigures {
  const byStatus = emptyStatusCounts();
  let overdue = 0;
  for (const a of actions) {
    byStatus[a.status]++;
    if (a.overdue) overdue++;
  }
  const n = actions.length;
  return { actions: n, byStatus, overdue, completedShare: n ? byStatus.completed / n : null, notOverdueShare: n ? (n - overdue) / n : null };
}

/** The Summary sheet's total row: what the export dialog previews. */
export function exportSummaryFigures(check: CheckResult): SummaryFigures {
  return summaryFigures(check.tables.flatMap((t) => t.actions));
}

/** Stacked columns by status: done green, under way blue, not started orange, the rest greys. */
const STATUS_COLORS: Readonly<Record<StatusId, string>> = {
  completed: '#3F9C35',
  in_progress: '#0F6CBD',
  not_started: '#F7893B',
  not_applicable: '#A19F9D',
  missing: '#C8C6C4',
  unknown: '#8764B8',
};

/**
 * The Summary sheet with its chart: the actions of each recommendation stacked by status (the
 * statuses no action has are left out). The table's columns: label, count, then SUMMARY_STATUSES.
 */
export function withSummaryChart(sheet: OutputSheet, lang: Lang): OutputSheet {
  const table = sheet.tables[0];
  const total = table?.rows[table.rows.length - 1];
  if (!table || !total || !table.totalRow || table.rows.length < 2) return sheet;
  const series = SUMMARY_STATUSES.map((status, i) => ({ status, column: 2 + i }))
    .filter((s) => typeof total[s.column] === 'number' && (total[s.column] as number) > 0)
    .map((s) => ({ column: s.column, name: table.columns[s.column]?.header ?? s.status, color: STATUS_COLORS[s.status] }));
  if (!series.length) return sheet;
  const chart: OutputChart = {
    kind: 'status',
    name: `${CHART_NAME_PREFIX}Summary`,
    table: table.name,
    title: catalogue(lang).export.chartSummaryTitle,
    categoryColumn: 0,
    rows: table.rows.length - 1,
    series,
    threshold: null,
    percent: false,
  };
  return { ...sheet, charts: [chart] };
}
