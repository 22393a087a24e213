// The roll-up charts in the fake Excel: which table each chart draws, that its series point at the
// right cells (the figures of the fixture come back out of them), rewrites, older Excel, refusals.
import * as path from 'path';
import type { WorkbookGrid } from '../../src/core/grid';
import type { Lang } from '../../src/core/i18n';
import type { OutputSheet } from '../../src/core/output';
import { rollupSheets, rollupWorkbook } from '../../src/core/rollup';
import { CHART_COLORS, MAX_CHART_AREAS, rollupChartSpec } from '../../src/core/rollup-charts';
import { checkWorkbook } from '../../src/core/check';
import { seguimientoSheet } from '../../src/core/seguimiento';
import { OfficeHost } from '../../src/hosts/office';
import { FakeWorkbook, type ChartModel, type RangeRef, type SheetModel } from './fake-excel';
import { ECUADOR, FIXTURES, fakeFromGrid, xlsxGrid } from './workbooks';

const HONDURAS = path.join(FIXTURES, 'monitoreo-ptps-honduras-2017.xlsx');
const upTo =
  (max: number) =>
  (name: string, version?: string): boolean =>
    name === 'ExcelApi' && Number(version?.split('.')[1]) <= max;

let grid: WorkbookGrid;
beforeAll(() => {
  grid = xlsxGrid(HONDURAS);
});

function sheetsFor(lang: Lang, threshold?: number): OutputSheet[] {
  return rollupSheets(rollupWorkbook(grid, { lang, threshold }), lang);
}

function setup(lang: Lang, max = 17): { wb: FakeWorkbook; host: OfficeHost } {
  const wb = fakeFromGrid(grid);
  return { wb, host: new OfficeHost({ run: wb.run, isSetSupported: upTo(max), lang, today: () => '2017-12-31' }) };
}

/** The cells a series points at, as plain values. */
function cells(wb: FakeWorkbook, ref: RangeRef | null): (string | number | boolean)[] {
  if (!ref) throw new Error('series without cells');
  const s = wb.sheet(ref.sheet);
  const out = [];
  for (let r = ref.box.r0; r <= ref.box.r1; r++) for (let c = ref.box.c0; c <= ref.box.c1; c++) out.push(s.cell(r, c)?.value ?? '');
  return out;
}

function onlyChart(s: SheetModel): ChartModel {
  expect(s.charts).toHaveLength(1);
  return s.charts[0]!;
}

const sum = (xs: readonly (string | number | boolean)[]): number => xs.reduce<number>((n, x) => n + (typeof x === 'number' ? x : 0), 0);

