/**
 * @jest-environment jsdom
 */
// The Roll-ups tab and "Export for donors" in jsdom: what the pane shows for the Honduras fixture,
// what it asks the host to write, and where an export goes on each host.
import './jsdom-text';
import * as path from 'path';
import * as React from 'react';
import { configure, render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { engine } from '../../src/taskpane/engine';
import { buildDonorExport, deliverExport, exportFileName, TABLERO_VERSION, type DonorExport } from '../../src/taskpane/export';
import { parseThresholdPercent, recordSources, thresholdText } from '../../src/taskpane/rollups';
import { DEFAULT_SETTINGS } from '../../src/core/workbook-state';
import { rollupWorkbook } from '../../src/core/rollup';
import type { WorkbookGrid } from '../../src/core/grid';
import { cellText } from '../../src/core/grid';
import type { OutputSheet } from '../../src/core/output';
import type { CheckResult } from '../../src/core/model';
import type { PaneHost, HostCapabilities, DateConversion } from '../../src/hosts/pane-host';
import type { WrittenSheet } from '../../src/hosts/host';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { ECUADOR, FIXTURES, xlsxGrid } from '../office/workbooks';
import pkg from '../../package.json';

// Reading and rolling up a real workbook in jsdom takes seconds on a busy 2-core machine.
configure({ asyncUtilTimeout: 8000 });

const HONDURAS = path.join(FIXTURES, 'monitoreo-ptps-honduras-2017.xlsx');

class FakeHost implements PaneHost {
  calls: string[] = [];
  written: OutputSheet[] = [];
  opened: Uint8Array[] = [];
  settings: unknown = undefined;
  constructor(
    private readonly grid: WorkbookGrid,
    readonly kind: 'office' | 'browser' = 'office',
    private readonly opts: { createWorkbook?: boolean; openFails?: boolean; name?: string | null; chart?: WrittenSheet['chart'] } = {},
  ) {}
  async read(): Promise<WorkbookGrid> {
    this.calls.push('read');
    return this.grid;
  }
  async writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]> {
    this.written.push(...sheets);
    this.calls.push(`write:${sheets.map((s) => s.name).join(',')}`);
    return sheets.map((s) => ({ requested: s.name, name: s.name, ...(this.opts.chart ? { chart: this.opts.chart } : {}) }));
  }
  async capabilities(): Promise<HostCapabilities> {
    return { customProperties: true, conditionalFormats: true, dataValidation: true, createWorkbook: this.opts.createWorkbook ?? false, notes: [] };
  }
  async select(sheet: string, address: string) {
    this.calls.push(`select:${sheet}!${address}`);
  }
  async highlightOverdue(_r: CheckResult) {}
  async removeHighlights() {}
  async addStatusDropdowns() {}
  async removeStatusDropdowns() {
    return 0;
  }
  async writeActual() {
    return false;
  }
  async convertTextDates(_c: readonly DateConversion[]) {}
  async undoConvertTextDates() {}
  async loadSettings() {
    return this.settings;
  }
  async saveSettings(s: unknown) {
    this.settings = s;
  }
  async workbookName(): Promise<string | null> {
    return this.opts.name === undefined ? 'Libro de prueba.xlsx' : this.opts.name;
  }
  async openWorkbook(bytes: Uint8Array): Promise<void> {
    if (this.opts.openFails) throw new Error('pop-up blocked');
    this.opened.push(bytes);
  }
}

let honduras: WorkbookGrid;
let ecuador: WorkbookGrid;
beforeAll(() => {
  honduras = xlsxGrid(HONDURAS);
  ecuador = xlsxGrid(ECUADOR);
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

function renderPane(host: PaneHost, lang: 'es' | 'en', saveFile?: (b: Uint8Array, n: string) => void) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} engine={engine} defaultLang={lang} today="2017-12-31" saveFile={saveFile} />
    </FluentProvider>,
  );
}

const text = (id: string): string => screen.getByTestId(id).textContent ?? '';
const categories = (id: string): Record<string, number> =>
  Object.fromEntries(screen.getAllByTestId(`rollup-${id}-cat`).map((e) => [e.getAttribute('data-category'), Number(e.getAttribute('data-count'))]));

