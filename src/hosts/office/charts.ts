// The charts of a sheet as the sheet plan places them (src/core/sheet-plan.ts, shared with the .xlsx
// writer): coverage by area as clustered columns with the threshold as a line, stacked columns for
// A–D categories and action statuses. Series point at the table's cells, so the chart is the table
// drawn, not a copy.
import { CHART_COLORS, CHART_NAME_PREFIX, isRollupSheet } from '../../core/rollup-charts';
import type { OutputChart, OutputSheet } from '../../core/output';
import type { OfficeEnv } from './env';
import { charsToPoints, textValue, type SheetLayout } from './layout';

export { isRollupSheet };

/** Where a sheet's chart and its data sit on the worksheet (0-based rows and columns). */
export interface ChartPlacement {
  readonly spec: OutputChart;
  /** Header row of the charted table; its data rows follow. */
  readonly headerRow: number;
  readonly firstCol: number;
  /** Column of the threshold values, one blank column right of the table (null without a threshold). */
  readonly thresholdCol: number | null;
  readonly thresholdWidth: number;
  /** Top-left cell of the chart: under everything the sheet holds. */
  readonly anchorRow: number;
  /** Size in points. */
  readonly width: number;
  readonly height: number;
}

/** Sheets that carry a chart now, or may carry one of ours from an earlier write. */
export function mayHaveCharts(sheet: OutputSheet): boolean {
  return !!sheet.charts?.length || isRollupSheet(sheet);
}

/** The sheet's charts from its layout (the plan's placement). */
export function placeCharts(layout: SheetLayout): ChartPlacement[] {
  return layout.charts.map((p) => ({
    spec: p.chart,
    headerRow: p.headerRow,
    firstCol: p.firstCol,
    thresholdCol: p.threshold?.col ?? null,
    thresholdWidth: p.threshold?.width ?? 0,
    anchorRow: p.anchorRow,
    width: p.width,
    height: p.height,
  }));
}

/** Deletes the charts we added earlier (by name); any other chart on the sheet stays. */
export function removeOurCharts(charts: readonly Excel.Chart[]): void {
  for (const c of charts) if (c.name.startsWith(CHART_NAME_PREFIX)) c.delete();
}

/** Queues the chart (and the threshold column it plots) on `ws`; the caller syncs. */
export function addChart(ws: Excel.Worksheet, p: ChartPlacement, env: OfficeEnv): Excel.Chart {
  const { spec } = p;
  const first = p.headerRow + 1;
  const n = spec.rows;
  const column = (c: number): Excel.Range => ws.getRangeByIndexes(first, p.firstCol + c, n, 1);
  const categories = column(spec.categoryColumn);

  if (spec.threshold && p.thresholdCol !== null) {
    const th = spec.threshold;
    const head = ws.getRangeByIndexes(p.headerRow, p.thresholdCol, 1, 1);
    head.values = [[textValue(th.label)]];
    head.format.font.bold = true;
    const cells = ws.getRangeByIndexes(first, p.thresholdCol, n, 1);
    cells.values = Array.from({ length: n }, () => [th.value]);
    cells.numberFormat = Array.from({ length: n }, () => ['0%']);
    ws.getRangeByIndexes(0, p.thresholdCol, 1, 1).format.columnWidth = charsToPoints(p.thresholdWidth);
  }

  const [head, ...rest] = spec.series;
  if (!head) throw new Error('a roll-up chart without series');
  // The chart starts from the first series' cells alone: Excel would otherwise guess the series.
  const chart = ws.charts.add(spec.kind === 'coverage' ? 'ColumnClustered' : 'ColumnStacked', column(head.column), 'Columns');
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.legend.position = 'Bottom';
  const series0 = chart.series.getItemAt(0);
  series0.name = head.name;
  series0.setXAxisValues(categories);
  series0.format.fill.setSolidColor(head.color);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(column(s.column));
    series.setXAxisValues(categories);
    series.format.fill.setSolidColor(s.color);
  }
  if (spec.kind !== 'coverage') series0.gapWidth = 60;
  if (spec.threshold && p.thresholdCol !== null) {
    const line = chart.series.add(spec.threshold.label);
    line.setValues(ws.getRangeByIndexes(first, p.thresholdCol, n, 1));
    line.setXAxisValues(categories);
    line.chartType = 'Line';
    line.markerStyle = 'None';
    line.format.line.color = CHART_COLORS.threshold;
    line.format.line.lineStyle = 'Dash';
    line.format.line.weight = 2;
  }
  if (spec.percent) {
    const axis = chart.axes.valueAxis;
    axis.minimum = 0;
    axis.maximum = 1;
    if (env.features.chartAxisFormat) axis.numberFormat = '0%';
  }
  chart.setPosition(ws.getRangeByIndexes(p.anchorRow, 0, 1, 1));
  chart.width = p.width;
  chart.height = p.height;
  return chart;
}