describe('roll-up charts in Excel', () => {
  it('coverage: water and sanitation by municipality as clustered columns, the 80 % threshold as a dashed line', async () => {
    const { wb, host } = setup('es');
    const written = await host.writeSheets(sheetsFor('es'));
    expect(written).toEqual([
      { requested: 'Cobertura', name: 'Cobertura', chart: 'added' },
      { requested: 'Niveles de servicio', name: 'Niveles de servicio', chart: 'added' },
      { requested: 'Desempeño de prestadores', name: 'Desempeño de prestadores', chart: 'added' },
    ]);
    const sheet = wb.sheet('Cobertura');
    const chart = onlyChart(sheet);
    expect(chart).toMatchObject({ name: 'Tablero_Chart_Coverage', type: 'ColumnClustered', title: 'Cobertura por Municipio', legend: 'Bottom' });
    expect(chart.series.map((s) => [s.name, s.chartType, s.fill ?? s.lineColor])).toEqual([
      ['Cobertura de agua', null, CHART_COLORS.water],
      ['Cobertura de saneamiento', null, CHART_COLORS.sanitation],
      ['Umbral 80\u00a0%', 'Line', CHART_COLORS.threshold],
    ]);
    const [water, sanitation, threshold] = chart.series;
    // The 26 municipalities, read from the table the chart draws (the municipal one, not the total row).
    const table = sheet.tables.find((t) => t.name === 'Tablero_Coverage_municipality');
    expect(table).toBeDefined();
    const labels = cells(wb, water!.xValues);
    expect(labels).toHaveLength(26);
    expect(labels[0]).toBe('Jesús de Otoro');
    expect(labels).not.toContain('Total');
    expect(water!.xValues?.box.r0).toBe((table?.box.r0 ?? -1) + 1);
    expect(water!.xValues?.box.r1).toBe(table?.box.r1);
    // Out of the series' cells come the fixture's figures: 18 of 26 and 16 of 26 at or above 80 %.
    const w = cells(wb, water!.values) as number[];
    const s = cells(wb, sanitation!.values) as number[];
    expect(w.filter((v) => v >= 0.8)).toHaveLength(18);
    expect(s.filter((v) => v >= 0.8)).toHaveLength(16);
    expect(w[0]).toBeCloseTo(0.836, 3);
    for (const x of [sanitation!, threshold!]) expect(x.xValues).toEqual(water!.xValues);
    expect(cells(wb, threshold!.values)).toEqual(new Array(26).fill(0.8));
    expect(threshold).toMatchObject({ lineStyle: 'Dash', markerStyle: 'None' });
    // The threshold column sits one blank column right of the table, with its own header.
    const thCol = threshold!.values!.box.c0;
    expect(thCol).toBe((table?.box.c1 ?? 0) + 2);
    expect(sheet.cell(table!.box.r0, thCol)?.value).toBe('Umbral 80\u00a0%');
    expect(sheet.cell(table!.box.r0 + 1, thCol)?.format).toBe('0%');
    expect(chart.valueAxis).toEqual({ minimum: 0, maximum: 1, numberFormat: '0%' });
    // Under everything on the sheet: the tables and the notes stay visible.
    const lastText = sheet.usedBox()?.r1 ?? -1;
    expect(lastText).toBeGreaterThan(50);
    expect(Number(/\d+/.exec(chart.anchor ?? '')?.[0]) - 1).toBeGreaterThan(lastText);
    expect(chart.anchor?.startsWith('A')).toBe(true);
  });

  it('service levels and providers: A–D stacked by municipality in the SIASAR colours, adding up to the fixture', async () => {
    const { wb, host } = setup('es');
    await host.writeSheets(sheetsFor('es'));
    const expected = { 'Niveles de servicio': [410, 176, 8, 0], 'Desempeño de prestadores': [54, 422, 109, 9] };
    for (const [name, counts] of Object.entries(expected)) {
      const chart = onlyChart(wb.sheet(name));
      expect(chart.type).toBe('ColumnStacked');
      expect(chart.series.map((s) => [s.name, s.fill])).toEqual([
        ['A', CHART_COLORS.A],
        ['B', CHART_COLORS.B],
        ['C', CHART_COLORS.C],
        ['D', CHART_COLORS.D],
      ]);
      expect(chart.series.map((s) => sum(cells(wb, s.values)))).toEqual(counts);
      expect(cells(wb, chart.series[0]!.xValues)).toHaveLength(26);
      expect(chart.valueAxis).toEqual({});
    }
    expect(onlyChart(wb.sheet('Desempeño de prestadores')).title).toBe('Prestadores por categoría SIASAR, por Municipio');
  });

  it('writes the charts in one sync of their own after the sheets', async () => {
    const { wb, host } = setup('es');
    await host.writeSheets(sheetsFor('es'));
    const charted = wb.syncCount;
    const other = setup('es', 17);
    other.wb.failCharts = true;
    await other.host.writeSheets(sheetsFor('es'));
    // Same sheets without charts (they failed): the chart sync, then the clean-up's two syncs.
    expect(other.wb.syncCount).toBe(charted + 2);
  });

  it('replaces its own chart on a rewrite and leaves a chart the user added alone', async () => {
    const { wb, host } = setup('en');
    await host.writeSheets(sheetsFor('en'));
    const sheet = wb.sheet('Coverage');
    sheet.charts.push({ name: 'My chart', type: 'Pie', title: 'mine', legend: 'Right', series: [], anchor: 'Z1', width: 100, height: 100, valueAxis: {} });
    await host.writeSheets(sheetsFor('en', 0.9));
    expect(sheet.charts.map((c) => c.name).sort()).toEqual(['My chart', 'Tablero_Chart_Coverage']);
    const chart = sheet.charts.find((c) => c.name === 'Tablero_Chart_Coverage')!;
    expect(chart.title).toBe('Coverage by Municipio');
    expect(chart.series.map((s) => s.name)).toEqual(['Water coverage', 'Sanitation coverage', 'Threshold 90%']);
    expect(cells(wb, chart.series[2]!.values)).toEqual(new Array(26).fill(0.9));
    for (const name of ['Service levels', 'Provider performance']) expect(wb.sheet(name).charts).toHaveLength(1);
  });

  it('draws the chart without the axis format on ExcelApi 1.7, and no chart below 1.7', async () => {
    const at7 = setup('es', 7);
    await at7.host.writeSheets(sheetsFor('es'));
    expect(onlyChart(at7.wb.sheet('Cobertura')).valueAxis).toEqual({ minimum: 0, maximum: 1 });

    const at6 = setup('es', 6);
    const written = await at6.host.writeSheets(sheetsFor('es'));
    expect(written.map((w) => w.chart)).toEqual([undefined, undefined, undefined]);
    expect(at6.wb.sheet('Cobertura').charts).toEqual([]);
    expect(at6.wb.sheet('Cobertura').tables.length).toBe(2);
  });

  it('keeps the sheets when Excel refuses the chart, and says so', async () => {
    const { wb, host } = setup('es');
    wb.failCharts = true;
    const written = await host.writeSheets(sheetsFor('es'));
    expect(written.map((w) => w.chart)).toEqual(['failed', 'failed', 'failed']);
    for (const name of ['Cobertura', 'Niveles de servicio', 'Desempeño de prestadores']) {
      expect(wb.sheet(name).tables).toHaveLength(2);
      expect(wb.sheet(name).charts).toEqual([]);
    }
  });

  it('adds no chart, and asks for none, when writing Seguimiento', async () => {
    const plan = xlsxGrid(ECUADOR);
    const wb = fakeFromGrid(plan);
    const host = new OfficeHost({ run: wb.run, isSetSupported: upTo(17), lang: 'es' });
    const written = await host.writeSheets([seguimientoSheet(checkWorkbook(plan, { asOf: '2011-09-15' }), 'es')]);
    expect(written).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento' }]);
    expect(wb.sheets.every((s) => s.charts.length === 0)).toBe(true);
  });
});

