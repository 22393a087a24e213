/**
 * @jest-environment jsdom
 */
// The Roll-ups view's column mapper: settings that carry the map and the threshold (old ones still
// valid), the map the form saves (run through the engine), and the pane end to end in jsdom.
import './jsdom-text';
import * as path from 'path';
import * as React from 'react';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { engine } from '../../src/taskpane/engine';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../src/core/workbook-state';
import {
  columnRef,
  draftFromSource,
  draftToMap,
  draftUsable,
  initialDraft,
  kindRoles,
  needsMapping,
  setColumn,
  toggleYesNo,
  type KindDraft,
} from '../../src/taskpane/rollup-mapping';
import { withKindMap } from '../../src/core/workbook-state';
import { showNumber } from '../../src/taskpane/browser/SheetPreview';
import { rollupWorkbook, RollupMapSchema, RECORD_KINDS, type RollupMap } from '../../src/core/rollup';
import { kindAccepts } from '../../src/core/rollup/recognise';
import type { Cell, WorkbookGrid } from '../../src/core/grid';
import type { OutputSheet } from '../../src/core/output';
import type { PaneHost, HostCapabilities } from '../../src/hosts/pane-host';
import type { WrittenSheet } from '../../src/hosts/host';
import { FIXTURES, xlsxGrid } from '../office/workbooks';

class FakeHost implements PaneHost {
  readonly kind = 'browser' as const;
  saved: unknown[] = [];
  written: OutputSheet[] = [];
  constructor(
    private readonly grid: WorkbookGrid,
    public settings: unknown = undefined,
  ) {}
  async read(): Promise<WorkbookGrid> {
    return this.grid;
  }
  async writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]> {
    this.written.push(...sheets);
    return sheets.map((s) => ({ requested: s.name, name: s.name }));
  }
  async capabilities(): Promise<HostCapabilities> {
    return { customProperties: true, conditionalFormats: true, dataValidation: true, createWorkbook: false, notes: [] };
  }
  async select() {}
  async highlightOverdue() {}
  async removeHighlights() {}
  async addStatusDropdowns() {}
  async removeStatusDropdowns() {
    return 0;
  }
  async writeActual() {
    return false;
  }
  async convertTextDates() {}
  async undoConvertTextDates() {}
  async loadSettings() {
    return this.settings;
  }
  async saveSettings(s: unknown) {
    // What a host stores is what it is given: a copy, as the workbook part would be.
    this.settings = JSON.parse(JSON.stringify(s)) as unknown;
    this.saved.push(this.settings);
  }
}

const sheet = (name: string, rows: Cell[][]) => ({ name, rows, merges: [] });
const book = (...sheets: ReturnType<typeof sheet>[]): WorkbookGrid => ({ date1904: false, sheets });

/** Households by zone under headers no vocabulary knows except "Casas". */
const ZONES = book(
  sheet('Notas', [['Encuesta de hogares 2023'], ['Fuente: municipalidad']]),
  sheet('Datos', [
    ['Zona', 'Casas', 'Conectadas', 'Letrinas'],
    ['Norte', 100, 80, 50],
    ['Sur', 50, 45, 40],
    ['Este', 30, 30, 20],
  ]),
);

/** Providers whose grade and yes/no columns have unknown headers. */
const JUNTAS = book(
  sheet('Juntas', [
    ['Junta', 'Nota', 'Cobra', 'Observación'],
    ['JAAP El Rosal', 'A', 'Sí', 'ninguna'],
    ['JAAP La Loma', 'B', 'No', 'visita pendiente'],
    ['JAAP Centro', 'A', 'Sí', 'ninguna'],
    ['JAAP Río Bajo', 'C', 'Sí', 'tarifa baja'],
  ]),
);

const COVERAGE_NULLS = { region: null, department: null, municipality: null, parish: null, community: null, schools: null, schoolsWash: null, healthCentres: null, healthWash: null };
const ZONES_MAP: RollupMap = {
  coverage: { sheet: 'Datos', headerRow: 1, columns: { ...COVERAGE_NULLS, municipality: 'Zona', households: 'Casas', water: 'Conectadas', sanitation: 'Letrinas' } },
};

