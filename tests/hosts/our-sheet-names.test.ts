// Tablero's sheets beside the user's with the same or similar names ("Seguimiento", "Seguimiento 2024",
// "Indicadores", even "Tablero historial"): ours are found by their mark, never by name or prefix; a
// user's sheet that already has our name is left alone, ours goes under a free name, and the pane says so.
import { checkWorkbook } from '../../src/core/check';
import type { WorkbookGrid } from '../../src/core/grid';
import { findHistorySheet, findSeguimientoSheet, historyOf } from '../../src/core/refresh-history';
import { DEFAULT_SETTINGS, findConversionSheet, parseConversionRecord } from '../../src/core/workbook-state';
import { BrowserHost } from '../../src/hosts/browser';
import { OfficeHost } from '../../src/hosts/office';
import type { PaneHost } from '../../src/hosts/pane-host';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { textDateConversions } from '../../src/taskpane/logic';
import { makeStrings } from '../../src/taskpane/strings';
import { writtenElsewhere } from '../../src/taskpane/refresh-notice';
import { coreCheckEngine, refreshStatus } from '../../src/workflow/refresh';
import { fakeFromGrid } from '../office/workbooks';
import { makeXlsx } from '../helpers/make-xlsx';

const PLAN_ROWS: (string | number | null)[][] = [
  ['Plan de mejora 2024'],
  ['N°', 'Acción clave', 'Responsable', 'Plazo', 'Estado'],
  ['1.1', 'Instalar la mesa técnica', 'UCP', '31/01/2024', 'Concluido'],
  ['1.2', 'Capacitar a las juntas de agua', 'Municipio', '30/04/2024', 'En ejecución'],
  ['2.1', 'Publicar el informe anual', 'UCP', '30/09/2024', 'Sin iniciar'],
];
/** A user's own tracking sheet that looks like ours (copied from an old export, the mark lost). */
const USER_SEGUIMIENTO: (string | number | null)[][] = [
  ['Mi seguimiento'],
  ['Hoja', 'Recomendación', 'N°', 'Acción clave', 'Responsable/s', 'Plazo', 'Plazo (texto original)', 'Tipo de plazo', 'Estado', 'Estado (texto original)', 'Vencida', 'Días de atraso', 'Celda'],
  ['Plan', '1', '1.2', 'Capacitar', 'Municipio', null, '30/04/2024', 'fecha', 'Concluida', 'x', 'sí', 3, 'B4'],
];
const USER_SHEETS = {
  Seguimiento: USER_SEGUIMIENTO,
  'Seguimiento 2024': [['Notas de seguimiento 2024'], ['Visita', 'Fecha'], ['Junta 1', '12/03/2024']],
  Indicadores: [['Indicador', 'Meta'], ['Cobertura', 0.8]],
  'Tablero historial': [['Historial propio del usuario'], ['Fecha', 'Nota'], ['2024-01-01', 'inicio']],
};

function workbook(): Uint8Array {
  return makeXlsx([{ name: 'Plan', rows: PLAN_ROWS }, ...Object.entries(USER_SHEETS).map(([name, rows]) => ({ name, rows }))]);
}

const userRows = (g: WorkbookGrid) => Object.fromEntries(g.sheets.filter((s) => !s.createdByTablero).map((s) => [s.name, s.rows]));

/** The Office host on a fake Excel holding `bytes`. */
function officeHost(bytes: Uint8Array): PaneHost {
  const wb = fakeFromGrid(readXlsx(bytes));
  return new OfficeHost({ run: wb.run, isSetSupported: (n, v) => n === 'ExcelApi' && Number(v?.split('.')[1]) <= 17, lang: 'es', today: () => '2024-10-15' });
}