describe('threshold input', () => {
  it.each([
    ['80', 0.8],
    ['80 %', 0.8],
    ['82,5', 0.825],
    ['82.5%', 0.825],
    ['0.8', 0.8],
    ['0,75', 0.75],
    ['100', 1],
    ['0', 0],
  ])('accepts %j as %s', (input, value) => {
    expect(parseThresholdPercent(input)).toBe(value);
  });

  it.each(['', '101', '-5', 'ochenta', '80 90', '1.2.3'])('refuses %j', (input) => {
    expect(parseThresholdPercent(input)).toBeNull();
  });

  it('shows a fraction as the percentage typed', () => {
    expect(thresholdText(0.8, true)).toBe('80');
    expect(thresholdText(0.825, true)).toBe('82,5');
    expect(thresholdText(0.825, false)).toBe('82.5');
  });
});

describe('record sources', () => {
  it('lists the three kinds in order with the rows read, found or not', () => {
    expect(recordSources(rollupWorkbook(honduras, { lang: 'es' }))).toEqual([
      { kind: 'coverage', sheet: 'Comunidades', range: 'A1:J696', records: 695, skipped: 0 },
      { kind: 'systems', sheet: 'Sistemas', range: 'A1:I595', records: 594, skipped: 0 },
      { kind: 'providers', sheet: 'Prestadores', range: 'A1:G595', records: 594, skipped: 0 },
    ]);
    expect(recordSources(rollupWorkbook(ecuador, { lang: 'es' })).map((s) => [s.kind, s.sheet])).toEqual([
      ['coverage', null],
      ['systems', null],
      ['providers', null],
    ]);
  });
});

