import fc from 'fast-check';
import { MONTH_BY_WORD, parseDeadline, type DeadlineOptions, type ParsedDeadline } from '../../src/core/deadline';
import { dateCell, errorCell, type Cell } from '../../src/core/grid';
import { parseISO } from '../../src/core/dates';
import { fold } from '../../src/core/text';
import {
  FILLER_WORDS, LABEL_WORDS, LEAD_WORDS, MONTH_NAMES, ORDINAL_WORDS, PERIOD_UNITS, RANGE_WORDS,
} from '../../src/core/vocab/deadlines';

import { ECUADOR_ACTION_LINES, GOBIERNO_ABIERTO_PERIOD_LINES, GUATEMALA_QUARTER_LINES } from '../helpers/seed-lines';
const ES: DeadlineOptions = { date1904: false };
const US: DeadlineOptions = { date1904: false, dayFirst: false };
const MAC: DeadlineOptions = { date1904: true };

const date = (iso: string, text: string, fromText = true): ParsedDeadline =>
  ({ kind: 'date', date: iso, start: iso, text, fromText });
const period = (start: string, end: string, text: string, fromText = true): ParsedDeadline =>
  ({ kind: 'period', date: end, start, text, fromText });
const missing = (text: string): ParsedDeadline => ({ kind: 'missing', date: null, start: null, text, fromText: false });
const continuous = (text: string): ParsedDeadline => ({ kind: 'continuous', date: null, start: null, text, fromText: false });
const invalid = (text: string, reason: NonNullable<ParsedDeadline['reason']>): ParsedDeadline =>
  ({ kind: 'invalid', date: null, start: null, text, fromText: false, reason });

describe('real date cells', () => {
  it.each<[string, Cell, DeadlineOptions, ParsedDeadline]>([
    ['serial 40667', dateCell(40667), ES, date('2011-05-04', '2011-05-04', false)],
    ['a time of day is dropped', dateCell(40667.75), ES, date('2011-05-04', '2011-05-04', false)],
    ['serial 1', dateCell(1), ES, date('1900-01-01', '1900-01-01', false)],
    ['serial 59, the day before the phantom', dateCell(59), ES, date('1900-02-28', '1900-02-28', false)],
    ['serial 60, the phantom 29 Feb 1900', dateCell(60), ES, invalid('1900-02-29', 'phantom_day')],
    ['serial 60.5, the phantom with a time', dateCell(60.5), ES, invalid('1900-02-29', 'phantom_day')],
    ['serial 61, the day after the phantom', dateCell(61), ES, date('1900-03-01', '1900-03-01', false)],
    ['serial 0 (Excel shows 0-Jan-1900)', dateCell(0), ES, invalid('0', 'impossible_date')],
    ['a negative serial', dateCell(-3), ES, invalid('-3', 'impossible_date')],
    ['NaN', dateCell(Number.NaN), ES, invalid('NaN', 'impossible_date')],
    ['the last day Excel shows', dateCell(2958465), ES, date('9999-12-31', '9999-12-31', false)],
    ['past 9999-12-31 (Excel shows ####)', dateCell(2958466), ES, invalid('2958466', 'impossible_date')],
    ['1904 system: serial 0', dateCell(0), MAC, date('1904-01-01', '1904-01-01', false)],
    ['1904 system: serial 60 is a real day', dateCell(60), MAC, date('1904-03-01', '1904-03-01', false)],
    ['1904 system: 2011-05-04', dateCell(39205), MAC, date('2011-05-04', '2011-05-04', false)],
    ['1904 system: the last day', dateCell(2957003), MAC, date('9999-12-31', '9999-12-31', false)],
    ['1904 system: past the last day', dateCell(2957004), MAC, invalid('2957004', 'impossible_date')],
  ])('%s', (_name, cell, opts, expected) => {
    expect(parseDeadline(cell, opts)).toEqual(expected);
  });
});

