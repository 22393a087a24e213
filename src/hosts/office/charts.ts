// The chart under each roll-up sheet (Excel only; the .xlsx writer draws none): coverage by area as
// clustered columns with the threshold as a line, A–D stacked columns by area for systems and
// providers. Series point at the table's cells, so the chart is the table drawn, not a copy.
import { CHART_COLORS, CHART_NAME_PREFIX, isRollupSheet, rollupChartSpec, type RollupChartSpec } from '../../core/rollup-charts';
import type { Lang } from '../../core/i18n';
import type { OutputSheet } from '../../core/output';
import type { OfficeEnv } from './env';
import { charsToPoints, textValue, type SheetLayout } from './layout';

export { isRollupSheet };

/** Where a sheet's chart and its data sit on the worksheet (0-based rows and columns). */
export interface ChartPlacement {
  readonly spec: RollupChartSpec;
  /** Header row of the charted table; its data rows follow. */
  readonly headerRow: number;
  readonly firstCol: number;
  /** Column of the threshold values, one blank column right of the table (null without a threshold). */
  readonly thresholdCol: number | null;
  /** Top-left cell of the chart: two rows under everything the sheet holds. */
  readonly anchorRow: number;
  /** Size in points. */
  readonly width: number;
  readonly height: number;
}

export const CHART_HEIGHT = 320;
const MIN_CHART_WIDTH = 480;
const MAX_CHART_WIDTH = 960;
const POINTS_PER_AREA = 26;

export function placeChart(sheet: OutputSheet, layout: SheetLayout, lang: Lang): ChartPlacement | null {
  const spec = rollupChartSpec(sheet, lang);
  if (!spec) return null;
  const table = layout.tables.find((tp) => tp.name === spec.table);
  if (!table) return null;
  const bottom = Math.max(0, ...layout.blocks.map((b) => b.row + b.values.length));
  const width = Math.min(MAX_CHART_WIDTH, Math.max(MIN_CHART_WIDTH, 160 + POINTS_PER_AREA * spec.rows));
  return {
    spec,
    headerRow: table.box.row,
    firstCol: table.box.col,
    thresholdCol: spec.threshold ? table.box.col + table.box.colCount + 1 : null,
    anchorRow: bottom + 1,
    width,
    height: CHART_HEIGHT,
  };
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
    ws.getRangeByIndexes(0, p.thresholdCol, 1, 1).format.columnWidth = charsToPoints(Math.max(8, th.label.length + 2));
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
  if (spec.kind === 'categories') series0.gapWidth = 60;
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
