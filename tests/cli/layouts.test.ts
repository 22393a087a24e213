// `tablero check` on trackers laid out as people keep them: the cut-off date they state, milestone and English layouts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckJson } from '../../src/cli/check-json';
import { isoToSerial } from '../../src/core/dates';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { makeXlsx } from '../helpers/make-xlsx';
import { cliRunner, tempDir } from '../helpers/cli';

const run = cliRunner('2026-03-01');
const tmp = tempDir('tablero-layouts-');

const HEADER = ['N°', 'Acción', 'Plazo', 'Responsable', 'Estado'];
const ACTIONS: (string | number | null)[][] = [
  ['1', 'Taller de arranque', '15/04/2021', 'MINTEL', 'Completado'],
  ['2', 'Diagnóstico', '30/04/2021', 'MINTEL', 'En curso'],
  ['3', 'Política aprobada', '31/12/2021', 'SERCOP', 'En curso'],
];

function write(name: string, rows: (string | number | null)[][]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, makeXlsx([{ name: 'Plan', rows }]));
  return file;
}

const json = async (...argv: string[]) => {
  const r = await run('check', ...argv, '--format', 'json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as CheckJson;
};

describe('the as-of date a tracker states', () => {
  const inTitle = write('titulo.xlsx', [['Matriz de seguimiento — Corte: 31 de mayo de 2021'], [], HEADER, ...ACTIONS]);
  const inCell = write('celda.xlsx', [['Matriz de seguimiento'], ['Fecha de corte:', null, isoToSerial('2021-05-31')], HEADER, ...ACTIONS]);
  const none = write('sin-fecha.xlsx', [['Matriz de seguimiento'], HEADER, ...ACTIONS]);

  it('takes the cut-off in the title rows, and says where', async () => {
    const j = await json(inTitle);
    expect([j.asOf, j.asOfSource]).toEqual([
      '2021-05-31',
      { kind: 'workbook', sheet: 'Plan', cell: 'A1', text: 'Matriz de seguimiento — Corte: 31 de mayo de 2021' },
    ]);
    expect(j.summary.overdue).toBe(1);
    expect(j.tables[0]!.actions.map((a) => [a.id, a.daysOverdue])).toEqual([['1', null], ['2', 31], ['3', null]]);
    expect(j.findings[0]).toMatchObject({ code: 'as_of_from_workbook', severity: 'info', sheet: 'Plan', cell: 'A1' });
  });

  it('takes a labelled cell with the date in the next cell', async () => {
    const j = await json(inCell);
    expect([j.asOf, j.asOfSource]).toEqual(['2021-05-31', { kind: 'workbook', sheet: 'Plan', cell: 'C2', text: 'Fecha de corte: 2021-05-31' }]);
  });

  it('falls back to today when the workbook states none; --as-of always wins', async () => {
    const j = await json(none);
    expect([j.asOf, j.asOfSource]).toEqual(['2026-03-01', { kind: 'today', sheet: null, cell: null, text: null }]);
    expect(j.summary.overdue).toBe(2);
    const o = await json(inTitle, '--as-of', '2021-04-20');
    expect([o.asOf, o.asOfSource]).toEqual(['2021-04-20', { kind: 'option', sheet: null, cell: null, text: null }]);
    expect(o.findings.map((f) => f.code)).not.toContain('as_of_from_workbook');
  });

  it('prints where the date came from, in both languages', async () => {
    const es = await run('check', inTitle, '--lang', 'es');
    expect(es.stdout.split('\n')[0]).toBe('Fecha de corte: 2021-05-31 (tomada de Plan!A1: «Matriz de seguimiento — Corte: 31 de mayo de 2021»)');
    const en = await run('check', inCell, '--lang', 'en');
    expect(en.stdout.split('\n')[0]).toBe('As of: 2021-05-31 (taken from Plan!C2: “Fecha de corte: 2021-05-31”)');
    const today = await run('check', none, '--lang', 'en');
    expect(today.stdout.split('\n')[0]).toBe('As of: 2026-03-01 (today: the workbook states none; use --as-of to choose one)');
  });
});

describe('a milestone tracker and an English management response, from .xlsx files', () => {
  it('reads commitment, institution and milestone number columns', async () => {
    const file = write('hitos.xlsx', [
      ['Compromiso', 'Institución responsable', 'N° hito', 'Hito', 'Periodo', 'Nivel de cumplimiento'],
      ['Compromiso 1: Datos abiertos', 'MINTEL', 1, 'Diagnóstico', 'jun 2020', 'Completo'],
      [null, null, 2, 'Política aprobada', 'dic 2020', 'Sustancial'],
      ['Compromiso 2: Portal', 'Planifica Ecuador', 1, 'Rediseño', 'mar 2021', 'Limitado'],
    ]);
    const j = await json(file, '--as-of', '2021-05-31');
    expect(j.tables[0]!.columns).toEqual({ recommendation: 'A', responsible: 'B', id: 'C', action: 'D', deadline: 'E', status: 'F' });
    expect(j.tables[0]!.actions.map((a) => [a.id, a.recommendation, a.responsible])).toEqual([
      ['1', '1', 'MINTEL'],
      ['2', '1', 'MINTEL'],
      ['1', '2', 'Planifica Ecuador'],
    ]);
    expect(j.findings.map((f) => f.code)).toEqual(['overdue', 'overdue']);
  });

  it('reads "Recommendation N:" blocks without false missing-header findings', async () => {
    const file = write('mr.xlsx', [
      ['Management Response to the Final Evaluation'],
      ['Report date: 15 Oct 2023'],
      ['Recommendation 1: Strengthen the M&E system.'],
      ['Management response: Accepted.'],
      ['Key action', 'Due date', 'Responsible', 'Status'],
      ['1.1 Results framework', '30/06/2023', 'UNDP', 'Completed'],
      ['1.2 Field training', '30/09/2023', 'UNICEF', 'Initiated'],
      ['Recommendation 2: Improve coordination.'],
      ['Management response: Partially accepted.'],
      ['Key action', 'Due date', 'Responsible', 'Status'],
      ['2.1 Joint work plan', '31/12/2023', 'RCO', 'Not initiated'],
    ]);
    const j = await json(file);
    expect(j.asOf).toBe('2023-10-15');
    expect(j.tables[0]!.blocks.map((b) => [b.recommendation, b.recommendationText, b.response])).toEqual([
      ['1', 'Strengthen the M&E system.', 'Accepted.'],
      ['2', 'Improve coordination.', 'Partially accepted.'],
    ]);
    expect(j.tables[0]!.actions.map((a) => [a.id, a.recommendation, a.overdue])).toEqual([
      ['1.1', '1', false],
      ['1.2', '1', true],
      ['2.1', '2', false],
    ]);
    expect(j.findings.map((f) => f.code)).toEqual(['as_of_from_workbook', 'deadline_as_text', 'overdue', 'deadline_as_text', 'deadline_as_text']);
  });
});

describe('tablero export takes the stated cut-off too', () => {
  it('uses the workbook’s date when no --as-of is given', async () => {
    const file = write('export-corte.xlsx', [['Corte: 31 de mayo de 2021'], HEADER, ...ACTIONS]);
    const out = path.join(tmp, 'export-corte-out.xlsx');
    const r = await run('export', file, '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    const about = readXlsx(new Uint8Array(fs.readFileSync(out))).sheets.find((s) => s.name === 'About')!;
    const row = about.rows.find((x) => x[0] === 'As of');
    expect(JSON.stringify(row?.[1])).toMatch(/2021-05-31|44347/);
  });
});
