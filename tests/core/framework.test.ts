// Results frameworks in the engine: header words, value and period forms, the rules (periods to date,
// accumulation, % met, bands), findings, actuals from the records, and check.ts leaving frameworks out.
import { checkWorkbook } from '../../src/core/check';
import { checkFrameworks, type FrameworkIndicator } from '../../src/core/framework';
import { resultType } from '../../src/core/framework/iati';
import { anchorNumberedPeriod, bandOf, percentMet, readValue, sameAnswer, toDateRule } from '../../src/core/framework/rules';
import { findingMessage, type Lang } from '../../src/core/i18n';
import { formatPercent } from '../../src/core/i18n/format-percent';
import {
  FRAMEWORK_HEADERS,
  frameworkRoleOf,
  isBudgetWord,
  isPercentUnit,
  isQualitativeUnit,
  parseAccumulation,
  parseDirection,
  recordsMeasureOf,
  valueWithPeriod,
} from '../../src/core/framework/vocab';
import { dateCell, type Cell } from '../../src/core/grid';
import { isoToSerial } from '../../src/core/dates';
import { book, sheet, topLeft } from '../helpers/grids';

describe('header words (es, en, pt)', () => {
  it.each([
    ['N°', 'id'], ['Código', 'id'], ['No.', 'id'],
    ['Indicador', 'indicator'], ['Indicator', 'indicator'], ['Nome do indicador', 'indicator'], ['Performance indicator', 'indicator'],
    ['Componente', 'component'], ['Level', 'component'], ['Eixo', 'component'],
    ['Unidad de medida', 'unit'], ['Unit of measure', 'unit'], ['Unidade de medida', 'unit'],
    ['Sentido', 'direction'], ['Change (+/-)', 'direction'], ['Polaridade', 'direction'],
    ['Acumulación', 'accumulation'], ['C / NC', 'accumulation'], ['Cumulative', 'accumulation'],
    ['# / %', 'numberKind'],
    ['Línea base (2014)', 'baseline'], ['Baseline', 'baseline'], ['Linha de base', 'baseline'],
    ['Meta final 2019', 'finalTarget'], ['LoP Target', 'finalTarget'], ['Meta final', 'finalTarget'],
    ['Fuente de verificación', 'source'], ['Medio de verificación', 'source'], ['Means of verification', 'source'], ['Fonte', 'source'],
    ['Comentarios / explicación de desviaciones', 'comments'], ['Explanation of deviations', 'comments'], ['Observações', 'comments'],
    ['Meta', 'target'], ['Target', 'target'], ['Real', 'actual'], ['Logro', 'actual'], ['Avance', 'actual'],
    ['Valor alcanzado', 'actual'], ['Actual', 'actual'], ['Realizado', 'actual'], ['% Met', 'percentMet'], ['% de cumplimiento', 'percentMet'],
  ])('%s names %s', (text, role) => {
    expect(frameworkRoleOf(text)).toBe(role);
  });

  it('every indicator header word holds "indic" (the recogniser rules rows out on it before reading them)', () => {
    expect(FRAMEWORK_HEADERS.indicator.filter((w) => !/indic/i.test(w))).toEqual([]);
  });

  it.each(['Acciones clave', 'Plazo', 'Responsable', 'Previsto', 'Executado', '2017', 'Cobertura de agua', 'Estado', '', 'Meta 2021'])(
    '%j names no fixed role',
    (text) => {
      expect(frameworkRoleOf(text)).toBeNull();
    },
  );

  it.each([
    ['Meta 2021', 'target', '2021'],
    ['Realizado 2021', 'actual', '2021'],
    ['2021 Target', 'target', '2021'],
    ['Target Q1 2023', 'target', 'Q1 2023'],
    ['Logro T2 2024', 'actual', 'T2 2024'],
    ['% Met FY2023', 'percentMet', 'FY2023'],
  ])('%s is a %s for %s', (text, role, period) => {
    expect(valueWithPeriod(text)).toEqual({ role, period });
  });

  it.each(['Meta', 'Indicador 2021', 'Metas', 'Línea base 2014'])('%j has no period inline', (text) => {
    expect(valueWithPeriod(text)).toBeNull();
  });

  it.each([['Previsto', true], ['Executado', true], ['Presupuesto', true], ['Meta', false], ['Real', false]])('budget word %s: %s', (w, yes) => {
    expect(isBudgetWord(w)).toBe(yes);
  });
});

