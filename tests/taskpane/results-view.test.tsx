/**
 * @jest-environment jsdom
 */
// The Results view in jsdom on the Honduras framework: one row per indicator with its band, % met and a
// target-against-actual chart; a row selects its indicator cell; a workbook without a framework says so;
// the band highlight buttons, and the band scheme in the Settings tab.
import './jsdom-text';
import * as fs from 'node:fs';
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkWorkbook } from '../../src/core/check';
import type { FrameworkResult } from '../../src/core/framework';
import type { Finding } from '../../src/core/findings';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { ResultsView } from '../../src/taskpane/components/ResultsView';
import { SettingsPanel } from '../../src/taskpane/components/SettingsPanel';
import { BAND_LOOK } from '../../src/core/framework/highlight';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/workbook-state';
import { makeStrings, StringsContext } from '../../src/taskpane/strings';
import { HONDURAS_FRAMEWORK } from '../fixtures';

const result = checkWorkbook(readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK))), { asOf: '2018-02-15' }).frameworks!;

function show(r: FrameworkResult | null, lang: 'es' | 'en' = 'en') {
  const selected: string[] = [];
  const findings: Finding[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={makeStrings(lang)}>
        <ResultsView result={r} selected={null} onSelect={(sheet, cell) => selected.push(`${sheet}!${cell}`)} onSelectFinding={(f) => findings.push(f)} />
      </StringsContext.Provider>
    </FluentProvider>,
  );
  return { selected, findings };
}

it('lists each indicator with its band, % met and chart', () => {
  show(result);
  const rows = screen.getAllByTestId('result-indicator');
  expect(rows.map((r) => [r.getAttribute('data-id'), r.getAttribute('data-band')])).toEqual(
    result.frameworks[0]!.indicators.map((i) => [i.id, i.band]),
  );
  expect(rows[0]!.textContent).toContain('1.1 Cobertura de agua (% de viviendas con servicio)');
  expect(rows[0]!.textContent).toContain('on track');
  expect(rows[0]!.textContent).toContain('102.6% met');
  expect(rows[0]!.textContent).toContain('actual from the records');
  const chart = within(rows[0]!).getByTestId('target-actual-chart');
  expect([chart.getAttribute('data-target'), chart.getAttribute('data-actual')]).toEqual(['82', String(result.frameworks[0]!.indicators[0]!.actualToDate)]);
  // Qualitative and no-data indicators have no bars.
  const q = rows.find((r) => r.getAttribute('data-id') === '5.1')!;
  expect(within(q).queryByTestId('target-actual-chart')).toBeNull();
  expect(q.textContent).toContain('No / Sí');
  const bands = screen.getByTestId('results-bands');
  expect([...bands.querySelectorAll('[data-band]')].map((b) => [b.getAttribute('data-band'), b.getAttribute('data-count')])).toEqual([
    ['on_track', '8'],
    ['under', '4'],
    ['over', '1'],
    ['no_data', '2'],
  ]);
});

it('selects the indicator cell and the findings’ cells', () => {
  const { selected, findings } = show(result);
  const rows = screen.getAllByTestId('result-indicator');
  fireEvent.click(rows.find((r) => r.getAttribute('data-id') === '2.3')!);
  expect(selected).toEqual(['Marco de resultados!B14']);
  fireEvent.click(screen.getByText(/Indicator 5\.3: no actual for 2017/));
  expect(findings.map((f) => [f.code, f.cell])).toEqual([['missing_actual', 'L25']]);
});

it('says when the workbook has no framework, in Spanish too', () => {
  show({ asOf: '2018-02-15', frameworks: [], findings: [] }, 'es');
  expect(screen.getByTestId('results-empty').textContent).toContain('No se encontró ningún marco de resultados');
});

