/**
 * @jest-environment jsdom
 */
// The pane on trackers laid out as people keep them: the cut-off the workbook states, groups numbered off their band.
import './jsdom-text';
import * as React from 'react';
import { render, screen, fireEvent, waitFor, within, act } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { engine } from '../../src/taskpane/engine';
import type { PaneHost, HostCapabilities } from '../../src/hosts/pane-host';
import type { Cell, WorkbookGrid } from '../../src/core/grid';

class Host implements PaneHost {
  readonly kind = 'office' as const;
  constructor(private readonly grid: WorkbookGrid) {}
  async read(): Promise<WorkbookGrid> {
    return this.grid;
  }
  async writeSheets(sheets: readonly { name: string }[]) {
    return sheets.map((s) => ({ requested: s.name, name: s.name }));
  }
  async capabilities(): Promise<HostCapabilities> {
    return { customProperties: true, conditionalFormats: true, dataValidation: true, createWorkbook: true, notes: [] };
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
    return undefined;
  }
  async saveSettings() {}
}

const grid = (rows: Cell[][]): WorkbookGrid => ({ date1904: false, sheets: [{ name: 'Plan', merges: [], rows }] });

const TRACKER = grid([
  ['Matriz de seguimiento — Corte: 31 de mayo de 2021'],
  [],
  ['N°', 'Acción', 'Plazo', 'Responsable', 'Estado'],
  ['1', 'Taller de arranque', '15/04/2021', 'MINTEL', 'En curso'],
  ['2', 'Diagnóstico', '30/05/2021', 'MINTEL', 'En curso'],
  ['3', 'Política aprobada', '31/12/2021', 'SERCOP', 'En curso'],
]);

function renderPane(host: PaneHost, lang: 'es' | 'en') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} engine={engine} defaultLang={lang} today="2026-03-01" />
    </FluentProvider>,
  );
}

beforeAll(() => {
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, onchange: null, dispatchEvent: () => false })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

describe('the as-of date the workbook states', () => {
  it('is used and shown until the user picks another one', async () => {
    renderPane(new Host(TRACKER), 'en');
    await screen.findByTestId('tables-list');
    const input = screen.getByTestId('as-of') as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('2021-05-31'));
    expect(screen.getByText('As-of date taken from Plan!A1 (“Matriz de seguimiento — Corte: 31 de mayo de 2021”). You can change it.')).toBeTruthy();
    // As of 31 May 2021 two actions are overdue (1: 46 days, 2: 1 day), not all three as of today.
    expect(screen.getByTestId('kpi-overdue').textContent).toMatch(/^2/);
    // The card: its button (id, days: the short name) and the action beside it.
    expect(screen.getAllByTestId('overdue-item').map((b) => [b.textContent, b.closest('li')?.textContent])).toEqual([
      ['1 46 days', '1 46 daysTaller de arranqueMINTELdue 15 Apr 2021'],
      ['2 1 day', '2 1 dayDiagnósticoMINTELdue 30 May 2021'],
    ]);
    await act(async () => {
      fireEvent.change(input, { target: { value: '2021-04-20' } });
    });
    await waitFor(() => expect(screen.getByTestId('kpi-overdue').textContent).toMatch(/^1/));
    expect((screen.getByTestId('as-of') as HTMLInputElement).value).toBe('2021-04-20');
    expect(screen.queryByText(/As-of date taken from/)).toBeNull();
  });

  it('says so in Spanish, and uses today when the workbook states none', async () => {
    const { unmount } = renderPane(new Host(TRACKER), 'es');
    await screen.findByText('Fecha de corte tomada de Plan!A1 («Matriz de seguimiento — Corte: 31 de mayo de 2021»). Puede cambiarla.');
    unmount();
    const none = grid([['Matriz de seguimiento'], ...TRACKER.sheets[0]!.rows.slice(2).map((r) => [...r])]);
    renderPane(new Host(none), 'es');
    await screen.findByTestId('tables-list');
    expect((screen.getByTestId('as-of') as HTMLInputElement).value).toBe('2026-03-01');
    expect(screen.getByTestId('kpi-overdue').textContent).toMatch(/^3/);
  });
});

describe('a group whose band numbers it differently from its actions', () => {
  it('keeps the band’s number and points at the numbering finding', async () => {
    const rows: Cell[][] = [
      ['Recomendación de la Evaluación N° 10'],
      ['Mejorar la coordinación.'],
      ['Acciones clave', 'Plazo', 'Responsable/s', 'Estado'],
      ['11.1 Plan de trabajo', '30/06/2011', 'SENAGUA', 'En curso'],
      ['11.2 Informe', '31/07/2011', 'MIDUVI', 'En curso'],
    ];
    renderPane(new Host(grid(rows)), 'es');
    const group = await screen.findByTestId('overdue-group');
    expect(within(group).getByRole('heading').textContent).toMatch(/^Recomendación 10/);
    expect(within(group).getByTestId('group-numbering').textContent).toBe('Sus acciones están numeradas 11.x: vea «Numeración» en Observaciones.');
  });
});

describe('the column mapper repairs what recognition found', () => {
  it('opens pre-filled with the recognised columns, with fields for the number and the group', async () => {
    const rows: Cell[][] = [
      ['Compromiso', 'Institución responsable', 'N° hito', 'Hito', 'Periodo', 'Nivel de cumplimiento', 'Verificador'],
      ['1. Datos abiertos', 'MINTEL', 1, 'Diagnóstico', 'jun 2020', 'Completo', 'Informe'],
      [null, null, 2, 'Política aprobada', 'dic 2020', 'Sustancial', 'Acuerdo'],
    ];
    renderPane(new Host(grid(rows)), 'en');
    await screen.findByTestId('tables-list');
    await act(async () => {
      fireEvent.click(screen.getByText('Point at columns manually'));
    });
    const mapper = await screen.findByTestId('column-mapper');
    const values = within(mapper)
      .getAllByRole('combobox')
      .map((el) => [(el.closest('[data-role]') as HTMLElement | null)?.dataset['role'] ?? '', (el as HTMLSelectElement).value]);
    expect(values).toEqual([
      ['', 'Plan'],
      ['', '1'],
      ['action', 'D'],
      ['deadline', 'E'],
      ['responsible', 'B'],
      ['status', 'F'],
      ['comments', ''],
      ['id', 'C'],
      ['recommendation', 'A'],
    ]);
    expect(within(mapper).getByText('Number')).toBeTruthy();
    expect(within(mapper).getByText('Recommendation or group')).toBeTruthy();
  });
});