describe('cell words', () => {
  it.each([
    ['Ascendente', 'increase'], ['Descendente', 'decrease'], ['+', 'increase'], ['-', 'decrease'], ['Increase', 'increase'],
    ['Quanto maior, melhor', 'increase'], ['Quanto menor, melhor', 'decrease'], ['Lower is better', 'decrease'], ['Neutral', null], ['', null],
  ])('direction %j → %s', (text, dir) => {
    expect(parseDirection(text)).toBe(dir);
  });

  it.each([
    ['Acumulado', 'cumulative'], ['C', 'cumulative'], ['No acumulado', 'flow'], ['NC', 'flow'], ['Non-cumulative', 'flow'],
    ['Último valor', 'latest'], ['Latest value', 'latest'], ['', 'unspecified'], ['Anual acumulable?', 'unspecified'],
  ])('accumulation %j → %s', (text, kind) => {
    expect(parseAccumulation(text)).toBe(kind);
  });

  it.each([['%', true], ['Porcentaje', true], ['% de viviendas', true], ['Percent', true], ['Número', false], ['Días', false], ['#', false]])(
    'unit %j is a percentage: %s',
    (u, yes) => {
      expect(isPercentUnit(u)).toBe(yes);
    },
  );

  it.each([['Sí/No', true], ['Yes/No', true], ['Sim/Não', true], ['%', false], ['Número', false]])('unit %j is qualitative: %s', (u, yes) => {
    expect(isQualitativeUnit(u)).toBe(yes);
  });

  it.each([
    ['Cobertura de agua (% de viviendas con servicio)', 'water_coverage'],
    ['Cobertura de saneamiento (% de viviendas)', 'sanitation_coverage'],
    ['Households with access to safe water', 'water_coverage'],
    ['Prestadores en categoría SIASAR A o B', 'providers_ab'],
    ['Providers in SIASAR category A', 'providers_a'],
    ['Sistemas de agua en categoría SIASAR A', 'systems_a'],
    ['Sistemas en categoría A/B', 'systems_ab'],
    ['Muestras bacteriológicas aptas', 'bacteriological'],
    ['Sistemas con cloración', 'chlorination'],
    ['Escuelas con agua y saneamiento', 'schools_wash'],
    ['Nuevas conexiones domiciliarias de agua', null],
    ['Cobertura de agua potable y saneamiento', null],
    ['Prestadores cuya tarifa cubre operación y mantenimiento', null],
    ['Municipios con unidad municipal de APS funcionando', null],
  ])('%s → %s', (text, measure) => {
    expect(recordsMeasureOf(text)).toBe(measure);
  });
});

describe('rules', () => {
  it.each([
    [82, 84.1, 'increase', null, 84.1 / 82],
    [22, 24, 'decrease', 30, 0.75],
    [10.5, 10.4, 'decrease', 12, 1.6 / 1.5],
    [20, 25, 'decrease', null, 0.8],
    [0, 5, 'increase', null, null],
    [30, 28, 'decrease', 30, null],
  ] as const)('target %d, actual %d, %s, baseline %s → %s', (target, actual, dir, base, expected) => {
    const p = percentMet(target, actual, dir, base);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(expected, 12);
  });

  it.each([
    [0.85, 'on_track'], [0.8499996, 'under'], [1.15, 'on_track'], [1.1500004, 'over'], [1, 'on_track'], [0, 'under'], [null, 'no_data'],
  ] as const)('TolaData: %s → %s (decided unrounded)', (p, band) => {
    expect(bandOf(p)).toBe(band);
  });

  it.each([
    [0.95, 'on_track'], [1.05, 'on_track'], [0.949, 'at_risk'], [1.06, 'at_risk'], [0.85, 'at_risk'], [1.15, 'at_risk'], [0.84, 'under'], [1.16, 'over'],
  ] as const)('semáforo: %s → %s', (p, band) => {
    expect(bandOf(p, 'semaforo')).toBe(band);
  });

  it.each([
    ['11,5', 'count', { number: 11.5, text: '11,5', blank: false, fromText: true }],
    ['n/d', 'count', { number: null, text: 'n/d', blank: false, fromText: false }],
    ['—', 'count', { number: null, text: '—', blank: false, fromText: false }],
    ['  ', 'count', { number: null, text: '', blank: true, fromText: false }],
    [null, 'count', { number: null, text: '', blank: true, fromText: false }],
    [12, 'count', { number: 12, text: '12', blank: false, fromText: false }],
    ['1.500', 'count', { number: 1500, text: '1.500', blank: false, fromText: true }],
    ['1.500', 'fraction', { number: 1.5, text: '1.500', blank: false, fromText: true }],
    ['Sí', 'count', { number: null, text: 'Sí', blank: false, fromText: false }],
  ] as const)('reads %j (%s)', (cell, kind, read) => {
    expect(readValue(cell, kind)).toEqual(read);
  });

  it.each([
    ['flow', 'unit', 'sum'], ['flow', 'percentage', 'latest'], ['cumulative', 'unit', 'latest'], ['latest', 'unit', 'latest'],
    ['unspecified', 'unit', 'latest'], ['flow', 'qualitative', 'latest'],
  ] as const)('%s %s → %s', (kind, measure, rule) => {
    expect(toDateRule(kind, measure)).toBe(rule);
  });

  it.each([['Sí', 'Yes', true], ['si', 'Sí', true], ['No', 'Sí', false], ['Aprobada', 'aprobada', true], ['Aprobada', 'En trámite', false]])(
    '%s and %s are the same answer: %s',
    (a, b, same) => {
      expect(sameAnswer(a, b)).toBe(same);
    },
  );
});