describe('Roll-ups tab', () => {
  it('opens on the roll-ups of a workbook with record sheets and no plan, in Spanish figures', async () => {
    renderPane(new FakeHost(honduras), 'es');
    await screen.findByTestId('rollup-households');
    expect(screen.getByTestId('tab-rollups').getAttribute('aria-selected')).toBe('true');
    expect(text('rollup-households')).toBe('153.228Viviendas');
    expect(text('rollup-water')).toBe('84,1\u00a0%Agua');
    expect(text('rollup-sanitation')).toBe('80,7\u00a0%Saneamiento');
    expect(text('rollup-above-water')).toBe('18 de 26');
    expect(text('rollup-above-sanitation')).toBe('16 de 26');
    expect(categories('systems')).toEqual({ A: 410, B: 176, C: 8, D: 0 });
    expect(categories('providers')).toEqual({ A: 54, B: 422, C: 109, D: 9 });
    expect(text('rollup-systems-headline')).toContain('25,6\u00a0%');
    expect(text('rollup-systems-headline')).toContain('453 de 1.772 muestras aptas');
    expect(text('rollup-providers-headline')).toContain('9,1\u00a0%');
    const sources = screen.getAllByTestId('rollup-source');
    expect(sources.map((s) => s.getAttribute('data-found'))).toEqual(['true', 'true', 'true']);
    expect(sources[0]?.textContent).toContain('695 registros');
    expect(text('rollup-write-hint')).toContain('«Cobertura», «Niveles de servicio», «Desempeño de prestadores»');
    expect(text('rollup-write-hint')).toContain('gráfico');
  });

  it('counts the areas again for another threshold, and refuses one that is not a percentage', async () => {
    renderPane(new FakeHost(honduras), 'en');
    await screen.findByTestId('rollup-households');
    expect(text('rollup-households')).toBe('153,228Households');
    expect(text('rollup-above-water')).toBe('18 of 26');
    const at90 = rollupWorkbook(honduras, { lang: 'en', threshold: 0.9 }).coverage?.areasAboveThreshold;
    fireEvent.change(screen.getByTestId('threshold'), { target: { value: '90' } });
    await waitFor(() => expect(text('rollup-above-water')).toBe(`${at90?.water} of 26`));
    expect(at90?.water).toBeLessThan(18);
    expect(screen.getByText(/Areas at or above 90\.0%/)).toBeTruthy();
    fireEvent.change(screen.getByTestId('threshold'), { target: { value: '120' } });
    await screen.findByText('Enter a percentage between 0 and 100.');
    expect((screen.getByTestId('write-rollups') as HTMLButtonElement).disabled).toBe(true);
    // The last valid threshold stays in force.
    expect(text('rollup-above-water')).toBe(`${at90?.water} of 26`);
  });

  it('writes the three roll-up sheets through the host, says the charts were drawn, and goes to the first', async () => {
    const host = new FakeHost(honduras, 'office', { chart: 'added' });
    renderPane(host, 'es');
    await screen.findByTestId('rollup-households');
    fireEvent.change(screen.getByTestId('threshold'), { target: { value: '85' } });
    fireEvent.click(screen.getByTestId('write-rollups'));
    await screen.findByText('Hojas escritas con sus gráficos: «Cobertura», «Niveles de servicio», «Desempeño de prestadores».');
    expect(host.calls).toContain('write:Cobertura,Niveles de servicio,Desempeño de prestadores');
    expect(host.calls).toContain('select:Cobertura!A1');
    // The sheets carry the threshold the user typed.
    const cov = host.written[0]!;
    expect(cov.lines.some((l) => l.includes('85,0'))).toBe(true);
    const water = cov.tables[0]!.columns.find((c) => c.header === 'Cobertura de agua');
    expect(water?.bands?.[0]?.atLeast).toBe(0.85);
  });

  it('says when Excel could not add the charts, and in browser mode that the download has them', async () => {
    const failing = new FakeHost(honduras, 'office', { chart: 'failed' });
    const { unmount } = renderPane(failing, 'en');
    await screen.findByTestId('rollup-households');
    fireEvent.click(screen.getByTestId('write-rollups'));
    await screen.findByText('Sheets written: «Coverage», «Service levels», «Provider performance». Excel could not add the charts.');
    unmount();

    renderPane(new FakeHost(honduras, 'browser'), 'en');
    await screen.findByTestId('rollup-households');
    expect(text('rollup-write-hint')).toContain('The downloaded workbook also gets a chart on each sheet');
  });

  it('shows what it looked for when the workbook has no record sheet', async () => {
    const host = new FakeHost(ecuador);
    renderPane(host, 'en');
    await screen.findByTestId('tables-list');
    // A plan opens on the Plan tab.
    expect(screen.getByTestId('tab-plan').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByTestId('tab-rollups'));
    await screen.findByTestId('no-records');
    const sources = screen.getAllByTestId('rollup-source');
    expect(sources.map((s) => [s.getAttribute('data-kind'), s.getAttribute('data-found')])).toEqual([
      ['coverage', 'false'],
      ['systems', 'false'],
      ['providers', 'false'],
    ]);
    expect(within(sources[2]!).getByText('not found')).toBeTruthy();
    expect((screen.getByTestId('write-rollups') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Export for donors', () => {
  it('builds the standard workbook from what the host reads, named after the source', async () => {
    const host = new FakeHost(ecuador);
    const exp = await buildDonorExport(host, engine, { settings: DEFAULT_SETTINGS, asOf: '2011-09-15', lang: 'en', threshold: 0.8, generatedAt: '2024-05-01' });
    expect(exp.fileName).toBe('Libro de prueba (Tablero export).xlsx');
    expect(exp.hasContent).toBe(true);
    expect(exp.sheets).toEqual(['About', 'Key actions', 'Summary', 'Findings']);
    const wb = readXlsx(exp.bytes);
    const actions = wb.sheets.find((s) => s.name === 'Key actions')!;
    const header = actions.rows.findIndex((r) => r.some((c) => cellText(c) === 'Action id'));
    const idCol = actions.rows[header]!.findIndex((c) => cellText(c) === 'Action id');
    const ids = actions.rows.slice(header + 1).map((r) => cellText(r[idCol])).filter(Boolean);
    expect(ids).toHaveLength(36);
    const about = wb.sheets.find((s) => s.name === 'About')!;
    expect(about.rows.some((r) => cellText(r[1]) === TABLERO_VERSION)).toBe(true);
    expect(TABLERO_VERSION).toBe(pkg.version);
    expect(about.rows.some((r) => cellText(r[1]) === 'Libro de prueba.xlsx')).toBe(true);

    const es = await buildDonorExport(host, engine, { settings: DEFAULT_SETTINGS, asOf: '2011-09-15', lang: 'es', threshold: 0.8, generatedAt: '2024-05-01', sourceFile: 'plan.xlsx' });
    expect(es.fileName).toBe('plan (exportación Tablero).xlsx');
    expect(es.sheets).toContain('Acciones clave');

    const empty = await buildDonorExport(new FakeHost({ date1904: false, sheets: [{ name: 'Hoja1', rows: [['hola']], merges: [] }] }), engine, {
      settings: DEFAULT_SETTINGS,
      asOf: '2011-09-15',
      lang: 'es',
      threshold: 0.8,
      generatedAt: '2024-05-01',
    });
    expect(empty.hasContent).toBe(false);
  });

  it.each([
    ['plan.xlsx', 'en', 'plan (Tablero export).xlsx'],
    ['Plan: 2011/12.xlsm', 'es', 'Plan  2011 12 (exportación Tablero).xlsx'],
    ['', 'en', 'Tablero (Tablero export).xlsx'],
  ] as const)('names the export of %j (%s) %j', (source, lang, name) => {
    expect(exportFileName(source, lang)).toBe(name);
  });

  it('opens the export as a new workbook where Excel can, else downloads it', async () => {
    const exp: DonorExport = { fileName: 'x (Tablero export).xlsx', bytes: new Uint8Array([1, 2, 3]), hasContent: true, sheets: [] };
    const saved: string[] = [];
    const save = (_b: Uint8Array, n: string) => void saved.push(n);
    const caps = (createWorkbook: boolean): HostCapabilities => ({ customProperties: true, conditionalFormats: true, dataValidation: true, createWorkbook, notes: [] });

    const excel = new FakeHost(ecuador, 'office');
    expect(await deliverExport(excel, caps(true), exp, save)).toBe('opened');
    expect(excel.opened).toEqual([exp.bytes]);
    expect(saved).toEqual([]);
    expect(await deliverExport(excel, caps(false), exp, save)).toBe('downloaded');
    expect(await deliverExport(new FakeHost(ecuador, 'office', { openFails: true }), caps(true), exp, save)).toBe('downloaded');
    const browser = new FakeHost(ecuador, 'browser');
    expect(await deliverExport(browser, caps(true), exp, save)).toBe('downloaded');
    expect(browser.opened).toEqual([]);
    expect(saved).toEqual([exp.fileName, exp.fileName, exp.fileName]);
  });

  it('from the pane: opens in Excel, downloads in browser mode, and says when there is nothing to export', async () => {
    const excel = new FakeHost(ecuador, 'office', { createWorkbook: true });
    const { unmount } = renderPane(excel, 'en');
    await screen.findByTestId('tables-list');
    fireEvent.click(screen.getByTestId('export-donors'));
    // The dialog offers the sheets the content has, every one ticked; Export writes them.
    fireEvent.click(await screen.findByTestId('export-confirm'));
    await screen.findByText('Export opened as a new workbook.');
    expect(readXlsx(excel.opened[0]!).sheets.map((s) => s.name)).toEqual(['About', 'Key actions', 'Summary', 'Findings']);
    unmount();

    const saved: { bytes: Uint8Array; name: string }[] = [];
    const browser = new FakeHost(honduras, 'browser', { name: 'monitoreo.xlsx' });
    const second = renderPane(browser, 'es', (bytes, name) => saved.push({ bytes, name }));
    await screen.findByTestId('rollup-households');
    fireEvent.click(screen.getByTestId('tab-plan'));
    fireEvent.click(await screen.findByTestId('export-donors'));
    fireEvent.click(await screen.findByTestId('export-confirm'));
    await screen.findByText('Exportación descargada: monitoreo (exportación Tablero).xlsx');
    expect(saved).toHaveLength(1);
    expect(readXlsx(saved[0]!.bytes).sheets.map((s) => s.name)).toContain('Indicadores');
    second.unmount();

    renderPane(new FakeHost({ date1904: false, sheets: [{ name: 'Hoja1', rows: [['hola']], merges: [] }] }, 'browser'), 'es', () => saved.push({ bytes: new Uint8Array(), name: 'nope' }));
    await screen.findByTestId('no-table');
    fireEvent.click(screen.getByTestId('export-donors'));
    await screen.findByText('Nada que exportar: el libro no tiene tabla de acciones clave ni hoja de registros.');
    expect(saved).toHaveLength(1);
  });
});
