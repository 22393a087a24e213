/**
 * @jest-environment jsdom
 */
// The pane's wiring in jsdom with an in-memory host: what it asks the host to do for each control.
import './jsdom-text';
import * as React from 'react';
import { render, screen, fireEvent, waitFor, within, act } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { engine } from '../../src/taskpane/engine';
import type { PaneHost, HostCapabilities, DateConversion } from '../../src/hosts/pane-host';
import type { WorkbookGrid } from '../../src/core/grid';
import type { CheckResult } from '../../src/core/model';
import type { OutputSheet } from '../../src/core/output';

class FakeHost implements PaneHost {
  readonly kind = 'office' as const;
  calls: string[] = [];
  settings: unknown;
  written: OutputSheet[] = [];
  constructor(
    private readonly grid: WorkbookGrid,
    settings?: unknown,
  ) {
    this.settings = settings;
  }
  async read(): Promise<WorkbookGrid> {
    return this.grid;
  }
  async writeSheets(sheets: readonly OutputSheet[]) {
    this.written.push(...sheets);
    this.calls.push(`write:${sheets.map((s) => s.name).join(',')}`);
    return sheets.map((s) => ({ requested: s.name, name: s.name }));
  }
  async capabilities(): Promise<HostCapabilities> {
    return { customProperties: true, conditionalFormats: true, dataValidation: true, createWorkbook: true, notes: [] };
  }
  async select(sheet: string, address: string) {
    this.calls.push(`select:${sheet}!${address}`);
  }
  async highlightOverdue(r: CheckResult) {
    this.calls.push(`highlight:${r.summary.overdue}`);
  }
  async removeHighlights() {
    this.calls.push('removeHighlights');
  }
  async addStatusDropdowns(_r: CheckResult, words: readonly string[]) {
    this.calls.push(`dropdowns:${words.join('|')}`);
  }
  async convertTextDates(changes: readonly DateConversion[]) {
    this.calls.push(`convert:${changes.length}`);
  }
  async undoConvertTextDates() {
    this.calls.push('undo');
  }
  async writeActual() {
    this.calls.push('writeActual');
    return true;
  }
  async removeStatusDropdowns() {
    this.calls.push('removeDropdowns');
    return 1;
  }
  async loadSettings() {
    return this.settings;
  }
  async saveSettings(s: unknown) {
    this.settings = s;
    this.calls.push('saveSettings');
  }
}

const plain: WorkbookGrid = {
  date1904: false,
  sheets: [
    {
      name: 'Hoja1',
      merges: [],
      rows: [
        ['Seguimiento del comité'],
        [],
        ['Qué haremos', 'Para cuándo', 'Quién', 'Cómo va', 'Notas'],
        ['Capacitar a las juntas de agua', '2024-03-31', 'SENAGUA', 'En curso', ''],
        ['Actualizar el catastro', '2024-06-30', 'Municipio', 'Sin iniciar', 'x'],
        ['Publicar el informe', '2024-01-15', 'UCP', 'Concluido', ''],
      ],
    },
  ],
};

function renderPane(host: PaneHost, lang: 'es' | 'en' = 'es') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} engine={engine} defaultLang={lang} today="2024-05-01" />
    </FluentProvider>,
  );
}