// A small framework: one header row with inline periods, three indicators.
const HEAD: Cell[] = ['N°', 'Indicador', 'Unidad de medida', 'Sentido', 'Acumulación', 'Línea base', 'Meta 2016', 'Real 2016', 'Meta 2017', 'Real 2017', 'Meta final', 'Comentarios'];

function run(rows: Cell[][], asOf = '2018-01-15', extra: ReturnType<typeof sheet>[] = [], scheme?: 'semaforo') {
  return checkFrameworks(book(sheet('Marco', rows), ...extra), { asOf, bandScheme: scheme });
}

function only(rows: Cell[][], asOf?: string, extra?: ReturnType<typeof sheet>[]): FrameworkIndicator {
  const res = run(rows, asOf, extra);
  expect(res.frameworks).toHaveLength(1);
  return res.frameworks[0]!.indicators[0]!;
}

describe('periods and accumulation', () => {
  const flow: Cell[] = ['1', 'Conexiones nuevas', 'Número', 'Ascendente', 'No acumulado', null, 100, 90, 100, 95, 200, null];

  it('a period has ended when its last day is before the as-of date', () => {
    const before = run([HEAD, flow], '2017-12-31').frameworks[0]!;
    expect(before.periods.map((p) => p.ended)).toEqual([true, false]);
    expect(before.latestEndedPeriod).toBe('2016');
    const after = run([HEAD, flow], '2018-01-01').frameworks[0]!;
    expect(after.periods).toEqual([
      { label: '2016', start: '2016-01-01', end: '2016-12-31', ended: true },
      { label: '2017', start: '2017-01-01', end: '2017-12-31', ended: true },
    ]);
  });

  it('flows sum the ended targets and actuals', () => {
    const i = only([HEAD, flow]);
    expect([i.targetToDate, i.actualToDate, i.percentMet, i.band]).toEqual([200, 185, 0.925, 'on_track']);
    const early = only([HEAD, flow], '2017-06-30');
    expect([early.targetToDate, early.actualToDate, early.percentMet]).toEqual([100, 90, 0.9]);
  });

  it('cumulative figures take the latest ended period', () => {
    const i = only([HEAD, ['1', 'Municipios con plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 8, 20, 15, 20, null]]);
    expect([i.targetToDate, i.actualToDate, i.percentMet, i.band]).toEqual([20, 15, 0.75, 'under']);
  });

  it('percentages take the latest ended period even when marked non-cumulative', () => {
    const i = only([HEAD, ['1', 'Tasa de cobro', '%', 'Ascendente', 'No acumulado', 50, 60, 58, 70, 72, 70, null]]);
    expect([i.targetToDate, i.actualToDate, i.accumulationKind]).toEqual([70, 72, 'flow']);
  });

  it('when the sheet does not say, the latest ended period is compared, and it says so', () => {
    const i = only([HEAD, ['1', 'Talleres', 'Número', 'Ascendente', '', null, 10, 9, 12, 12, 12, null]]);
    expect([i.targetToDate, i.actualToDate, i.accumulationKind, i.accumulation]).toEqual([12, 12, 'unspecified', null]);
    expect(i.notes).toEqual(['accumulation_unspecified']);
  });

  it('no period ended: no data, no missing actual', () => {
    const res = run([HEAD, flow], '2016-06-30');
    expect(res.frameworks[0]!.indicators[0]!.band).toBe('no_data');
    expect(res.frameworks[0]!.indicators[0]!.notes).toEqual(['no_period_ended']);
    expect(res.findings.filter((f) => f.code === 'missing_actual')).toEqual([]);
  });
});

describe('numbered periods ("Año 1", "Year 2") dated from the baseline year', () => {
  it.each([
    ['Año 1', '2016', { start: '2017-01-01', end: '2017-12-31' }],
    ['Year 2', '2016', { start: '2018-01-01', end: '2018-12-31' }],
    ['Ano 3', '2020', { start: '2023-01-01', end: '2023-12-31' }],
    ['Semestre 3', '2016', { start: '2018-01-01', end: '2018-06-30' }],
    ['Trimestre 5', '2016', { start: '2018-01-01', end: '2018-03-31' }],
    ['Q2', '2022', { start: '2023-04-01', end: '2023-06-30' }],
    ['Mes 14', '2016', { start: '2018-02-01', end: '2018-02-28' }],
  ])('%s after a %s baseline → %j', (label, year, dates) => {
    expect(anchorNumberedPeriod(label, year)).toEqual(dates);
  });

  it.each([
    ['Año 1', null],
    ['Año 0', '2016'],
    ['2017', '2016'],
    ['Fase A', '2016'],
    ['Año uno', '2016'],
    ['Trimestre 5 del proyecto', '2016'],
  ])('%j with baseline year %j stays undated', (label, year) => {
    expect(anchorNumberedPeriod(label, year)).toBeNull();
  });

  const rows = (baseline: string): Cell[][] => [
    ['N°', 'Indicador', 'Unidad', baseline, 'Año 1', null, 'Año 2', null],
    [null, null, null, null, 'Meta', 'Real', 'Meta', 'Real'],
    ['1', 'Conexiones', 'Número', 5, 10, 9, 10, 4],
  ];

  it('"Línea base 2016": Año 1 is 2017 and ends with it; the indicator is banded on it', () => {
    const res = checkFrameworks(book(sheet('M', rows('Línea base 2016'), { merges: ['E1:F1', 'G1:H1'] })), { asOf: '2018-02-01' });
    expect(res.frameworks[0]!.periods).toEqual([
      { label: 'Año 1', start: '2017-01-01', end: '2017-12-31', ended: true },
      { label: 'Año 2', start: '2018-01-01', end: '2018-12-31', ended: false },
    ]);
    expect([res.frameworks[0]!.latestEndedPeriod, res.frameworks[0]!.indicators[0]!.percentMet, res.frameworks[0]!.indicators[0]!.band]).toEqual(['Año 1', 0.9, 'on_track']);
    expect(res.findings.filter((f) => f.code === 'undated_periods')).toEqual([]);
  });

  it.each([
    ['inline', [['Indicator', 'Baseline 2020', 'Year 1 Target', 'Year 1 Actual', 'Year 2 Target', 'Year 2 Actual'], ['Trained', 5, 5, 5, 5, 4]], []],
    ['under the value words', [['Indicador', 'Línea base 2020', 'Meta', null, 'Real', null], [null, null, 'Año 1', 'Año 2', 'Año 1', 'Año 2'], ['Conexiones', 1, 5, 5, 5, 4]], ['C1:D1', 'E1:F1']],
  ] as [string, Cell[][], string[]][])('numbered periods %s are read and dated too', (_name, rows, merges) => {
    const fw = checkFrameworks(book(sheet('M', rows, { merges })), { asOf: '2022-02-01' }).frameworks[0]!;
    expect(fw.periods.map((p) => [p.start, p.end, p.ended])).toEqual([['2021-01-01', '2021-12-31', true], ['2022-01-01', '2022-12-31', false]]);
    expect([fw.latestEndedPeriod, fw.indicators[0]!.percentMet]).toEqual([rows.length === 2 ? 'Year 1' : 'Año 1', 1]);
  });

  it('a plan of actions that tracks an indicator\'s "Meta Año 1" stays a plan', () => {
    const rows: Cell[][] = [
      ['N°', 'Acción', 'Indicador', 'Meta Año 1', 'Avance', 'Responsable', 'Plazo', 'Estado'],
      ['1', 'Capacitar', 'Personas', 10, 5, 'UCP', '2017-03-31', 'En curso'],
    ];
    const res = checkWorkbook(book(sheet('M', rows)), { asOf: '2018-02-01' });
    expect([res.tables.length, res.frameworks?.frameworks.length ?? 0]).toEqual([1, 0]);
  });

  it('without a baseline year they stay undated, never end, and a finding says so at the first one', () => {
    const res = checkFrameworks(book(sheet('M', rows('Línea base'), { merges: ['E1:F1', 'G1:H1'] })), { asOf: '2030-01-01' });
    expect(res.frameworks[0]!.periods.map((p) => [p.label, p.end, p.ended])).toEqual([['Año 1', null, false], ['Año 2', null, false]]);
    expect(res.frameworks[0]!.indicators[0]!.band).toBe('no_data');
    expect(res.findings.map((f) => [f.code, f.severity, f.cell, f.params])).toEqual([['undated_periods', 'info', 'E1', { periods: 'Año 1, Año 2', count: 2 }]]);
    expect(findingMessage(res.findings[0]!, 'en')).toMatch(/^The periods Año 1, Año 2 have no dates: none counts as ended\./);
  });
});

describe('percentages in the reader\'s number form', () => {
  it.each([
    [1.236363, 'es', '123,6\u00a0%'],
    [1.236363, 'en', '123.6%'],
    [0.75, 'es', '75\u00a0%'],
    [0.75, 'en', '75%'],
    [null, 'es', '—'],
  ])('%s in %s → %j', (p, lang, text) => {
    expect(formatPercent(p, lang as Lang)).toBe(text);
  });

  it('off_track_unexplained says its % met with a decimal comma in Spanish', () => {
    const res = checkFrameworks(book(sheet('M', [HEAD, ['1', 'Plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 8, 20, 24.7, 20, null]])), { asOf: '2018-02-01' });
    const f = res.findings.find((x) => x.code === 'off_track_unexplained')!;
    expect(f.params).toMatchObject({ band: 'over', percent: '123.5%', ratio: 1.235 });
    expect(findingMessage(f, 'es')).toContain('(123,5\u00a0% de su meta)');
    expect(findingMessage(f, 'en')).toContain('(123.5% of its target)');
  });
});

describe('findings', () => {
  const codes = (rows: Cell[][], asOf?: string) => run(rows, asOf).findings.map((f) => [f.code, f.cell]);

  it('missing_actual: each ended period with a blank or non-numeric actual', () => {
    expect(codes([HEAD, ['1', 'Conexiones', 'Número', 'Ascendente', 'No acumulado', null, 100, null, 100, 'n/d', 200, 'x']])).toEqual([
      ['missing_actual', 'H2'],
      ['missing_actual', 'J2'],
    ]);
    // A flow with any ended actual missing has no data.
    expect(only([HEAD, ['1', 'Conexiones', 'Número', 'Ascendente', 'No acumulado', null, 100, null, 100, 95, 200, 'x']]).band).toBe('no_data');
  });

  it('off_track_unexplained: under or over with an empty comment, at the comment cell', () => {
    expect(codes([HEAD, ['1', 'Plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 8, 20, 15, 20, null]])).toEqual([['off_track_unexplained', 'L2']]);
    expect(codes([HEAD, ['1', 'Plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 8, 20, 15, 20, 'Retraso por lluvias']])).toEqual([]);
    expect(codes([HEAD, ['1', 'Plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 8, 20, 30, 20, null]])).toEqual([['off_track_unexplained', 'L2']]);
    expect(codes([HEAD, ['1', 'Plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 8, 20, 19, 20, null]])).toEqual([]);
  });

  it('final_target_mismatch: flows against the sum of period targets, others against the last one', () => {
    expect(codes([HEAD, ['1', 'Conexiones', 'Número', 'Ascendente', 'No acumulado', null, 100, 90, 100, 95, 250, null]])).toEqual([['final_target_mismatch', 'K2']]);
    expect(codes([HEAD, ['1', 'Conexiones', 'Número', 'Ascendente', 'No acumulado', null, 100, 90, 100, 95, 200, null]])).toEqual([]);
    expect(codes([HEAD, ['1', 'Plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 9, 20, 19, 20, null]])).toEqual([]);
    expect(codes([HEAD, ['1', 'Plan', 'Número', 'Ascendente', 'Acumulado', 0, 10, 9, 20, 19, 30, null]])).toEqual([['final_target_mismatch', 'K2']]);
    // 0.1 + 0.2 is 0.3 here.
    expect(codes([HEAD, ['1', 'Monto', 'Millones', 'Ascendente', 'No acumulado', null, 0.1, 0.1, 0.2, 0.2, 0.3, null]])).toEqual([]);
  });

  it('number_as_text: read with its decimal comma, noted, at the cell', () => {
    const res = run([HEAD, ['1', 'Inversión', 'Millones', 'Ascendente', 'No acumulado', null, 10, '11,5', 12, 12, 22, null]]);
    expect(res.findings.map((f) => [f.code, f.cell, f.severity, f.params])).toEqual([
      ['number_as_text', 'H2', 'info', { column: 'Real 2016', count: 1, text: '11,5', value: 11.5 }],
    ]);
    expect(res.frameworks[0]!.indicators[0]!.actualToDate).toBe(23.5);
    expect(res.frameworks[0]!.indicators[0]!.notes).toEqual(['decimal_comma']);
  });

  it.each([
    ['points', 80, '81%', 81],
    ['fraction', 0.8, '81%', 0.81],
  ] as const)('a percentage typed as text in a framework kept in %s (targets %d): %s reads %d', (_scale, target, typed, read) => {
    const i = only([HEAD, ['1', 'Tasa', '%', 'Ascendente', 'Último valor', target, target, target, target, typed, target, 'x']]);
    expect(i.actualToDate).toBeCloseTo(read, 12);
  });

  it('qualitative: on track when the actual is the target', () => {
    const yes = only([HEAD, ['1', 'Política aprobada', 'Sí/No', 'Ascendente', 'Último valor', 'No', 'No', 'No', 'Sí', 'Si', 'Sí', null]]);
    expect([yes.measure, yes.targetToDate, yes.actualToDate, yes.percentMet, yes.band]).toEqual(['qualitative', 'Sí', 'Si', null, 'on_track']);
    const no = run([HEAD, ['1', 'Política aprobada', 'Sí/No', 'Ascendente', 'Último valor', 'No', 'No', 'No', 'Sí', 'No', 'Sí', null]]);
    expect(no.frameworks[0]!.indicators[0]!.band).toBe('under');
    expect(no.findings.map((f) => f.code)).toEqual(['off_track_unexplained']);
  });
});

describe('layouts', () => {
  const two = [
    ['N°', 'Indicador', 'Unidad', 'Línea base', 2016, null, 2017, null, 'Comentarios'],
    [null, null, null, null, 'Meta', 'Real', 'Meta', 'Real', null],
    topLeft('Componente 1: Agua', 9),
    ['1.1', 'Conexiones', 'Número', null, 5, 5, 5, 4, null],
  ] as Cell[][];

  it.each([
    ['merged bands (Excel form)', ['E1:F1', 'G1:H1', 'A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'I1:I2', 'A3:I3']],
    ['unmerged bands (label over the first column of each pair)', []],
  ])('two header rows, periods over Meta | Real: %s', (_name, merges) => {
    const res = checkFrameworks(book(sheet('M', two, { merges })), { asOf: '2018-02-01' });
    const fw = res.frameworks[0]!;
    expect(fw.headerRows).toEqual([1, 2]);
    expect(fw.periods.map((p) => [p.label, p.end])).toEqual([['2016', '2016-12-31'], ['2017', '2017-12-31']]);
    expect(fw.indicators.map((i) => [i.id, i.component, i.cells.targets, i.cells.actuals, i.band])).toEqual([
      ['1.1', 'Componente 1: Agua', ['E4', 'G4'], ['F4', 'H4'], 'under'],
    ]);
  });

  it('target words over periods (the band the other way up), quarters, semesters and months', () => {
    const rows: Cell[][] = [
      ['Indicator', 'Target', null, null, 'Actual', null, null],
      [null, 'Q1 2023', 'S2 2023', 'Jan 2024', 'Q1 2023', 'S2 2023', 'Jan 2024'],
      ['Trained staff', 10, 20, 5, 10, 18, null],
    ];
    const fw = checkFrameworks(book(sheet('M', rows, { merges: ['B1:D1', 'E1:G1'] })), { asOf: '2024-01-10' }).frameworks[0]!;
    expect(fw.periods).toEqual([
      { label: 'Q1 2023', start: '2023-01-01', end: '2023-03-31', ended: true },
      { label: 'S2 2023', start: '2023-07-01', end: '2023-12-31', ended: true },
      { label: 'Jan 2024', start: '2024-01-01', end: '2024-01-31', ended: false },
    ]);
    expect(fw.indicators[0]!.cells).toEqual({ indicator: 'A3', targets: ['B3', 'C3', 'D3'], actuals: ['E3', 'F3', 'G3'] });
    expect(fw.indicators[0]!.percentMet).toBe(0.9);
  });

  it('real dates over the pairs (a cut-off day per period)', () => {
    const rows: Cell[][] = [
      ['Indicador', dateCell(isoToSerial('2017-06-30')), null, dateCell(isoToSerial('2017-12-31')), null],
      [null, 'Meta', 'Real', 'Meta', 'Real'],
      ['Conexiones', 10, 9, 20, 19],
    ];
    const fw = checkFrameworks(book(sheet('M', rows, { merges: ['B1:C1', 'D1:E1'] })), { asOf: '2017-12-31' }).frameworks[0]!;
    expect(fw.periods).toEqual([
      { label: '2017-06-30', start: '2017-06-30', end: '2017-06-30', ended: true },
      { label: '2017-12-31', start: '2017-12-31', end: '2017-12-31', ended: false },
    ]);
  });

  it('components as a column, filled down', () => {
    const rows: Cell[][] = [
      ['Componente', 'Indicador', 'Meta 2020', 'Logro 2020'],
      ['Agua', 'Conexiones', 10, 10],
      [null, 'Sistemas', 5, 5],
      ['Saneamiento', 'Letrinas', 8, 2],
    ];
    const fw = checkFrameworks(book(sheet('M', rows)), { asOf: '2021-01-01' }).frameworks[0]!;
    expect(fw.indicators.map((i) => [i.text, i.component, i.band])).toEqual([
      ['Conexiones', 'Agua', 'on_track'],
      ['Sistemas', 'Agua', 'on_track'],
      ['Letrinas', 'Saneamiento', 'under'],
    ]);
  });

  it.each([
    ['a budget with Previsto / Executado', [['Indicador', 'Previsto 2021', 'Executado 2021'], ['Obras', 100, 80]]],
    ['a budget with Rubrica', [['Rubrica', 'Indicador', 'Meta 2021', 'Real 2021'], ['Obras', 'x', 100, 80]]],
    ['a table without an indicator column', [['Actividad', 'Meta 2021', 'Real 2021'], ['Obras', 100, 80]]],
    ['indicators without targets or actuals', [['Indicador', 'Fuente', 'Comentarios'], ['Cobertura', 'SIASAR', 'x']]],
    ['indicators with targets only', [['Indicador', 'Meta 2021', 'Meta 2022'], ['Cobertura', 80, 85]]],
    ['a plan of actions tracking an indicator, with no periods', [['Acción', 'Indicador', 'Meta', 'Avance', 'Responsable', 'Plazo'], ['Capacitar', 'Personas', 100, 50, 'UGP', '2022-06-30']]],
  ])('%s is not a framework', (_name, rows) => {
    expect(checkFrameworks(book(sheet('B', rows as Cell[][])), { asOf: '2022-01-01' }).frameworks).toEqual([]);
  });

  it('our own sheets are never read', () => {
    expect(checkFrameworks(book(sheet('Indicadores', [HEAD, ['1', 'X', 'Número', '+', 'C', 0, 1, 1, 2, 2, 2, null]], { ours: true })), { asOf: '2018-02-01' }).frameworks).toEqual([]);
  });
});

describe('actuals from the records', () => {
  const communities = sheet('Comunidades', [
    ['Departamento', 'Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua'],
    ['D', 'M1', 'C1', 100, 80],
    ['D', 'M1', 'C2', 100, 86],
  ]);
  const row = (actual: Cell, b = 70, t = 80): Cell[] => ['1', 'Cobertura de agua (%)', '%', 'Ascendente', 'Último valor', b, t, 75, t, actual, t, 'x'];

  it('fill the latest ended actual when its cell is blank, in the framework scale (points)', () => {
    const i = only([HEAD, row(null)], undefined, [communities]);
    expect([i.actualToDate, i.actualSource, i.records, i.scale, i.notes]).toEqual([83, 'records', { measure: 'water_coverage', value: 83 }, 'points', ['records_latest_period']]);
  });

  it('in fractions when the framework keeps fractions', () => {
    const i = only([HEAD, ['1', 'Cobertura de agua (%)', '%', 'Ascendente', 'Último valor', 0.7, 0.8, 0.75, 0.8, null, 0.8, 'x']], undefined, [communities]);
    expect([i.actualToDate, i.scale]).toEqual([0.83, 'fraction']);
  });

  it.each([
    [83.4, []],
    [83.5, []],
    [83.6, [['actual_differs_from_records', 'J2']]],
    [82.4, [['actual_differs_from_records', 'J2']]],
  ])('typed %d against 83 from the records → %j', (typed, expected) => {
    const res = run([HEAD, row(typed)], undefined, [communities]);
    expect(res.findings.map((f) => [f.code, f.cell])).toEqual(expected);
    expect(res.frameworks[0]!.indicators[0]!.actualSource).toBe('typed');
  });

  it('without record sheets a blank actual is missing', () => {
    const res = run([HEAD, row(null)]);
    expect(res.findings.map((f) => [f.code, f.cell])).toEqual([['missing_actual', 'J2']]);
    expect(res.frameworks[0]!.indicators[0]!.records).toEqual({ measure: 'water_coverage', value: null });
  });
});

describe('check.ts never reports a framework as an action table', () => {
  const fw: Cell[][] = [
    ['No.', 'Indicator', 'Key action', 'Responsible', 'Target 2022', 'Actual 2022', 'Comments'],
    ['1', 'People trained', 'Training', 'Ministry', 100, 90, null],
    ['2', 'Manuals printed', 'Printing', 'Ministry', 10, 10, null],
  ];

  it('a framework whose header also names actions is left out cleanly (no no_table either)', () => {
    const res = checkWorkbook(book(sheet('IPTT', fw)), { asOf: '2023-02-01' });
    expect(res.tables).toEqual([]);
    expect(res.findings).toEqual([]);
    expect(checkFrameworks(book(sheet('IPTT', fw)), { asOf: '2023-02-01' }).frameworks[0]!.indicators).toHaveLength(2);
  });

  it('the check carries the frameworks, their findings joined to its own, and the band scheme it was given', () => {
    const rows: Cell[][] = [...fw, ['3', 'Wells drilled', 'Drilling', 'Ministry', 10, 5, null]];
    const res = checkWorkbook(book(sheet('IPTT', rows)), { asOf: '2023-02-01', bandScheme: 'semaforo' });
    expect(res.frameworks?.frameworks.map((f) => [f.bandScheme, f.indicators.map((i) => i.band)])).toEqual([['semaforo', ['at_risk', 'on_track', 'under']]]);
    expect(res.findings.map((f) => [f.code, f.cell])).toEqual([['off_track_unexplained', 'G4']]);
    expect(checkWorkbook(book(sheet('Plan', [['Acción', 'Plazo'], ['Hacer', '2022-01-01']])), { asOf: '2023-02-01' }).frameworks).toBeUndefined();
  });

  it('a plan of actions that tracks an indicator without periods stays a plan', () => {
    const plan: Cell[][] = [['Acción', 'Indicador', 'Meta', 'Avance', 'Responsable', 'Plazo'], ['Capacitar', 'Personas', 100, 50, 'UGP', '2022-06-30']];
    const res = checkWorkbook(book(sheet('Plan', plan)), { asOf: '2023-02-01' });
    expect(res.tables.map((t) => t.actions.map((a) => a.text))).toEqual([['Capacitar']]);
    expect(res.frameworks).toBeUndefined();
  });

  it('an action table above a framework ends where the framework starts', () => {
    const plan: Cell[][] = [
      ['N°', 'Acción', 'Plazo', 'Responsable', 'Estado'],
      ['1', 'Contratar consultor', '2022-06-30', 'UGP', 'Completada'],
      ['2', 'Publicar informe', '2022-09-30', 'UGP', 'En curso'],
      [],
      ...fw,
    ];
    const res = checkWorkbook(book(sheet('Plan', plan)), { asOf: '2023-02-01' });
    expect(res.tables.map((t) => [t.range, t.actions.map((a) => a.id)])).toEqual([['A1:E3', ['1', '2']]]);
  });
});

describe('IATI result types from the component words', () => {
  it.each([
    ['Output 1.1: Water committees trained', 1],
    ['Producto 2', 1],
    ['Outcome 1: Improved access', 2],
    ['Efecto intermedio', 2],
    ['Impacto', 3],
    ['Goal', 3],
    ['1. Cobertura de agua potable y saneamiento', 9],
    [null, 9],
  ] as const)('%j → %d', (component, code) => {
    expect(resultType(component)).toBe(code);
  });
});
