import * as fs from 'fs';
import { milestoneLines, readCalendars, readPeriodCell, type CalendarResult, type Milestone } from '../../src/core/calendar';
import { calendarOverdueRules } from '../../src/core/calendar/highlight';
import { byPartner, byPeriod } from '../../src/core/calendar/report';
import { CF_MARKER } from '../../src/core/workbook-state/highlight-rules';
import { StatusMatcher } from '../../src/core/vocab/status';
import { checkWorkbook } from '../../src/core/check';
import type { Cell, WorkbookGrid } from '../../src/core/grid';
import { findRegions } from '../../src/core/regions';
import { SheetView } from '../../src/core/sheet-view';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { ECUADOR_PLAN, GUATEMALA_CALENDAR, HONDURAS_FRAMEWORK, HONDURAS_MONITORING, WATER_CALENDAR } from '../fixtures';
import { book, sheet, topLeft } from '../helpers/grids';

const read = (file: string): WorkbookGrid => readXlsx(fs.readFileSync(file));
const count = (items: readonly Milestone[], key: (m: Milestone) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const m of items) out[key(m)] = (out[key(m)] ?? 0) + 1;
  return out;
};

describe('the Guatemala calendar (seed "Calendario de metas")', () => {
  const wb = read(GUATEMALA_CALENDAR);
  const result = checkWorkbook(wb, { asOf: '2011-05-15' });
  const cal = result.calendars?.[0] as CalendarResult;

  it('is one calendar of four grids, and not a key-action table', () => {
    expect(result.calendars?.map((c) => [c.sheet, c.range])).toEqual([['Calendario de metas', 'A3:E32']]);
    expect(result.tables).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('reads the four quarters from "Trimestre N" over the months', () => {
    expect(cal.periods).toEqual([
      { label: 'Trimestre 5 (Oct – Dic 2010)', start: '2010-10-01', end: '2010-12-31' },
      { label: 'Trimestre 6 (Ene – Mar 2011)', start: '2011-01-01', end: '2011-03-31' },
      { label: 'Trimestre 7 (Abr – Jun 2011)', start: '2011-04-01', end: '2011-06-30' },
      // The first grid naming it wins: "Jul-Sep 2011" (Estrategia Electoral) and "Jul – Sep 2011" are one period.
      { label: 'Trimestre 8 (Jul-Sep 2011)', start: '2011-07-01', end: '2011-09-30' },
    ]);
  });

  it('counts the milestones derived by hand from the seed: per quarter, per section and partner, in all', () => {
    expect(cal.items.length).toBe(61);
    expect(count(cal.items, (m) => m.period.slice(0, 11))).toEqual({ 'Trimestre 5': 15, 'Trimestre 6': 25, 'Trimestre 7': 13, 'Trimestre 8': 8 });
    expect(count(cal.items, (m) => `${m.section} | ${m.partner}`)).toEqual({
      'La Gestión Transparente. | MIFAPRO': 6,
      'La Gestión Transparente. | MSPAS': 6,
      'La Gestión Transparente. | MINEDUC': 4,
      'La Gestión Transparente. | Municipios': 2,
      'La Gestión Transparente. | Comunicación': 2,
      'Estrategia Electoral | Socios USAID': 3,
      'Estrategia Electoral | Partidos políticos': 6,
      'Estrategia Electoral | Medios de comunicación': 4,
      'Estrategia Electoral | Ciudadanos y ciudadanas': 4,
      'Estrategia Electoral | Empresas que hacen encuestas electorales': 1,
      'Planes de Inversión Municipal en 12 Municipios | Autoridades y equipos municipales': 6,
      'Planes de Inversión Municipal en 12 Municipios | Organizaciones comunitarias': 4,
      'PISI Expandida y Consolidada | Consolidación': 4,
      'PISI Expandida y Consolidada | Expansión': 4,
      'PISI Expandida y Consolidada | Ampliación de usuarios': 5,
    });
  });

  it('reads each line of a cell as one milestone: bullets, blank lines and double spaces dropped', () => {
    const t7 = 'Trimestre 7 (Abr – Jun 2011)';
    expect(cal.items.filter((m) => m.partner === 'Partidos políticos' && m.period === t7)).toEqual(
      ['Producción de cuaderno técnico de inversión social', 'Suplemento juvenil en prensa, divulgado.',
        'Desarrollo de talleres para incorporación de agenda en programas de candidatos a puestos públicos.'].map((text) => ({
        section: 'Estrategia Electoral', partner: 'Partidos políticos', period: t7, due: '2011-06-30', text, cell: 'D16',
        status: 'missing', statusText: '', comments: null, overdue: false, daysOverdue: null,
      })),
    );
    expect(cal.items.filter((m) => m.cell === 'C8').map((m) => m.text)).toEqual(['Sistema informático compras implementado.', 'DIGEPSA y ESIRH fortalecidas.']);
  });

  it('flags as overdue every milestone without a status whose quarter ended before the as-of date', () => {
    expect(cal.items.filter((m) => m.overdue).length).toBe(15 + 25);
    expect(cal.items.find((m) => m.cell === 'B6')).toMatchObject({ due: '2010-12-31', overdue: true, daysOverdue: 135 });
    const later = checkWorkbook(wb, { asOf: '2011-09-15' }).calendars?.[0]?.items ?? [];
    expect(later.filter((m) => m.overdue).length).toBe(15 + 25 + 13);
  });

  it('groups by quarter and by partner, overdue first', () => {
    expect(byPeriod(cal).map((g) => [g.period.label.slice(0, 11), g.items.length, g.overdue])).toEqual([
      ['Trimestre 5', 15, 15], ['Trimestre 6', 25, 25], ['Trimestre 7', 13, 0], ['Trimestre 8', 8, 0],
    ]);
    expect(byPartner(cal).slice(0, 4).map((g) => [g.partner, g.items.length, g.overdue])).toEqual([
      ['MIFAPRO', 6, 6], ['MSPAS', 6, 6], ['MINEDUC', 4, 4], ['Socios USAID', 3, 3],
    ]);
    const partidos = byPartner(cal).find((g) => g.partner === 'Partidos políticos');
    expect(partidos?.items.map((m) => m.overdue)).toEqual([true, true, false, false, false, false]);
  });
});

describe('the English calendar ("Q1 2024", "Q1 FY25", "H1 2025")', () => {
  const wb = read(WATER_CALENDAR);
  const result = checkWorkbook(wb, { asOf: '2024-11-15' });
  const cal = result.calendars?.[0] as CalendarResult;

  it('reads calendar quarters, fiscal quarters (October start) and halves', () => {
    expect(cal.range).toBe('A3:E17');
    expect(cal.periods).toEqual([
      { label: 'Q1 2024', start: '2024-01-01', end: '2024-03-31' },
      { label: 'Q2 2024', start: '2024-04-01', end: '2024-06-30' },
      { label: 'Q3 2024', start: '2024-07-01', end: '2024-09-30' },
      { label: 'Q1 FY25', start: '2024-10-01', end: '2024-12-31' },
      { label: 'Q4 2024', start: '2024-10-01', end: '2024-12-31' },
      { label: 'Q2 FY25', start: '2025-01-01', end: '2025-03-31' },
      { label: 'H1 2025', start: '2025-01-01', end: '2025-06-30' },
      { label: 'Q3 FY25', start: '2025-04-01', end: '2025-06-30' },
      { label: 'H2 2025', start: '2025-07-01', end: '2025-12-31' },
    ]);
  });

  it('counts its 19 milestones per section and partner, 7 overdue on 2024-11-15', () => {
    expect(count(cal.items, (m) => `${m.section} | ${m.partner}`)).toEqual({
      'Outcome 1: Policy and regulation | Ministry of Environment': 4,
      'Outcome 1: Policy and regulation | Water Regulator (ARAS)': 3,
      'Outcome 1: Policy and regulation | Municipal associations': 2,
      'Outcome 2: Services | Water boards (JAAPs)': 4,
      'Outcome 2: Services | NGO partners': 3,
      'Outcome 3: Knowledge | Programme team': 3,
    });
    expect(cal.items.filter((m) => m.overdue).map((m) => [m.cell, m.text, m.daysOverdue])).toEqual([
      ['B6', 'National water policy drafted', 229], ['B6', 'Stakeholder consultation held', 229],
      ['C6', 'Policy submitted to Cabinet', 138], ['C7', 'Tariff study commissioned', 138],
      ['D7', 'Tariff study delivered', 46], ['D7', 'Tariff proposal published', 46], ['B8', 'Workshop on the regulation', 229],
    ]);
  });

  it('keeps the "Lead | Milestones" header from being read as a key-action table', () => {
    // Without the calendar, the action-table recogniser does find a table there.
    const view = new SheetView(wb.sheets[0]!);
    expect(findRegions(view).map((r) => r.headers[0]?.rows)).toEqual([[3]]);
    expect(result.tables).toEqual([]);
    expect(result.findings.map((f) => f.code)).toEqual([]);
  });
});

it('finds no calendar in the other fixtures', () => {
  for (const file of [ECUADOR_PLAN, HONDURAS_MONITORING, HONDURAS_FRAMEWORK]) {
    expect([file, readCalendars(read(file), { asOf: '2018-02-15' }).calendars]).toEqual([file, []]);
  }
});

describe('period header cells', () => {
  it.each<[Cell, string | null, string | null]>([
    ['Oct – Dic 2010', '2010-10-01', '2010-12-31'],
    ['Jul-Sep 2011', '2011-07-01', '2011-09-30'],
    ['Jan–Mar 2024', '2024-01-01', '2024-03-31'],
    ['Abr. - Jun. 2024', '2024-04-01', '2024-06-30'],
    ['Q1 2024', '2024-01-01', '2024-03-31'],
    ['T3 2025', '2025-07-01', '2025-09-30'],
    ['Q3 FY24', '2024-04-01', '2024-06-30'],
    ['Q1 FY25', '2024-10-01', '2024-12-31'],
    ['FY2011 Q2', '2011-01-01', '2011-03-31'],
    ['S2 2024', '2024-07-01', '2024-12-31'],
    ['Segundo semestre 2024', '2024-07-01', '2024-12-31'],
    ['Marzo 2024', '2024-03-01', '2024-03-31'],
    ['2026', '2026-01-01', '2026-12-31'],
    [2026, '2026-01-01', '2026-12-31'],
    ['Trimestre 7 (Abr – Jun 2011)', '2011-04-01', '2011-06-30'],
    ['Trimestre 5', null, null],
    ['Q7', null, null],
    ['Año 2', null, null],
  ])('%j → %s … %s', (cell, start, end) => {
    expect(readPeriodCell(cell, false)).toEqual({ text: String(cell), start, end });
  });

  it.each<Cell>(['Socio', 'Partner', 'Milestones', 'Indicador', 'MIFAPRO', 'Continuo', 'X', '', null, 12, 45000, 'Estrategia coordinada con socios en salud y educación, 2011'])(
    '%j is not a period',
    (cell) => {
      expect(readPeriodCell(cell, false)).toBeNull();
    },
  );
});

describe('milestone lines', () => {
  it.each<[Cell, string[]]>([
    ['Convenios con alcaldes, firmados', ['Convenios con alcaldes, firmados']],
    ['• Uno\n• Dos', ['Uno', 'Dos']],
    ['- Uno\r\n\r\n- Dos ', ['Uno', 'Dos']],
    ['* Uno\n+ Dos\n– Tres\n1. Cuatro\n2) Cinco\na) Seis', ['Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco', 'Seis']],
    ['12 municipal bylaws adopted', ['12 municipal bylaws adopted']],
    ['Mini-reportajes TV, transmitidos', ['Mini-reportajes TV, transmitidos']],
    ['Sistema  informático\u00a0 compras', ['Sistema informático compras']],
    ['x', []],
    ['—\n•', []],
    [42, []],
    [null, []],
  ])('%j → %j', (cell, lines) => {
    expect(milestoneLines(cell)).toEqual(lines);
  });
});

describe('what is not a calendar', () => {
  it('a timeline of marks under quarters stays a key-action table', () => {
    const wb = book(
      sheet('Plan', [
        ['Acción', 'Responsable', 'Plazo', 'T1 2024', 'T2 2024', 'T3 2024'],
        ['1.1 Revisar la norma', 'DGA', '30/06/2024', 'X', 'X', null],
        ['1.2 Publicar la norma', 'DGA', '30/09/2024', null, null, 'X'],
      ]),
    );
    const r = checkWorkbook(wb, { asOf: '2024-08-01' });
    expect(r.calendars).toBeUndefined();
    expect(r.tables.map((t) => t.actions.length)).toEqual([2]);
  });

  it('a grid of numbers under years whose first column is not a partner (an indicator table)', () => {
    const wb = book(sheet('Marco', [['Indicador', '2017', '2018', '2019'], ['Cobertura de agua', 0.5, 0.6, 0.7]]));
    expect(readCalendars(wb, { asOf: '2018-02-15' }).calendars).toEqual([]);
  });
});

describe('numbered periods without months', () => {
  it('are periods without a due day: their milestones are never overdue', () => {
    const wb = book(
      sheet('Metas', [
        topLeft('Resultado 1', 3),
        ['Socio', 'Trimestre 1', 'Trimestre 2'],
        ['MSPAS', 'Norma aprobada', 'Norma publicada'],
      ], { merges: ['A1:C1'] }),
    );
    const [cal] = readCalendars(wb, { asOf: '2030-01-01' }).calendars;
    expect(cal?.periods).toEqual([{ label: 'Trimestre 1', start: null, end: null }, { label: 'Trimestre 2', start: null, end: null }]);
    expect(cal?.items.map((m) => [m.section, m.partner, m.period, m.due, m.overdue])).toEqual([
      ['Resultado 1', 'MSPAS', 'Trimestre 1', null, false],
      ['Resultado 1', 'MSPAS', 'Trimestre 2', null, false],
    ]);
  });
});

describe('statuses from the tracking sheet', () => {
  const calendar = sheet('Metas', [
    ['Socio', 'Q1 2024', 'Q2 2024'],
    ['MSPAS', 'Norma aprobada\nNorma publicada', 'Red instalada'],
  ]);
  const tracking = (ours: boolean) =>
    sheet('Seguimiento de hitos', [
      ['Seguimiento del calendario de metas — generado por Tablero'],
      [],
      ['Hitos'],
      ['Hoja', 'Sección', 'Socio', 'Período', 'Vence', 'Hito', 'Estado', 'Comentarios', 'Vencido', 'Días de atraso', 'Celda'],
      ['Metas', null, 'MSPAS', 'Q1 2024', null, 'Norma  aprobada', 'Completada', 'Acta del 3/3', null, null, 'B2'],
      ['Metas', null, 'MSPAS', 'Q1 2024', null, 'Norma publicada', 'Casi lista', null, null, null, 'B2'],
      ['Metas', null, 'MSPAS', 'Q2 2024', null, 'Red instalada', 'Ya no aplica', null, null, null, 'C2'],
      ['Metas', null, 'MSPAS', 'Q2 2024', null, 'Laboratorio equipado', 'Sin iniciar', 'se reprogramó', null, null, '(ya no está en el calendario)'],
    ], { ours });

  it('are read from Tablero\'s marked sheet, matched by section, partner, period and text', () => {
    const r = readCalendars(book(calendar, tracking(true)), { asOf: '2024-08-01' });
    expect(r.calendars[0]?.items.map((m) => [m.text, m.status, m.statusText, m.comments, m.overdue])).toEqual([
      ['Norma aprobada', 'completed', 'Completada', 'Acta del 3/3', false],
      ['Norma publicada', 'unknown', 'Casi lista', null, true],
      ['Red instalada', 'not_applicable', 'Ya no aplica', null, false],
    ]);
    expect(r.removed).toEqual([
      { sheet: 'Metas', section: null, partner: 'MSPAS', period: 'Q2 2024', due: null, text: 'Laboratorio equipado', statusText: 'Sin iniciar', comments: 'se reprogramó' },
    ]);
    // A word the vocabulary does not know is a finding on its cell of the tracking sheet.
    expect(r.findings).toEqual([
      { code: 'unknown_status', severity: 'warning', sheet: 'Seguimiento de hitos', cell: 'G6', actionId: null, params: { text: 'Casi lista', suggestion: new StatusMatcher().match('Casi lista').suggestion ?? '' } },
    ]);
  });

  it('are not read from a sheet of the user\'s with the same headers', () => {
    const r = readCalendars(book(calendar, tracking(false)), { asOf: '2024-08-01' });
    expect(r.calendars[0]?.items.map((m) => [m.status, m.overdue])).toEqual([['missing', true], ['missing', true], ['missing', true]]);
    expect(r.removed).toEqual([]);
  });
});

describe('highlighting the overdue milestones\' cells', () => {
  it('one marked rule per due day over the cells holding an overdue milestone', () => {
    const result = checkWorkbook(read(WATER_CALENDAR), { asOf: '2024-11-15' });
    expect(calendarOverdueRules(result, { today: '2024-11-15' })).toEqual([
      { sheet: 'Milestone calendar', sqref: 'B6 B8', formula: `AND(${CF_MARKER},DATE(2024,3,31)<TODAY())` },
      { sheet: 'Milestone calendar', sqref: 'C6:C7', formula: `AND(${CF_MARKER},DATE(2024,6,30)<TODAY())` },
      { sheet: 'Milestone calendar', sqref: 'D7', formula: `AND(${CF_MARKER},DATE(2024,9,30)<TODAY())` },
    ]);
    // Another as-of date than today: the rule compares with that date, not TODAY().
    expect(calendarOverdueRules(result, { today: '2025-01-10' })[0]?.formula).toBe(`AND(${CF_MARKER},DATE(2024,3,31)<DATE(2024,11,15))`);
  });
});

it('a row whose partner cell is blank goes on with the partner above', () => {
  const wb = book(sheet('Metas', [['Socio', 'Q1 2024', 'Q2 2024'], ['MSPAS', 'Norma aprobada', null], [null, null, 'Red instalada'], ['MINEDUC', 'Becas', null]]));
  expect(readCalendars(wb, { asOf: '2024-01-01' }).calendars[0]?.items.map((m) => [m.partner, m.text, m.cell])).toEqual([
    ['MSPAS', 'Norma aprobada', 'B2'], ['MSPAS', 'Red instalada', 'C3'], ['MINEDUC', 'Becas', 'B4'],
  ]);
});