describe('rollupChartSpec', () => {
  it('charts the deepest level that stays readable, else the level with the fewest areas', () => {
    const [coverage] = sheetsFor('en');
    expect(rollupChartSpec(coverage!, 'en')).toMatchObject({ table: 'Tablero_Coverage_municipality', categoryColumn: 1, rows: 26, threshold: { value: 0.8, label: 'Threshold 80%' } });
    // 60 municipalities are too many columns: the departments are charted instead.
    const many = { ...coverage!, tables: coverage!.tables.map((t) => (t.name.endsWith('municipality') ? { ...t, rows: [...Array(60).fill(t.rows[0]), t.rows[t.rows.length - 1]!] } : t)) };
    expect(60).toBeGreaterThan(MAX_CHART_AREAS);
    expect(rollupChartSpec(many, 'en')).toMatchObject({ table: 'Tablero_Coverage_department', categoryColumn: 0, rows: 10 });
  });

  it('finds the coverage columns whatever the language of the sheet, and nothing to chart elsewhere', () => {
    const [es] = sheetsFor('es');
    const spec = rollupChartSpec(es!, 'en');
    expect(spec?.series.map((s) => s.name)).toEqual(['Cobertura de agua', 'Cobertura de saneamiento']);
    expect(spec?.title).toBe('Coverage by Municipio');
    expect(rollupChartSpec({ name: 'Seguimiento', lines: [], tables: [{ name: 'Tablero_Seguimiento', columns: [{ header: 'x', type: 'text' }], rows: [['a']] }] }, 'es')).toBeNull();
    // A sheet rolled up without area columns has only its total: nothing to draw.
    const totalOnly = { ...es!, tables: [{ name: 'Tablero_Coverage_total', columns: [{ header: '', type: 'text' as const }, { header: 'Viviendas', type: 'integer' as const }], rows: [['Total', 5]], totalRow: true }] };
    expect(rollupChartSpec(totalOnly, 'es')).toBeNull();
  });
});