let honduras: WorkbookGrid;
beforeAll(() => {
  honduras = xlsxGrid(path.join(FIXTURES, 'monitoreo-ptps-honduras-2017.xlsx'));
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('settings with the roll-up map and threshold', () => {
  it('keep settings saved before these fields valid, exactly as they were', () => {
    const old = { version: 1, language: 'es', extraStatusWords: { completed: ['Listo'] }, columnMappings: { Hoja1: { headerRow: 2, columns: { action: 'A', deadline: 'C' } } } };
    expect(parseSettings(old)).toEqual({ settings: old, notice: null });
    expect(DEFAULT_SETTINGS).not.toHaveProperty('rollupMap');
    expect(DEFAULT_SETTINGS).not.toHaveProperty('rollupThreshold');
  });

  it('read a valid map and threshold back', () => {
    const s = { ...DEFAULT_SETTINGS, rollupMap: ZONES_MAP, rollupThreshold: 0.9 };
    expect(parseSettings(JSON.parse(JSON.stringify(s)))).toEqual({ settings: s, notice: null });
  });

  it.each([
    ['an unknown kind', { cobertura: { sheet: 'Datos' } }, undefined],
    ['an unknown role', { coverage: { columns: { casas: 'B' } } }, undefined],
    ['header row 0', { coverage: { sheet: 'Datos', headerRow: 0 } }, undefined],
    ['a blank column', { coverage: { columns: { water: '  ' } } }, undefined],
    ['a map that is a string', 'Datos!B', undefined],
    ['a threshold above 1', undefined, 1.5],
    ['a threshold as text', undefined, '80'],
  ])('drop only the roll-up part, with a notice, for %s', (_label, rollupMap, rollupThreshold) => {
    const raw = { version: 1, language: 'en', extraStatusWords: { completed: ['Done and dusted'] }, columnMappings: {}, rollupMap, rollupThreshold };
    const out = parseSettings(raw);
    expect(out.settings).toEqual({ version: 1, language: 'en', extraStatusWords: { completed: ['Done and dusted'] }, columnMappings: {} });
    expect(out.notice?.kind).toBe('rollup');
    if (out.notice?.kind === 'rollup') expect(out.notice.detail).toMatch(/^rollup(Map|Threshold)/);
  });

  it('fall back to the defaults when more than the roll-up part is wrong', () => {
    const out = parseSettings({ version: 1, language: 'fr', extraStatusWords: {}, columnMappings: {}, rollupMap: { nope: 1 } });
    expect(out.settings).toEqual(DEFAULT_SETTINGS);
    expect(out.notice?.kind).toBe('invalid');
  });

  it('set and clear one kind at a time; no map at all once the last kind is cleared', () => {
    const a = withKindMap(DEFAULT_SETTINGS, 'coverage', ZONES_MAP.coverage!);
    expect(a.rollupMap).toEqual(ZONES_MAP);
    const b = withKindMap(a, 'providers', { sheet: 'Juntas', headerRow: 1, columns: { provider: 'Junta', category: 'Nota' }, yesNo: ['Cobra'] });
    expect(Object.keys(b.rollupMap ?? {})).toEqual(['coverage', 'providerPerformance']);
    const c = withKindMap(b, 'coverage', null);
    expect(c.rollupMap).toEqual({ providerPerformance: b.rollupMap?.providerPerformance });
    const d = withKindMap(c, 'providers', null);
    expect(d).toEqual(DEFAULT_SETTINGS);
    expect(d).not.toHaveProperty('rollupMap');
  });
});

describe('the map the form builds', () => {
  it.each(RECORD_KINDS)('names only roles the engine reads for %s, and the schema takes them all', (kind) => {
    const roles = kindRoles(kind);
    for (const r of roles) expect([r, kindAccepts(kind, r)]).toEqual([r, true]);
    const key = kind === 'coverage' ? 'coverage' : kind === 'systems' ? 'serviceLevels' : 'providerPerformance';
    const all = Object.fromEntries(roles.map((r) => [r, 'A']));
    expect(RollupMapSchema.safeParse({ [key]: { columns: all } }).success).toBe(true);
  });

  it('names a column by its header, by its letters when the header is blank or repeated', () => {
    const headers = ['Zona', '', 'Casas', 'casas ', 'Conectadas'];
    expect(columnRef(headers, 'A')).toBe('Zona');
    expect(columnRef(headers, 'B')).toBe('B');
    expect(columnRef(headers, 'C')).toBe('Casas');
    // "casas " folds to the same header as C: only its letters find it.
    expect(columnRef(headers, 'D')).toBe('D');
    expect(columnRef(headers, 'E')).toBe('Conectadas');
    expect(columnRef(headers, 'F')).toBe('F');
  });

  it('gives each column one role, as the engine does', () => {
    let d: KindDraft = { sheet: 'Datos', headerRow: 1, columns: { households: 'B' }, yesNo: ['C'] };
    d = setColumn(d, 'water', 'C');
    expect(d).toEqual({ sheet: 'Datos', headerRow: 1, columns: { households: 'B', water: 'C' }, yesNo: [] });
    d = setColumn(d, 'sanitation', 'C');
    expect(d.columns).toEqual({ households: 'B', sanitation: 'C' });
    d = setColumn(d, 'sanitation', null);
    expect(d.columns).toEqual({ households: 'B' });
    expect(toggleYesNo(d, 'B', true)).toEqual({ ...d, columns: {}, yesNo: ['B'] });
  });

  it('saves every role (null for none) and the engine reads the sheet with it', () => {
    const draft: KindDraft = { sheet: 'Datos', headerRow: 1, columns: { municipality: 'A', households: 'B', water: 'C', sanitation: 'D' }, yesNo: [] };
    expect(draftUsable('coverage', draft)).toBe(true);
    expect(draftUsable('coverage', { ...draft, columns: { municipality: 'A', households: 'B' } })).toBe(false);
    const m = draftToMap('coverage', draft, ZONES);
    expect(m).toEqual(ZONES_MAP.coverage);
    const r = rollupWorkbook(ZONES, { lang: 'es', map: { coverage: m! } });
    expect(r.coverage?.total).toMatchObject({ records: 3, households: 180, counts: { water: { numerator: 155, denominator: 180 }, sanitation: { numerator: 110, denominator: 180 } } });
    expect(r.coverage?.areas.map((a) => a.name)).toEqual(['Norte', 'Sur', 'Este']);
    expect(r.findings.filter((f) => f.code === 'missing_column')).toEqual([]);
  });

  it('starts from the columns the roll-up used, and opens only where recognition was unsure', () => {
    const r = rollupWorkbook(honduras, { lang: 'es' });
    const src = r.coverage!.source;
    expect(initialDraft('coverage', r, honduras, undefined)).toEqual(draftFromSource(src));
    expect(Object.keys(draftFromSource(src).columns)).toEqual(src.columns.map((c) => c.role));
    expect(RECORD_KINDS.map((k) => needsMapping(k, r, false))).toEqual([false, false, false]);

    const zones = rollupWorkbook(ZONES, { lang: 'es' });
    expect(RECORD_KINDS.map((k) => needsMapping(k, zones, false))).toEqual([true, true, true]);
    expect(initialDraft('coverage', zones, ZONES, undefined)).toEqual({ sheet: '', headerRow: null, columns: {}, yesNo: [] });
    // A saved map the engine cannot use (its column was renamed) still shows what it pointed at.
    const renamed = book(sheet('Datos', [['Zona', 'Casas', 'Con agua', 'Letrinas'], ...(ZONES.sheets[1]!.rows.slice(1) as Cell[][])]));
    const stale = rollupWorkbook(renamed, { lang: 'es', map: ZONES_MAP });
    expect(stale.findings.some((f) => f.code === 'missing_column' && f.severity === 'error')).toBe(true);
    expect(needsMapping('coverage', stale, true)).toBe(true);
    expect(initialDraft('coverage', stale, renamed, ZONES_MAP)).toEqual({ sheet: 'Datos', headerRow: 1, columns: { municipality: 'A', households: 'B', sanitation: 'D' }, yesNo: [] });
  });
});

describe('numbers in the sheet preview', () => {
  it.each([
    [0.8764044943820225, 'es', '0,8764'],
    [0.8764044943820225, 'en', '0.8764'],
    [0.84100216, 'en', '0.841'],
    [153228, 'es', '153228'],
    [2.5, 'es', '2,5'],
    [0.000012345, 'en', '0.00001235'],
    [-0.333333, 'en', '-0.3333'],
    [12345.678912, 'en', '12345.6789'],
  ] as const)('shows %p in %s as %j', (v, lang, text) => {
    expect(showNumber(v, lang)).toBe(text);
  });
});

function renderPane(host: PaneHost, lang: 'es' | 'en' = 'es') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} engine={engine} defaultLang={lang} today="2024-01-31" />
    </FluentProvider>,
  );
}