beforeAll(() => {
  // jsdom lacks these; Fluent's positioning and motion ask for them.
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('App', () => {
  it('says what it looked for when no table is found, and the columns the user points at are saved and used', async () => {
    const host = new FakeHost(plain);
    renderPane(host, 'en');
    await screen.findByTestId('no-table');
    expect(screen.getByTestId('no-table').textContent).toContain('Key actions');
    const mapper = screen.getByTestId('column-mapper');
    const selects = within(mapper).getAllByRole('combobox');
    // Sheet, header row (guessed: row 3), then action, deadline, responsible, status, comments.
    expect((selects[1] as HTMLSelectElement).value).toBe('3');
    const apply = within(mapper).getByRole('button', { name: 'Use these columns' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(selects[2]!, { target: { value: 'A' } });
    fireEvent.change(selects[3]!, { target: { value: 'B' } });
    fireEvent.change(selects[4]!, { target: { value: 'C' } });
    fireEvent.change(selects[5]!, { target: { value: 'D' } });
    fireEvent.click(apply);
    await screen.findByTestId('tables-list');
    expect(host.settings).toEqual({
      version: 1,
      language: null,
      extraStatusWords: {},
      columnMappings: { Hoja1: { headerRow: 3, columns: { action: 'A', deadline: 'B', responsible: 'C', status: 'D' } } },
    });
    expect(screen.getByTestId('kpi-actions').textContent).toMatch(/^3/);
    expect(screen.getByTestId('kpi-overdue').textContent).toMatch(/^1/);
  });

  it('uses the mapping saved in the workbook on open, and shows a notice for unreadable settings', async () => {
    const saved = { version: 1, language: 'es', extraStatusWords: {}, columnMappings: { Hoja1: { headerRow: 3, columns: { action: 'A', deadline: 'B', status: 'D' } } } };
    renderPane(new FakeHost(plain, saved), 'en');
    await screen.findByTestId('tables-list');
    // The workbook's language wins over Office's.
    expect(screen.getByTestId('refresh').textContent).toBe('Actualizar seguimiento');

    renderPane(new FakeHost(plain, { version: 1, language: 'xx' }), 'en');
    const notice = await screen.findByTestId('settings-notice');
    expect(notice.textContent).toContain('could not be read');
  });

  it('drives the host: refresh writes Seguimiento and highlights, items select rows, buttons act', async () => {
    const saved = { version: 1, language: null, extraStatusWords: {}, columnMappings: { Hoja1: { headerRow: 3, columns: { action: 'A', deadline: 'B', responsible: 'C', status: 'D' } } } };
    const host = new FakeHost(plain, saved);
    renderPane(host, 'en');
    await screen.findByTestId('tables-list');
    fireEvent.click(screen.getByTestId('refresh'));
    // A first refresh (the workbook holds no Seguimiento of ours yet): nothing to compare with, so no change sentence;
    // the history sheet goes with Seguimiento.
    await screen.findByText('Sheet "Seguimiento" updated.');
    expect(host.calls).toContain('write:Seguimiento,Tablero log');
    expect(host.calls).toContain('highlight:1');
    expect(host.written[0]?.tables[0]?.rows).toHaveLength(3);
    // Highlights are on now: one click removes them.
    fireEvent.click(screen.getByTestId('remove-highlights'));
    await screen.findByText('Highlights removed.');
    expect(host.calls).toContain('removeHighlights');

    fireEvent.click(screen.getAllByTestId('overdue-item')[0]!);
    await waitFor(() => expect(host.calls).toContain('select:Hoja1!A4:D4'));

    fireEvent.click(screen.getByTestId('dropdowns'));
    await waitFor(() => expect(host.calls.some((c) => c.startsWith('dropdowns:Completed|In progress|Not started|No longer applicable|En curso|Sin iniciar|Concluido'))).toBe(true));

    fireEvent.click(screen.getByTestId('lang-es'));
    expect(screen.getByTestId('refresh').textContent).toBe('Actualizar seguimiento');
    await waitFor(() => expect((host.settings as { language: string }).language).toBe('es'));
  });

  it('re-checks for another as-of date', async () => {
    const saved = { version: 1, language: null, extraStatusWords: {}, columnMappings: { Hoja1: { headerRow: 3, columns: { action: 'A', deadline: 'B', status: 'D' } } } };
    renderPane(new FakeHost(plain, saved), 'en');
    await screen.findByTestId('tables-list');
    expect(screen.getByTestId('kpi-overdue').textContent).toMatch(/^1/);
    await act(async () => {
      fireEvent.change(screen.getByTestId('as-of'), { target: { value: '2024-12-31' } });
    });
    await waitFor(() => expect(screen.getByTestId('kpi-overdue').textContent).toMatch(/^2/));
  });
});