describe('plain numbers, booleans and errors', () => {
  it.each<[string, Cell, DeadlineOptions, ParsedDeadline]>([
    ['a year', 2024, ES, period('2024-01-01', '2024-12-31', '2024', false)],
    ['the first year read', 1900, ES, period('1900-01-01', '1900-12-31', '1900', false)],
    ['the last year read', 2100, ES, period('2100-01-01', '2100-12-31', '2100', false)],
    ['below the years and the serials', 1899, ES, invalid('1899', 'unrecognised')],
    ['above the years, below the serials', 2101, ES, invalid('2101', 'unrecognised')],
    ['a count', 5, ES, invalid('5', 'unrecognised')],
    ['zero', 0, ES, invalid('0', 'unrecognised')],
    ['negative', -40667, ES, invalid('-40667', 'unrecognised')],
    ['a fraction in the year span', 2024.5, ES, invalid('2024.5', 'unrecognised')],
    ['a serial without a date format', 40667, ES, date('2011-05-04', '40667', false)],
    ['a serial with a time, no date format', 40667.5, ES, date('2011-05-04', '40667.5', false)],
    ['the lowest bare serial', 20000, ES, date('1954-10-03', '20000', false)],
    ['just below it', 19999, ES, invalid('19999', 'unrecognised')],
    ['the same number in a 1904 workbook', 40667, MAC, date('2015-05-05', '40667', false)],
    ['past the last serial', 2958466, ES, invalid('2958466', 'unrecognised')],
    ['infinity', Number.POSITIVE_INFINITY, ES, invalid('Infinity', 'unrecognised')],
    ['NaN', Number.NaN, ES, invalid('NaN', 'unrecognised')],
    ['TRUE', true, ES, invalid('TRUE', 'unrecognised')],
    ['FALSE', false, ES, invalid('FALSE', 'unrecognised')],
    ['#N/A', errorCell('#N/A'), ES, invalid('#N/A', 'error_value')],
    ['#REF!', errorCell('#REF!'), ES, invalid('#REF!', 'error_value')],
    ['#VALUE!', errorCell('#VALUE!'), ES, invalid('#VALUE!', 'error_value')],
  ])('%s', (_name, cell, opts, expected) => {
    expect(parseDeadline(cell, opts)).toEqual(expected);
  });
});

describe('no deadline → missing', () => {
  it.each<[Cell, string]>([
    [null, ''],
    ['', ''],
    ['   ', ''],
    ['\u00a0\n\t', ''],
    ['<p></p>', ''],
    ['-', '-'],
    ['--', '--'],
    ['—', '—'],
    ['?', '?'],
    ['...', '...'],
    ['No due date', 'No due date'],
    ['no deadline', 'no deadline'],
    ['Sin fecha', 'Sin fecha'],
    ['SIN FECHA DEFINIDA', 'SIN FECHA DEFINIDA'],
    ['Sin plazo', 'Sin plazo'],
    ['s/f', 's/f'],
    ['Sem prazo', 'Sem prazo'],
    ['Sem data definida', 'Sem data definida'],
    ['N/A', 'N/A'],
    ['n.a.', 'n.a.'],
    ['NA', 'NA'],
    ['No aplica', 'No aplica'],
    ['Não se aplica', 'Não se aplica'],
    ['Por definir', 'Por definir'],
    ['Por definir con la contraparte', 'Por definir con la contraparte'],
    ['A definir', 'A definir'],
    ['Fecha por definir', 'Fecha por definir'],
    ['Pendiente', 'Pendiente'],
    ['TBD', 'TBD'],
    ['To be determined', 'To be determined'],
    ['<p>Sin fecha</p>', 'Sin fecha'],
  ])('%j', (cell, text) => {
    expect(parseDeadline(cell, ES)).toEqual(missing(text));
  });
});

describe('continuous actions', () => {
  it.each<string>([
    'Continuo hasta el final del Programa',
    'Continuo',
    'CONTINUO.',
    'Continua',
    'Contínuo',
    'Contínua durante a execução',
    'De forma continua',
    'Permanente',
    'Permanentemente',
    'Em curso permanente',
    'En curso',
    'Ongoing',
    'Continuous',
    'Mensual',
    'Trimestral',
    'Anual',
    'Quarterly',
    'Durante todo el programa',
    'Durante toda la ejecución del Programa Conjunto',
    'A lo largo del proyecto',
    'Hasta el final del programa',
    'Fin del proyecto',
    'Ao longo do projeto',
    'Throughout the programme',
    'Until the end of the project',
  ])('%j', (s) => {
    expect(parseDeadline(s, ES)).toEqual(continuous(s));
  });

  it.each<string>(['<p>Continuo hasta el\nfinal del Programa</p>', 'Continuo hasta el\r\n final\u00a0del  Programa'])(
    'gives the text of %j on one line',
    (s) => expect(parseDeadline(s, ES)).toEqual(continuous('Continuo hasta el final del Programa')),
  );
});