const text = (id: string): string => screen.getByTestId(id).textContent ?? '';
const mapperFor = (kind: string): HTMLElement => {
  const form = screen.getAllByTestId('rollup-mapper').find((f) => f.getAttribute('data-kind') === kind);
  if (!form) throw new Error(`no open mapper for ${kind}`);
  return form;
};
const toggleFor = (kind: string): HTMLElement => screen.getAllByTestId('rollup-map-toggle').find((b) => b.getAttribute('data-kind') === kind)!;
const choose = (form: HTMLElement, id: string, value: string) => fireEvent.change(within(form).getByTestId(id), { target: { value } });
const optionTexts = (form: HTMLElement, id: string): string[] => [...(within(form).getByTestId(id) as HTMLSelectElement).options].map((o) => o.text);

async function openRollups(host: PaneHost, lang: 'es' | 'en' = 'es'): Promise<void> {
  renderPane(host, lang);
  // Checked: the plan tab says there is no plan, or the pane went to the roll-ups by itself.
  await waitFor(() => expect(screen.queryByTestId('no-table') ?? screen.queryByTestId('section-rollup-map')).toBeTruthy());
  fireEvent.click(screen.getByTestId('tab-rollups'));
  await screen.findByTestId('section-rollup-map');
}

describe('Roll-ups view: map columns', () => {
  it('opens the mapper when no coverage sheet is recognised; the chosen columns give the totals and are saved', async () => {
    const host = new FakeHost(ZONES);
    await openRollups(host);
    expect(screen.getByTestId('no-records')).toBeTruthy();
    // All three kinds are missing: all three forms are open, each waiting for a sheet.
    expect(screen.getAllByTestId('rollup-mapper').map((f) => f.getAttribute('data-kind'))).toEqual(['coverage', 'systems', 'providers']);
    expect(toggleFor('coverage').getAttribute('aria-expanded')).toBe('true');
    const form = mapperFor('coverage');
    expect(optionTexts(form, 'rollup-map-sheet')).toEqual(['(elija una hoja)', 'Notas', 'Datos']);
    expect(within(form).queryByTestId('rollup-map-households')).toBeNull();

    choose(form, 'rollup-map-sheet', 'Datos');
    // Header row guessed; "Casas" recognised on its own, the other headers listed with their letters.
    expect((within(form).getByTestId('rollup-map-header-row') as HTMLSelectElement).value).toBe('1');
    expect((within(form).getByTestId('rollup-map-households') as HTMLSelectElement).value).toBe('B');
    expect(optionTexts(form, 'rollup-map-water')).toEqual(['(ninguna)', 'Columna A: Zona', 'Columna B: Casas', 'Columna C: Conectadas', 'Columna D: Letrinas']);
    expect(text('rollup-map-need')).toBe('Indique al menos: Viviendas y Viviendas con agua o con saneamiento.');
    expect((within(form).getByTestId('rollup-map-apply') as HTMLButtonElement).disabled).toBe(true);

    choose(form, 'rollup-map-water', 'C');
    choose(form, 'rollup-map-sanitation', 'D');
    choose(form, 'rollup-map-municipality', 'A');
    expect(within(form).queryByTestId('rollup-map-need')).toBeNull();
    fireEvent.click(within(form).getByTestId('rollup-map-apply'));

    await screen.findByTestId('rollup-households');
    expect(text('rollup-households')).toBe('180Viviendas');
    expect(text('rollup-water')).toBe('86,1\u00a0%Agua');
    expect(text('rollup-sanitation')).toBe('61,1\u00a0%Saneamiento');
    // Norte 80 %, Sur 90 %, Este 100 %: all three reach the 80 % threshold.
    expect(text('rollup-above-water')).toBe('3 de 3');
    expect(screen.getByTestId('notice').textContent).toContain('Columnas de «Viviendas por comunidad» guardadas con el libro.');
    expect(host.saved).toHaveLength(1);
    expect((host.settings as Settings).rollupMap).toEqual(ZONES_MAP);
    expect(parseSettings(host.settings).notice).toBeNull();
    const coverageSource = screen.getAllByTestId('rollup-source')[0]!;
    expect(coverageSource.getAttribute('data-found')).toBe('true');
    expect(coverageSource.textContent).toContain('Datos · A1:D4');
    // Read without gaps now: the coverage form closes, marked as mapped by hand; the others stay open.
    expect(screen.getAllByTestId('rollup-mapper').map((f) => f.getAttribute('data-kind'))).toEqual(['systems', 'providers']);
    expect(toggleFor('coverage').textContent).toContain('indicadas a mano');

    // "Reset to automatic" clears the saved map: nothing recognised again.
    fireEvent.click(toggleFor('coverage'));
    fireEvent.click(within(mapperFor('coverage')).getByTestId('rollup-map-reset'));
    await screen.findByTestId('no-records');
    expect(host.settings).not.toHaveProperty('rollupMap');
    expect(screen.getByTestId('notice').textContent).toContain('«Viviendas por comunidad»: vuelve el reconocimiento automático.');
  });

  it('reads the saved map and threshold when the workbook is opened again', async () => {
    const host = new FakeHost(ZONES, { ...DEFAULT_SETTINGS, rollupMap: ZONES_MAP, rollupThreshold: 0.9 });
    renderPane(host, 'en');
    await screen.findByTestId('rollup-households');
    expect(text('rollup-households')).toBe('180Households');
    expect((screen.getByTestId('threshold') as HTMLInputElement).value).toBe('90');
    // Sur (90 %) and Este (100 %) reach 90 %; Norte (80 %) does not.
    expect(text('rollup-above-water')).toBe('2 of 3');
    // Mapped and read without gaps: collapsed.
    expect(toggleFor('coverage').getAttribute('aria-expanded')).toBe('false');
    expect(toggleFor('coverage').textContent).toContain('mapped by hand');
    expect(host.saved).toEqual([]);
  });

  it('saves the threshold once the user stops typing', async () => {
    const host = new FakeHost(honduras);
    renderPane(host, 'es');
    await screen.findByTestId('rollup-households');
    fireEvent.change(screen.getByTestId('threshold'), { target: { value: '8' } });
    fireEvent.change(screen.getByTestId('threshold'), { target: { value: '85' } });
    await waitFor(() => expect((host.settings as Settings | undefined)?.rollupThreshold).toBe(0.85), { timeout: 3000 });
    // One save for the value the user settled on, none for the keystroke before it.
    expect(host.saved).toHaveLength(1);
    fireEvent.change(screen.getByTestId('threshold'), { target: { value: '120' } });
    await new Promise((r) => setTimeout(r, 800));
    expect(host.saved).toHaveLength(1);
  });

  it('says so when the saved map cannot be read, and keeps the other settings', async () => {
    const host = new FakeHost(ZONES, { ...DEFAULT_SETTINGS, language: 'en', rollupMap: { coverage: { sheet: 'Datos', colums: {} } } });
    renderPane(host, 'es');
    await screen.findByTestId('settings-notice');
    expect(text('settings-notice')).toMatch(/^The roll-up columns or threshold saved in this workbook could not be read \(rollupMap\.coverage: .+\); automatic recognition is used\.$/);
    expect(screen.getByTestId('pane').getAttribute('lang')).toBe('en');
  });

  it('opens a recognised sheet with a missing column pre-filled, and adds the column the user points at', async () => {
    const wb = book(
      sheet('Comunidades', [
        ['Municipio', 'Viviendas', 'Viviendas con agua', 'Letrinas'],
        ['Gracias', 40, 30, 20],
        ['Erandique', 60, 48, 30],
      ]),
    );
    const host = new FakeHost(wb);
    await openRollups(host, 'en');
    expect(text('rollup-households')).toBe('100Households');
    expect(text('rollup-sanitation')).toBe('—Sanitation');
    // Coverage was found but reported a missing column: its form is open, with what recognition used.
    expect(toggleFor('coverage').getAttribute('aria-expanded')).toBe('true');
    const form = mapperFor('coverage');
    expect(['rollup-map-sheet', 'rollup-map-header-row', 'rollup-map-municipality', 'rollup-map-households', 'rollup-map-water', 'rollup-map-sanitation'].map((id) => (within(form).getByTestId(id) as HTMLSelectElement).value)).toEqual([
      'Comunidades',
      '1',
      'A',
      'B',
      'C',
      '',
    ]);
    choose(form, 'rollup-map-sanitation', 'D');
    fireEvent.click(within(form).getByTestId('rollup-map-apply'));
    await waitFor(() => expect(text('rollup-sanitation')).toBe('50.0%Sanitation'));
    expect(toggleFor('coverage').getAttribute('aria-expanded')).toBe('false');
    expect((host.settings as Settings).rollupMap?.coverage?.columns).toMatchObject({ municipality: 'Municipio', households: 'Viviendas', water: 'Viviendas con agua', sanitation: 'Letrinas' });
  });

  it('maps a providers sheet, with the yes/no columns found by their answers as checkboxes', async () => {
    const host = new FakeHost(JUNTAS);
    await openRollups(host, 'en');
    const form = mapperFor('providers');
    choose(form, 'rollup-map-sheet', 'Juntas');
    const boxes = within(within(form).getByTestId('rollup-map-yesno')).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => [b.labels?.[0]?.textContent, b.checked])).toEqual([
      ['Column A: Junta', false],
      ['Column B: Nota', false],
      ['Column C: Cobra', true],
      ['Column D: Observación', false],
    ]);
    choose(form, 'rollup-map-provider', 'A');
    choose(form, 'rollup-map-category', 'B');
    // Columns given a role leave the yes/no list.
    expect(within(within(form).getByTestId('rollup-map-yesno')).getAllByRole('checkbox')).toHaveLength(2);
    fireEvent.click(within(form).getByTestId('rollup-map-apply'));
    await screen.findByTestId('rollup-providers-headline');
    const cats = Object.fromEntries(screen.getAllByTestId('rollup-providers-cat').map((e) => [e.getAttribute('data-category'), Number(e.getAttribute('data-count'))]));
    expect(cats).toEqual({ A: 2, B: 1, C: 1, D: 0 });
    expect((host.settings as Settings).rollupMap).toEqual({
      providerPerformance: {
        sheet: 'Juntas',
        headerRow: 1,
        columns: { region: null, department: null, municipality: null, parish: null, community: null, provider: 'Junta', providerType: null, category: 'Nota', score: null },
        yesNo: ['Cobra'],
      },
    });
    const r = rollupWorkbook(JUNTAS, { lang: 'en', map: (host.settings as Settings).rollupMap });
    expect(r.providerPerformance?.yesNo).toEqual([{ answered: 4, yes: 3, share: 0.75 }]);
  });
});