describe.each([
  ['browser host (xlsx writer)', () => new BrowserHost(workbook(), 'plan.xlsx', { lang: 'es', today: () => '2024-10-15' }) as PaneHost],
  ['Office host (fake Excel)', () => officeHost(workbook())],
])('%s', (_name, make) => {
  it('writes ours under free names beside the user sheets named like them, and finds ours by the mark', async () => {
    const host = make();
    const before = userRows(await host.read());
    expect(Object.keys(before)).toEqual(['Plan', 'Seguimiento', 'Seguimiento 2024', 'Indicadores', 'Tablero historial']);
    // The user's look-alike sheet is the user's: checked like any other (its one action counts).
    expect(checkWorkbook(await host.read(), { asOf: '2024-05-15' }).summary.actions).toBe(4);

    const one = await refreshStatus(host, coreCheckEngine, DEFAULT_SETTINGS, '2024-05-15', 'es', { now: () => '2024-05-15 09:00' });
    expect(one.written).toEqual([
      { requested: 'Seguimiento', name: 'Seguimiento (2)' },
      { requested: 'Tablero historial', name: 'Tablero historial (2)' },
    ]);
    // The user's look-alike Seguimiento is not taken for the previous refresh: the first one compares with nothing.
    expect(one.history[0]?.compared).toBe(false);

    const two = await refreshStatus(host, coreCheckEngine, DEFAULT_SETTINGS, '2024-10-15', 'es', { now: () => '2024-10-15 09:00' });
    // The same sheets of ours again: no "(3)", and "Seguimiento 2024" never counts as ours.
    expect(two.written.map((w) => w.name)).toEqual(['Seguimiento (2)', 'Tablero historial (2)']);
    const grid = await host.read();
    expect(grid.sheets.map((s) => [s.name, !!s.createdByTablero])).toEqual([
      ['Plan', false],
      ['Seguimiento', false],
      ['Seguimiento 2024', false],
      ['Indicadores', false],
      ['Tablero historial', false],
      ['Seguimiento (2)', true],
      ['Tablero historial (2)', true],
    ]);
    expect(userRows(grid)).toEqual(before);
    expect((findSeguimientoSheet(grid.sheets) as { name: string }).name).toBe('Seguimiento (2)');
    expect((findHistorySheet(grid.sheets) as { name: string }).name).toBe('Tablero historial (2)');
    const history = historyOf(grid);
    expect(history.map((e) => e.at)).toEqual(['2024-10-15 09:00', '2024-05-15 09:00']);
    expect(history[0]).toMatchObject({ compared: true, newlyOverdue: ['2.1'], newlyCompleted: [] });
  });
});

// The browser host's date conversion needs the workbook's styles part, which makeXlsx does not write.
describe('Office host (fake Excel): the date-conversion record', () => {
  it('rewrites its date-conversion record beside a user sheet of that name: one "(2)", every conversion kept', async () => {
    const fechas = [['Fechas del usuario'], ['Visita', 'Fecha'], ['Junta 1', '12/03/2024']];
    const host = officeHost(makeXlsx([{ name: 'Plan', rows: PLAN_ROWS }, { name: 'Tablero fechas', rows: fechas }]));
    const changes = textDateConversions(checkWorkbook(await host.read(), { asOf: '2024-05-15' })).filter((c) => c.sheet === 'Plan');
    expect(changes.map((c) => c.cell)).toEqual(['D3', 'D4', 'D5']);
    const records = async () => {
      const grid = await host.read();
      const sheet = findConversionSheet(grid.sheets);
      return { name: sheet?.name, records: sheet ? parseConversionRecord(sheet, grid.date1904) : [] };
    };

    await host.convertTextDates(changes.slice(0, 1));
    await host.convertTextDates(changes.slice(1));
    expect(await records()).toEqual({ name: 'Tablero fechas (2)', records: changes });
    await host.undoConvertTextDates();
    expect(await records()).toEqual({ name: 'Tablero fechas (2)', records: [] });
    const grid = await host.read();
    expect(grid.sheets.map((s) => [s.name, !!s.createdByTablero])).toEqual([
      ['Plan', false],
      ['Tablero fechas', false],
      ['Tablero fechas (2)', true],
    ]);
    expect(userRows(grid)['Tablero fechas']).toEqual(fechas);
  });
});

describe('what the pane says', () => {
  it('names the user sheet left alone and the name ours got, only when they differ', () => {
    const s = makeStrings('es');
    expect(
      writtenElsewhere(s, [
        { requested: 'Seguimiento', name: 'Seguimiento (2)' },
        { requested: 'Cobertura', name: 'Cobertura' },
      ]),
    ).toBe('Ya hay una hoja suya llamada «Seguimiento»: Tablero escribió la suya como «Seguimiento (2)» y no tocó la de usted.');
    expect(writtenElsewhere(s, [{ requested: 'Seguimiento', name: 'Seguimiento' }])).toBe('');
  });
});
