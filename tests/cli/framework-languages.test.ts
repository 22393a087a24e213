// Results frameworks in English (a USAID-style IPTT) and Portuguese (inline "Meta 2021" / "Realizado 2021"),
// built as real .xlsx files, through `tablero check --format json`; a budget sheet next to them is no framework.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliRunner, tempDir } from '../helpers/cli';
import { IPTT_ROWS, PT_ROWS, type Row } from '../helpers/framework-sheets';
import { makeXlsx } from '../helpers/make-xlsx';

/** A budget: "Previsto / Executado" per line, not a framework even with an indicator-like column. */
const BUDGET_ROWS: Row[] = [
  ['Rubrica', 'Indicador', 'Previsto 2022', 'Executado 2022'],
  ['Obras', 'Sistemas construídos', 100000, 80000],
];

const run = cliRunner('2023-07-15');
const dir = tempDir('tablero-fw-lang-');

interface Indicator {
  id: string | null;
  text: string;
  component: string | null;
  measure: string;
  direction: string;
  accumulationKind: string;
  targetToDate: number | string | null;
  actualToDate: number | string | null;
  percentMet: number | null;
  band: string;
  notes: string[];
}
interface Json {
  tables: unknown[];
  findings: { code: string; sheet: string; cell: string }[];
  frameworks: { sheet: string; range: string; periods: { label: string; start: string; end: string; ended: boolean }[]; latestEndedPeriod: string; indicators: Indicator[] }[];
}

async function check(name: string, sheets: { name: string; rows: Row[] }[], asOf: string): Promise<{ code: number; json: Json }> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, makeXlsx(sheets));
  const r = await run('check', file, '--as-of', asOf, '--format', 'json');
  return { code: r.code, json: JSON.parse(r.stdout) as Json };
}

const pick = (i: Indicator) => [i.id, i.measure, i.direction, i.accumulationKind, i.targetToDate, i.actualToDate, i.percentMet === null ? null : Math.round(i.percentMet * 1e6) / 1e6, i.band];

describe('an English IPTT', () => {
  let res: { code: number; json: Json };
  beforeAll(async () => {
    res = await check('iptt.xlsx', [{ name: 'IPTT', rows: IPTT_ROWS }], '2023-07-15');
  });

  it('reads the quarters over Target | Actual | % Met', () => {
    expect(res.code).toBe(0);
    expect(res.json.tables).toEqual([]);
    const fw = res.json.frameworks[0]!;
    expect(fw.range).toBe('A3:R11');
    expect(fw.periods).toEqual([
      { label: 'Q1 2023 (Jan 1 - Mar 31)', start: '2023-01-01', end: '2023-03-31', ended: true },
      { label: 'Q2 2023 (Apr 1 - Jun 30)', start: '2023-04-01', end: '2023-06-30', ended: true },
      { label: 'Q3 2023 (Jul 1 - Sep 30)', start: '2023-07-01', end: '2023-09-30', ended: false },
    ]);
    expect(fw.latestEndedPeriod).toBe('Q2 2023 (Apr 1 - Jun 30)');
  });

  it('applies the rules indicator by indicator', () => {
    const fw = res.json.frameworks[0]!;
    expect(fw.indicators.map(pick)).toEqual([
      // NC: flows sum Q1 + Q2.
      ['1', 'unit', 'increase', 'flow', 2500, 2150, 0.86, 'on_track'],
      // A percentage: the latest ended quarter.
      ['2', 'percentage', 'increase', 'cumulative', 70, 58, 0.828571, 'under'],
      // Decreasing with a baseline: (40 − 33) ÷ (40 − 30).
      ['3', 'percentage', 'decrease', 'unspecified', 30, 33, 0.7, 'under'],
      ['4', 'unit', 'increase', 'cumulative', 20, 24, 1.2, 'over'],
      // Not said: latest ended quarter against its target, with a note.
      ['5', 'unit', 'increase', 'unspecified', 40, 39, 0.975, 'on_track'],
    ]);
    expect(fw.indicators.map((i) => i.component)).toEqual([
      'Outcome 1: Improved access to WASH services',
      'Outcome 1: Improved access to WASH services',
      'Outcome 1: Improved access to WASH services',
      'Output 1.1: Water committees trained',
      'Output 1.1: Water committees trained',
    ]);
    expect(fw.indicators[4]!.notes).toEqual(['accumulation_unspecified']);
  });

  it('reports what needs explaining, at the cells', () => {
    expect(res.json.findings.map((f) => [f.code, f.cell])).toEqual([
      ['off_track_unexplained', 'R7'],
      ['off_track_unexplained', 'R10'],
      ['missing_actual', 'I11'],
    ]);
  });
});

describe('a Portuguese matrix and a budget', () => {
  let res: { code: number; json: Json };
  beforeAll(async () => {
    res = await check('pt.xlsx', [{ name: 'Matriz', rows: PT_ROWS }, { name: 'Orçamento', rows: BUDGET_ROWS }], '2023-03-01');
  });

  it('finds only the matrix', () => {
    expect(res.code).toBe(0);
    expect(res.json.frameworks.map((f) => [f.sheet, f.range])).toEqual([['Matriz', 'A2:N5']]);
    expect(res.json.frameworks[0]!.periods.map((p) => [p.label, p.ended])).toEqual([['2021', true], ['2022', true], ['2023', false]]);
  });

  it('reads polarity, components as a column and a decimal comma', () => {
    const fw = res.json.frameworks[0]!;
    expect(fw.indicators.map(pick)).toEqual([
      ['1.1', 'percentage', 'increase', 'unspecified', 80, 81.2, 1.015, 'on_track'],
      ['1.2', 'percentage', 'decrease', 'unspecified', 35, 36, 0.8, 'under'],
      ['2.1', 'unit', 'increase', 'unspecified', null, null, null, 'no_data'],
    ]);
    expect(fw.indicators.map((i) => i.component)).toEqual(['Eixo 1 — Acesso', 'Eixo 1 — Acesso', 'Eixo 2 — Gestão']);
    expect(res.json.findings.map((f) => [f.code, f.cell])).toEqual([
      ['number_as_text', 'J3'],
      ['off_track_unexplained', 'N4'],
      ['missing_actual', 'J5'],
    ]);
  });

  it('a budget alone is not checked: exit 4', async () => {
    const alone = await check('budget.xlsx', [{ name: 'Orçamento', rows: BUDGET_ROWS }], '2023-03-01');
    expect(alone.code).toBe(4);
    expect(alone.json.frameworks).toEqual([]);
  });
});
