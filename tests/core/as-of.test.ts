import { findAsOf, resolveAsOf } from '../../src/core/as-of';
import { isoToSerial } from '../../src/core/dates';
import { dateCell, type Cell } from '../../src/core/grid';
import { book, sheet } from '../helpers/grids';

const HEADER: Cell[] = ['N°', 'Acción', 'Plazo', 'Responsable', 'Estado'];
const ACTION: Cell[] = ['1', 'Taller', '30/06/2021', 'MINTEL', 'En curso'];
const d = (iso: string) => dateCell(isoToSerial(iso));

/** A plan sheet: `title` rows, then a header and one action. */
const plan = (title: Cell[][], name = 'Plan') => book(sheet(name, [...title, [], HEADER, ACTION]));

describe('the cut-off date a plan states in its title rows', () => {
  it.each([
    ['Corte: 31 de mayo de 2021', '2021-05-31'],
    ['CORTE AL 31/05/2021', '2021-05-31'],
    ['Fecha de corte: 2021-05-31', '2021-05-31'],
    ['Matriz de seguimiento – fecha de corte 31-05-2021', '2021-05-31'],
    ['Seguimiento al 30 de junio del 2021', '2021-06-30'],
    ['Al 31 de mayo de 2021', '2021-05-31'],
    ['Posición al 31 de diciembre de 2020', '2020-12-31'],
    ['Plan de acción de gobierno abierto (con corte al 15 de abril de 2021)', '2021-04-15'],
    ['Corte: mayo 2021', '2021-05-31'],
    ['Actualizado al 2 de agosto de 2022 — versión final', '2022-08-02'],
    ['Tracking as of 30 June 2023', '2023-06-30'],
    ['Report date: 15 Oct 2023', '2023-10-15'],
    ['Status as of October 15, 2023', '2023-10-15'],
    ['Cut-off date: 31/03/2024', '2024-03-31'],
    ['Data de corte: 31 de maio de 2021', '2021-05-31'],
    ['Posição em 30/09/2022', '2022-09-30'],
    ['Situação em 30 de setembro de 2022', '2022-09-30'],
  ])('%s → %s', (text, date) => {
    expect(findAsOf(plan([['Plan de mejora'], [text]]))?.date).toBe(date);
  });

  it.each([
    ['Fecha de inicio: 01/01/2020'],
    ['Plazo: 31/12/2021'],
    ['Período 2019-2021'],
    ['Corte de pelo y peinado'],
    ['Corte: 2021'],
    ['Informe al Comité Directivo'],
    ['Planes actualizados a la nueva normativa'],
    ['Primer Plan de Acción de Gobierno Abierto 2019-2021'],
    ['Corte: 31 de febrero de 2021'],
    ['as of today'],
    ['Reunión del 31 de mayo de 2021'],
  ])('%s → no cut-off', (text) => {
    expect(findAsOf(plan([['Plan de mejora'], [text]]))).toBeNull();
  });

  it('reads a label alone in its cell with the date in the next filled cell (a real date), and says where', () => {
    const wb = plan([['Plan de mejora', null, null, null], ['Fecha de corte:', null, d('2021-05-31'), null]]);
    expect(findAsOf(wb)).toEqual({ date: '2021-05-31', sheet: 'Plan', cell: 'C2', text: 'Fecha de corte: 2021-05-31' });
  });

  it('reads a date typed as text in the next cell, and a date cell just below its label', () => {
    expect(findAsOf(plan([['Report date', '15 Oct 2023']]))).toEqual({ date: '2023-10-15', sheet: 'Plan', cell: 'B1', text: 'Report date 15 Oct 2023' });
    expect(findAsOf(plan([['Data de corte'], [d('2022-09-30')]]))?.cell).toBe('A2');
  });

  it('does not take a date from the table itself, nor a sheet without a plan table', () => {
    const noTitle = book(sheet('Plan', [HEADER, ['1', 'Corte: 31/05/2021', '30/06/2021', 'X', 'En curso']]));
    expect(findAsOf(noTitle)).toBeNull();
    const notAPlan = book(sheet('Notas', [['Corte: 31 de mayo de 2021'], ['Indicador', 'Meta']]), sheet('Plan', [HEADER, ACTION]));
    expect(findAsOf(notAPlan)).toBeNull();
  });

  it('takes the plan sheet’s date, skipping sheets that hold none', () => {
    const wb = book(sheet('Portada', [['Informe'], HEADER, ACTION]), sheet('Plan', [['Corte: 31/05/2021'], HEADER, ACTION]));
    expect(findAsOf(wb)).toEqual({ date: '2021-05-31', sheet: 'Plan', cell: 'A1', text: 'Corte: 31/05/2021' });
    expect(findAsOf(wb, { sheet: 'Portada' })).toBeNull();
  });
});

describe('resolveAsOf', () => {
  const wb = plan([['Corte: 31 de mayo de 2021']]);
  it('the user’s date wins, then the workbook’s, then today', () => {
    expect(resolveAsOf(wb, { option: '2021-09-01', today: '2026-01-01' })).toEqual({
      asOf: '2021-09-01',
      source: { kind: 'option', sheet: null, cell: null, text: null },
    });
    expect(resolveAsOf(wb, { today: '2026-01-01' })).toEqual({
      asOf: '2021-05-31',
      source: { kind: 'workbook', sheet: 'Plan', cell: 'A1', text: 'Corte: 31 de mayo de 2021' },
    });
    expect(resolveAsOf(plan([['Plan de mejora']]), { today: '2026-01-01' })).toEqual({
      asOf: '2026-01-01',
      source: { kind: 'today', sheet: null, cell: null, text: null },
    });
  });
});