describe('dates typed as text', () => {
  it.each<[string, string]>([
    ['4-May-11', '2011-05-04'],
    ['24-Aug-11', '2011-08-24'],
    ['4-ago-11', '2011-08-04'],
    ['4-Ago-2011', '2011-08-04'],
    ['17-jun-11', '2011-06-17'],
    ['1-ene-30', '1930-01-01'],
    ['1-ene-29', '2029-01-01'],
    ['5-fev-24', '2024-02-05'],
    ['5-mai-24', '2024-05-05'],
    ['5-out-24', '2024-10-05'],
    ['5-dez-24', '2024-12-05'],
    ['5-set-24', '2024-09-05'],
    ['5-sept-24', '2024-09-05'],
    ['5 dic 2024', '2024-12-05'],
    ['15/03/2024', '2024-03-15'],
    ['15/3/24', '2024-03-15'],
    ['31-12-2024', '2024-12-31'],
    ['15.03.2024', '2024-03-15'],
    ['04/05/2024', '2024-05-04'],
    ['03/15/2024', '2024-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['2024-03-15', '2024-03-15'],
    ['2024/03/15', '2024-03-15'],
    ['2024-03-15T10:30:00', '2024-03-15'],
    ['2024-03-15 00:00', '2024-03-15'],
    ['15/03/2024 3:00 p.m.', '2024-03-15'],
    ['4 de mayo de 2011', '2011-05-04'],
    ['4 de Mayo del 2011', '2011-05-04'],
    ['1° de marzo de 2024', '2024-03-01'],
    ['1ro de marzo de 2024', '2024-03-01'],
    ['lunes, 4 de mayo de 2011', '2011-05-04'],
    ['May 4, 2011', '2011-05-04'],
    ['September 30 2024', '2024-09-30'],
    ['4 May 2011', '2011-05-04'],
    ['4 de março de 2024', '2024-03-04'],
    ['hasta el 30 de junio de 2024', '2024-06-30'],
    ['antes del 30/06/2024', '2024-06-30'],
    ['Plazo: 30/06/2024', '2024-06-30'],
    ['30/06/2024 (tentativa)', '2024-06-30'],
  ])('%j → %s', (s, iso) => {
    expect(parseDeadline(s, ES)).toEqual(date(iso, s));
  });

  it.each<[string, string, string, string]>([
    ['surrounding spaces', '  4-May-11  ', '4-May-11', '2011-05-04'],
    ['non-breaking spaces', '\u00a04-May-11\u00a0', '4-May-11', '2011-05-04'],
    ['line breaks', '\n4-May-11\r\n', '4-May-11', '2011-05-04'],
    ['a line break inside', '4 de mayo\nde 2011', '4 de mayo de 2011', '2011-05-04'],
    ['<p> tags from the seeds', '<p>19-Sep-11</p>', '19-Sep-11', '2011-09-19'],
    ['a trailing dot', '4-May-11.', '4-May-11.', '2011-05-04'],
    ['en dashes', '31–12–2024', '31–12–2024', '2024-12-31'],
  ])('%s', (_name, s, text, iso) => {
    expect(parseDeadline(s, ES)).toEqual(date(iso, text));
  });

  it.each<[string, string]>([
    ['04/05/2024', '2024-04-05'],
    ['12/31/2024', '2024-12-31'],
    ['15/03/2024', '2024-03-15'],
    ['3/15/24', '2024-03-15'],
    ['2024-03-04', '2024-03-04'],
    ['4 de mayo de 2011', '2011-05-04'],
  ])('month first (dayFirst: false): %j → %s', (s, iso) => {
    expect(parseDeadline(s, US)).toEqual(date(iso, s));
  });
});

describe('periods', () => {
  it.each<[string, string, string]>([
    ['2019/09', '2019-09-01', '2019-09-30'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['02/2023', '2023-02-01', '2023-02-28'],
    ['marzo 2024', '2024-03-01', '2024-03-31'],
    ['Marzo de 2024', '2024-03-01', '2024-03-31'],
    ['Mar 2024', '2024-03-01', '2024-03-31'],
    ['MARÇO 2024', '2024-03-01', '2024-03-31'],
    ['Dic-2024', '2024-12-01', '2024-12-31'],
    ['Mar-24', '2024-03-01', '2024-03-31'],
    ['ago/11', '2011-08-01', '2011-08-31'],
    ['(JUL. 2020)', '2020-07-01', '2020-07-31'],
    ['T2 2024', '2024-04-01', '2024-06-30'],
    ['T4-2024', '2024-10-01', '2024-12-31'],
    ['Q3-2024', '2024-07-01', '2024-09-30'],
    ['Q3 2024', '2024-07-01', '2024-09-30'],
    ['2024 Q1', '2024-01-01', '2024-03-31'],
    ['2T 2024', '2024-04-01', '2024-06-30'],
    ['2do trimestre 2024', '2024-04-01', '2024-06-30'],
    ['3er trimestre de 2024', '2024-07-01', '2024-09-30'],
    ['primer trimestre 2024', '2024-01-01', '2024-03-31'],
    ['Cuarto trimestre del 2024', '2024-10-01', '2024-12-31'],
    ['II trimestre 2024', '2024-04-01', '2024-06-30'],
    ['Trimestre 1 de 2025', '2025-01-01', '2025-03-31'],
    ['1st quarter 2024', '2024-01-01', '2024-03-31'],
    ['S1 2024', '2024-01-01', '2024-06-30'],
    ['Semestre 1 2024', '2024-01-01', '2024-06-30'],
    ['segundo semestre de 2024', '2024-07-01', '2024-12-31'],
    ['1er semestre 2024', '2024-01-01', '2024-06-30'],
    ['H2 2024', '2024-07-01', '2024-12-31'],
    ['primer cuatrimestre 2024', '2024-01-01', '2024-04-30'],
    ['2024', '2024-01-01', '2024-12-31'],
    ['Año 2024', '2024-01-01', '2024-12-31'],
    ['finales de 2024', '2024-01-01', '2024-12-31'],
    ['hasta junio 2024', '2024-06-01', '2024-06-30'],
    ['Trimestre 7 (Abr – Jun 2011)', '2011-04-01', '2011-06-30'],
    ['T2 (abr-jun 2024)', '2024-04-01', '2024-06-30'],
    ['FEB. - ABR. 2020', '2020-02-01', '2020-04-30'],
    ['(FEB. - ABR. 2020)', '2020-02-01', '2020-04-30'],
    ['DIC.2020 - DIC. 2021', '2020-12-01', '2021-12-31'],
    ['SEP. 2021 - JUNIO. 2022', '2021-09-01', '2022-06-30'],
    ['ENE 2021 - JUN. 2022', '2021-01-01', '2022-06-30'],
    ['Oct – Dic 2010', '2010-10-01', '2010-12-31'],
    ['Oct — Dic 2010', '2010-10-01', '2010-12-31'],
    ['Jul-Sep 2011', '2011-07-01', '2011-09-30'],
    ['Abril - Junio 2011', '2011-04-01', '2011-06-30'],
    ['marzo a junio de 2024', '2024-03-01', '2024-06-30'],
    ['de marzo al junio 2024', '2024-03-01', '2024-06-30'],
    ['desde marzo hasta junio 2024', '2024-03-01', '2024-06-30'],
    ['março até junho 2024', '2024-03-01', '2024-06-30'],
    ['March to June 2024', '2024-03-01', '2024-06-30'],
    ['nov. - feb. 2021', '2020-11-01', '2021-02-28'],
    ['T1 - T2 2024', '2024-01-01', '2024-06-30'],
    ['2023-2024', '2023-01-01', '2024-12-31'],
    ['2023 - marzo 2024', '2023-01-01', '2024-03-31'],
    ['del 1 al 15 de marzo de 2024', '2024-03-01', '2024-03-15'],
    ['1 de marzo al 30 de junio de 2024', '2024-03-01', '2024-06-30'],
    ['15/01/2024 - 30/06/2024', '2024-01-15', '2024-06-30'],
    ['May 4 - June 30, 2024', '2024-05-04', '2024-06-30'],
    ['durante el 2024', '2024-01-01', '2024-12-31'],
    ['Durante el primer trimestre de 2024', '2024-01-01', '2024-03-31'],
  ])('%j → %s … %s', (s, start, end) => {
    expect(parseDeadline(s, ES)).toEqual(period(start, end, s));
  });
});

describe('not a deadline → invalid', () => {
  it.each<[Cell, NonNullable<ParsedDeadline['reason']>]>([
    ['31/02/2024', 'impossible_date'],
    ['30/02/2023', 'impossible_date'],
    ['29/02/2023', 'impossible_date'],
    ['32-Ene-24', 'impossible_date'],
    ['2024-13-01', 'impossible_date'],
    ['2024-02-30', 'impossible_date'],
    ['13/13/13', 'impossible_date'],
    ['00/01/2024', 'impossible_date'],
    ['2024-13', 'impossible_date'],
    ['31 de abril de 2024', 'impossible_date'],
    ['dic 2021 - ene 2021', 'impossible_date'],
    ['30/06/2024 - 01/01/2024', 'impossible_date'],
    ['cuando haya fondos', 'unrecognised'],
    ['Trimestre 7', 'unrecognised'],
    ['Trimestre 5', 'unrecognised'],
    ['T5 2024', 'unrecognised'],
    ['abc 2024', 'unrecognised'],
    ['2024 abc', 'unrecognised'],
    ['cuando haya fondos (2024)', 'unrecognised'],
    ['marzo', 'unrecognised'],
    ['4 de mayo', 'unrecognised'],
    ['primer trimestre', 'unrecognised'],
    ['Inmediato', 'unrecognised'],
    ['Concluido', 'unrecognised'],
    ['40667', 'unrecognised'],
    ['0999', 'unrecognised'],
    ['15 03 2024', 'unrecognised'],
    ['15/03-2024', 'unrecognised'],
    ['Semana 12', 'unrecognised'],
    ['marzo 2024 - junio', 'unrecognised'],
    ['Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor 2024', 'unrecognised'],
  ])('%j (%s)', (cell, reason) => {
    const got = parseDeadline(cell, ES);
    expect(got).toEqual(invalid(typeof cell === 'string' ? cell : String(cell), reason));
  });
});

describe('long cells', () => {
  it('reads a long prose cell as unrecognised, not as the year it mentions', () => {
    const s = `${'Se realizará cuando la contraparte confirme los fondos. '.repeat(20)}2024`;
    expect(parseDeadline(s, ES)).toEqual(invalid(s.trim(), 'unrecognised'));
  });

  it('still reads a long continuous cell by its first words', () => {
    const s = `Continuo: ${'se informa en cada comité técnico. '.repeat(30)}`.trim();
    expect(parseDeadline(s, ES)).toEqual(continuous(s));
  });

  it('drops padding before judging the length', () => {
    expect(parseDeadline(`${' '.repeat(5000)}2024\n\n`, ES)).toEqual(period('2024-01-01', '2024-12-31', '2024'));
  });
});

describe('the seeds', () => {
  // Every key action of the Ecuador plan, id → due day (or continuous), as the seed's Plazo column reads.
  const ECUADOR: readonly [string, string][] = [
    ['1.1', '2011-05-04'], ['1.2', '2011-08-24'], ['1.3', '2011-06-06'], ['1.4', '2011-06-17'], ['1.5', '2011-07-29'],
    ['1.6', '2011-07-29'], ['1.7', '2011-08-22'], ['2.1', '2011-08-12'], ['2.2', '2011-08-26'], ['2.3', '2011-07-29'],
    ['3.1', '2011-08-30'], ['3.2', '2011-09-19'], ['4.1', '2011-08-29'], ['4.2', '2011-08-29'], ['4.3', '2011-08-29'],
    ['5.1', '2011-08-26'], ['5.2', '2011-09-20'], ['6.1', '2011-08-25'], ['7.1', '2011-09-22'], ['7.2', '2011-09-21'],
    ['8.1', '2011-07-29'], ['8.2', '2011-09-06'], ['10.1', '2011-08-12'], ['10.2', '2011-10-04'], ['11.1', 'continuous'],
    ['11.2', '2011-08-29'], ['11.3', '2011-08-22'], ['11.4', '2011-08-22'], ['11.5', 'continuous'], ['11.6', '2011-09-20'],
    ['12.1', '2011-09-13'], ['12.2', '2011-07-29'], ['12.3', '2011-07-29'], ['12.4', 'continuous'], ['12.5', 'continuous'],
    ['12.6', '2011-10-21'],
  ];

  it('reads every Plazo cell of the Ecuador improvement plan', () => {
    const got: [string, string][] = [];
    for (const cells of ECUADOR_ACTION_LINES) {
      const id = /^(?:<p>)?(\d+\.\d+)\./.exec(cells[0] ?? '')?.[1];
      if (id === undefined || cells[1] === undefined) continue;
      const d = parseDeadline(cells[1], ES);
      got.push([id, d.kind === 'continuous' ? 'continuous' : d.kind === 'date' && d.fromText ? (d.date ?? '') : `?${d.kind}`]);
    }
    expect(got).toEqual(ECUADOR);
  });

  it.each<[string, string, string]>([
    ['(FEB. - ABR. 2020)', '2020-02-01', '2020-04-30'],
    ['(MAR - JUL. 2020)', '2020-03-01', '2020-07-31'],
    ['(JUN. 2020 - ENE. 2022)', '2020-06-01', '2022-01-31'],
    ['(DIC.2020 - DIC. 2021)', '2020-12-01', '2021-12-31'],
    ['(ENE 2021 - JUN. 2022)', '2021-01-01', '2022-06-30'],
    ['(NOV. 2019 - MAY. 2020)', '2019-11-01', '2020-05-31'],
    ['(SEP. 2021 - JUNIO. 2022)', '2021-09-01', '2022-06-30'],
    ['(ENE. 2020 - ABRIL. 2021)', '2020-01-01', '2021-04-30'],
    ['(JUL. 2020)', '2020-07-01', '2020-07-31'],
    ['(JUN. 2022)', '2022-06-01', '2022-06-30'],
  ])('gobierno abierto: %j', (s, start, end) => {
    expect(GOBIERNO_ABIERTO_PERIOD_LINES).toContain(s);
    expect(parseDeadline(s, ES)).toEqual(period(start, end, s));
  });

  it('reads every milestone period of the open-government plan', () => {
    const lines = GOBIERNO_ABIERTO_PERIOD_LINES;
    expect(lines.length).toBeGreaterThanOrEqual(50);
    for (const l of lines) {
      const d = parseDeadline(l, ES);
      expect([l, d.kind]).toEqual([l, 'period']);
      expect(d.start! < d.date!).toBe(true);
      expect(d.start! >= '2019-01-01' && d.date! <= '2022-12-31').toBe(true);
    }
  });

  it('reads the Guatemala quarter calendar, and not the bare quarter numbers', () => {
    const lines = GUATEMALA_QUARTER_LINES;
    const quarters = lines.filter((l) => /^(Ene|Abr|Jul|Oct)\b.*\d{4}$/.test(l));
    expect(new Set(quarters)).toEqual(new Set(['Oct – Dic 2010', 'Ene – Mar 2011', 'Abr – Jun 2011', 'Jul-Sep 2011', 'Jul – Sep 2011']));
    const got = quarters.map((q) => [q, parseDeadline(q, ES).start, parseDeadline(q, ES).date]);
    const want: Record<string, [string, string]> = {
      'Oct – Dic 2010': ['2010-10-01', '2010-12-31'],
      'Ene – Mar 2011': ['2011-01-01', '2011-03-31'],
      'Abr – Jun 2011': ['2011-04-01', '2011-06-30'],
      'Jul-Sep 2011': ['2011-07-01', '2011-09-30'],
      'Jul – Sep 2011': ['2011-07-01', '2011-09-30'],
    };
    expect(got).toEqual(quarters.map((q) => [q, ...(want[q] ?? [])]));
    const labels = lines.filter((l) => /^Trimestre \d$/.test(l));
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(parseDeadline(l, ES)).toEqual(invalid(l, 'unrecognised'));
  });
});

describe('vocabulary tables', () => {
  it('reads every month name and abbreviation as its month', () => {
    for (const { month, names } of MONTH_NAMES) {
      for (const n of names) expect([n, MONTH_BY_WORD.get(fold(n))]).toEqual([n, month]);
    }
    expect(MONTH_NAMES.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it.each<[string, number]>([['sept', 9], ['setiem', 9], ['novi', 11], ['marc', 3], ['out', 10], ['dez', 12], ['ago', 8]])(
    'reads the prefix %j as month %i',
    (w, m) => expect(MONTH_BY_WORD.get(w)).toBe(m),
  );

  it.each<string>(['ma', 'ju', 'de', 'mayor', 'martes', 'marco2', 'a'])('does not read %j as a month', (w) => {
    expect(MONTH_BY_WORD.has(w)).toBe(false);
  });

  it('gives no word two roles (a filler, lead, range, unit, ordinal or label word is never a month)', () => {
    const other = [
      ...FILLER_WORDS, ...LEAD_WORDS, ...RANGE_WORDS, ...LABEL_WORDS,
      ...PERIOD_UNITS.flatMap((u) => u.words), ...ORDINAL_WORDS.flatMap((o) => o.words),
    ].map(fold);
    expect(other.filter((w) => MONTH_BY_WORD.has(w))).toEqual([]);
    const units = PERIOD_UNITS.flatMap((u) => u.words).map(fold);
    const ordinals = ORDINAL_WORDS.flatMap((o) => o.words).map(fold);
    const fillers = FILLER_WORDS.map(fold);
    expect(units.filter((w) => ordinals.includes(w) || fillers.includes(w))).toEqual([]);
    expect(ordinals.filter((w) => fillers.includes(w))).toEqual([]);
    expect(new Set(units).size).toBe(units.length);
  });
});

describe('never throws', () => {
  const fragments = fc.constantFrom(
    '2024', '11', '31', '02', '13', '0', '-', '–', '/', '.', ' ', '(', ')', 'de', 'a', 'al', 'hasta', 't', 'q', 's', 'ii',
    'feb', 'dic.', 'junio', 'primer', 'trimestre', 'semestre', 'continuo', 'sin fecha', 'x', 'é', '<p>', '\u00a0', '1er', '°',
    '10:30', 'T', '9999', '1000', '0999',
  );
  const cells: fc.Arbitrary<Cell> = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(fragments, { maxLength: 12 }).map((xs) => xs.join('')),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.double().map(dateCell),
    fc.integer({ min: -10, max: 3_000_000 }).map(dateCell),
    fc.string().map(errorCell),
  );

  it('returns a consistent result for any cell and either date system', () => {
    fc.assert(
      fc.property(cells, fc.boolean(), fc.boolean(), (cell, date1904, dayFirst) => {
        const d = parseDeadline(cell, { date1904, dayFirst });
        expect(['date', 'period', 'continuous', 'missing', 'invalid']).toContain(d.kind);
        expect(typeof d.text).toBe('string');
        if (d.kind === 'date' || d.kind === 'period') {
          expect(parseISO(d.date ?? '')).not.toBeNull();
          expect(parseISO(d.start ?? '')).not.toBeNull();
          expect((d.start ?? '') <= (d.date ?? '')).toBe(true);
          if (d.kind === 'date') expect(d.start).toBe(d.date);
          expect(d.fromText).toBe(typeof cell === 'string');
          expect(d.reason).toBeUndefined();
        } else {
          expect([d.date, d.start, d.fromText]).toEqual([null, null, false]);
          expect(d.reason !== undefined).toBe(d.kind === 'invalid');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