it('shows % met in the reader’s number form, the scheme in use, and badges in the sheet’s band colours', () => {
  show(checkWorkbook(readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK))), { asOf: '2018-02-15', bandScheme: 'semaforo' }).frameworks!, 'es');
  const rows = screen.getAllByTestId('result-indicator');
  const over = rows.find((r) => r.getAttribute('data-id') === '2.3')!;
  expect(over.textContent).toContain('123,6\u00a0% de cumplimiento');
  expect(screen.getByTestId('results-scheme').getAttribute('data-scheme')).toBe('semaforo');
  expect(screen.getByTestId('results-scheme').textContent).toBe('Rangos: Semáforo: en rango hasta ±5 %, en riesgo hasta ±15 %');
  const atRisk = [...screen.getByTestId('results-bands').querySelectorAll<HTMLElement>('[data-band="at_risk"]')];
  expect(atRisk.map((b) => [b.getAttribute('data-count'), b.style.backgroundColor, b.style.color])).toEqual([['4', 'rgb(251, 227, 176)', 'rgb(107, 71, 0)']]);
  expect(BAND_LOOK.at_risk).toMatchObject({ fill: 'FBE3B0', font: '6B4700' });
});

it('highlights the bands in the sheet, or removes the highlights, through the pane’s one highlight action', () => {
  const calls: string[] = [];
  const view = (on: boolean) => (
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={makeStrings('en')}>
        <ResultsView
          result={result}
          selected={null}
          onSelect={() => undefined}
          onSelectFinding={() => undefined}
          highlights={{ on, can: true, busy: false, onHighlight: () => calls.push('highlight'), onRemove: () => calls.push('remove') }}
        />
      </StringsContext.Provider>
    </FluentProvider>
  );
  const { rerender } = render(view(false));
  fireEvent.click(screen.getByTestId('results-highlight'));
  expect(screen.getByTestId('results-highlight').textContent).toBe('Highlight the bands in my sheet');
  rerender(view(true));
  expect(screen.queryByTestId('results-highlight')).toBeNull();
  fireEvent.click(screen.getByTestId('results-remove-highlights'));
  expect(calls).toEqual(['highlight', 'remove']);
});

it('the Settings tab saves the semáforo, and TolaData’s default as no setting at all', () => {
  const saved: Settings[] = [];
  const panel = (settings: Settings) => (
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={makeStrings('en')}>
        <SettingsPanel settings={settings} autoLang="en" onSave={(s) => saved.push(s)} busy={false} />
      </StringsContext.Provider>
    </FluentProvider>
  );
  const { rerender } = render(panel(DEFAULT_SETTINGS));
  const select = screen.getByTestId('settings-band-scheme') as HTMLSelectElement;
  expect(select.value).toBe('toladata');
  fireEvent.change(select, { target: { value: 'semaforo' } });
  fireEvent.click(screen.getByTestId('settings-save'));
  expect(saved[0]).toEqual({ ...DEFAULT_SETTINGS, bandScheme: 'semaforo' });
  rerender(panel(saved[0]!));
  expect((screen.getByTestId('settings-band-scheme') as HTMLSelectElement).value).toBe('semaforo');
  fireEvent.change(screen.getByTestId('settings-band-scheme'), { target: { value: 'toladata' } });
  fireEvent.click(screen.getByTestId('settings-save'));
  expect(saved[1]).toEqual(DEFAULT_SETTINGS);
  expect(saved[1]).not.toHaveProperty('bandScheme');
});

it('offers the records’ figures for their cells and writes one only when its button is pressed', () => {
  const asked: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={makeStrings('es')}>
        <ResultsView result={result} selected={null} onSelect={() => undefined} onSelectFinding={() => undefined} writes={{ busy: false, onWrite: (w) => asked.push(`${w.sheet}!${w.cell}=${w.value}`) }} />
      </StringsContext.Provider>
    </FluentProvider>,
  );
  const offers = screen.getAllByTestId('results-write');
  expect(offers.map((o) => o.getAttribute('data-cell'))).toEqual(['L7', 'L8', 'L12', 'L16']);
  expect(offers[0]!.textContent).toContain('1.1 · 2017: 84,1002 de los registros (la celda L7 está vacía)');
  expect(offers[1]!.textContent).toContain('(la celda L8 dice 82)');
  expect(asked).toEqual([]);
  fireEvent.click(within(offers[1]!).getByRole('button', { name: 'Escribir 80,7287 en L8' }));
  expect(asked).toEqual(['Marco de resultados!L8=80.72871798887931']);
});

it('shows no offers where the pane gives no way to write', () => {
  show(result);
  expect(screen.queryAllByTestId('results-write')).toEqual([]);
});
