import { checkWorkbook } from '../../src/core/check';
import { dateCell, type Cell } from '../../src/core/grid';
import { isoToSerial } from '../../src/core/dates';
import { findingMessage } from '../../src/core/i18n';
import type { CheckResult } from '../../src/core/model';
import { at, book, repeated, sheet, topLeft } from '../helpers/grids';

const d = (iso: string) => dateCell(isoToSerial(iso));

/** The fields a reader of the plan cares about, one line per action. */
function brief(r: CheckResult) {
  return r.tables.flatMap((t) =>
    t.actions.map((a) => ({
      id: a.id,
      rec: a.recommendation,
      row: a.row,
      deadline: a.deadline,
      kind: a.deadlineKind,
      status: a.status,
      overdue: a.overdue,
      days: a.daysOverdue,
    })),
  );
}

const codes = (r: CheckResult) => r.findings.map((f) => `${f.code}@${f.cell ?? '-'}`);

describe('flat tables', () => {
  const english: Cell[][] = at(2, 2, [
    ['No.', 'Key action', 'Due date', 'Responsible unit', 'Status', 'Comments'],
    ['1', 'Hire a coordinator', d('2024-03-15'), 'UNDP', 'Completed', 'Done in March'],
    ['2', 'Draft the monitoring plan', '2024-05-31', 'Ministry', 'Initiated', ''],
    [null, null, null, null, null, null],
    ['3', 'Field visits', 'Q3-2024', 'UNICEF', 'Not initiated', null],
    ['4', 'Final workshop', d('2024-06-01'), null, null, null],
    [null, 'Total actions: 4', null, null, null, null],
  ]);

  it('reads an English table at an offset, skipping blank and total rows; hidden rows are data', () => {
    const r = checkWorkbook(book(sheet('Tracker', english, { hidden: [6] })), { asOf: '2024-06-30' });
    expect(r.tables.map((t) => [t.sheet, t.layout, t.range, t.columns])).toEqual([
      ['Tracker', 'flat', 'C3:H8', { id: 'C', action: 'D', deadline: 'E', responsible: 'F', status: 'G', comments: 'H' }],
    ]);
    expect(brief(r)).toEqual([
      { id: '1', rec: null, row: 4, deadline: '2024-03-15', kind: 'date', status: 'completed', overdue: false, days: null },
      { id: '2', rec: null, row: 5, deadline: '2024-05-31', kind: 'date', status: 'in_progress', overdue: true, days: 30 },
      { id: '3', rec: null, row: 7, deadline: '2024-09-30', kind: 'period', status: 'not_started', overdue: false, days: null },
      { id: '4', rec: null, row: 8, deadline: '2024-06-01', kind: 'date', status: 'missing', overdue: true, days: 29 },
    ]);
    expect(codes(r)).toEqual([
      'overdue@E5',
      'deadline_as_text@E5',
      'overdue@E8',
      'missing_status@G8',
      'missing_responsible@F8',
    ]);
    expect(r.summary).toEqual({
      actions: 4,
      overdue: 2,
      continuous: 0,
      byStatus: { completed: 1, in_progress: 1, not_started: 1, not_applicable: 0, missing: 1, unknown: 0 },
    });
  });

  it('reads Portuguese wording with day-first dates', () => {
    const pt: Cell[][] = [
      ['Ação', 'Prazo', 'Responsável', 'Situação', 'Observações'],
      ['1.1 Contratar consultoria', '15/03/2024', 'Secretaria', 'Concluída', ''],
      ['1.2 Oficina regional', '31-12-2024', 'Prefeitura', 'Em andamento', ''],
      ['1.3 Relatório', 'Contínuo', 'Secretaria', 'Não iniciada', ''],
      ['1.4 Revisão', 'Sem prazo', 'Secretaria', 'Cancelada', ''],
    ];
    const r = checkWorkbook(book(sheet('Plano', pt)), { asOf: '2024-06-30' });
    expect(brief(r)).toEqual([
      { id: '1.1', rec: '1', row: 2, deadline: '2024-03-15', kind: 'date', status: 'completed', overdue: false, days: null },
      { id: '1.2', rec: '1', row: 3, deadline: '2024-12-31', kind: 'date', status: 'in_progress', overdue: false, days: null },
      { id: '1.3', rec: '1', row: 4, deadline: null, kind: 'continuous', status: 'not_started', overdue: false, days: null },
      { id: '1.4', rec: '1', row: 5, deadline: null, kind: 'missing', status: 'not_applicable', overdue: false, days: null },
    ]);
    expect(r.tables[0]?.actions[0]?.text).toBe('Contratar consultoria');
    expect(codes(r)).toEqual(['deadline_as_text@B2', 'deadline_as_text@B3', 'missing_deadline@B5']);
  });

  it('reads an open-government milestone table: periods and completion levels', () => {
    const rows: Cell[][] = [
      ['Compromiso 1: Datos abiertos', null, null, null],
      [null, null, null, null],
      ['Hito', 'Período', 'Responsable', 'Nivel de cumplimiento'],
      ['Validar la política de datos abiertos', 'FEB. - ABR. 2020', 'MINTEL', 'Completo'],
      ['Co-crear una guía de implementación', 'MAR. - NOV. 2020', 'MINTEL, REDAM', 'Sustancial'],
      ['Difundir política, guía e indicadores', 'JUN. 2020 - ENE. 2022', 'MINTEL', 'Limitado'],
      ['Capacitar a funcionarios públicos', 'SEP. 2021 - JUNIO. 2022', 'MINTEL', 'No iniciado'],
    ];
    const r = checkWorkbook(book(sheet('Compromisos', rows)), { asOf: '2021-06-30' });
    expect(r.tables.map((t) => [t.layout, t.range, t.titleLines])).toEqual([['flat', 'A3:D7', ['Compromiso 1: Datos abiertos']]]);
    expect(brief(r)).toEqual([
      { id: null, rec: null, row: 4, deadline: '2020-04-30', kind: 'period', status: 'completed', overdue: false, days: null },
      { id: null, rec: null, row: 5, deadline: '2020-11-30', kind: 'period', status: 'in_progress', overdue: true, days: 212 },
      { id: null, rec: null, row: 6, deadline: '2022-01-31', kind: 'period', status: 'in_progress', overdue: false, days: null },
      { id: null, rec: null, row: 7, deadline: '2022-06-30', kind: 'period', status: 'not_started', overdue: false, days: null },
    ]);
  });

  it('flags impossible and implausible deadlines, and unknown statuses with a suggestion', () => {
    const rows: Cell[][] = [
      ['Acción', 'Plazo', 'Responsable', 'Estado'],
      ['Taller', '31/02/2024', 'UCP', 'En ejecucion'],
      ['Informe', d('2094-01-10'), 'UCP', 'Concluidoo'],
    ];
    const r = checkWorkbook(book(sheet('Plan', rows)), { asOf: '2024-06-30' });
    expect(r.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ['invalid_deadline', 'error', 'B2'],
      ['implausible_deadline', 'warning', 'B3'],
      ['unknown_status', 'warning', 'D3'],
    ]);
    expect(findingMessage(r.findings[0]!, 'es')).toBe('Plazo no válido «31/02/2024»: no es una fecha real ni un período reconocible.');
    expect(findingMessage(r.findings[2]!, 'en')).toBe('Unknown status "Concluidoo"; did you mean "Concluido"?');
  });
});

/** A two-block plan like the seed's, with its two-row header, in either merge form. */
function blocksPlan(form: 'excel' | 'library'): { rows: Cell[][]; merges: string[] } {
  const band = form === 'excel' ? topLeft : repeated;
  const W = 7;
  const head1: Cell[] =
    form === 'excel'
      ? ['Acciones clave', 'Plazo', 'Responsable/s', 'Seguimiento', null, 'Secretariado', null]
      : ['Acciones clave', 'Plazo', 'Responsable/s', 'Seguimiento', 'Seguimiento', 'Secretariado', 'Secretariado'];
  const head2: Cell[] =
    form === 'excel'
      ? [null, null, null, 'Comentarios', 'Estado', 'Comentarios', 'Estado']
      : ['Acciones clave', 'Plazo', 'Responsable/s', 'Comentarios', 'Estado', 'Comentarios', 'Estado'];
  const rows: Cell[][] = [
    band('Plan de Mejoras', W),
    [],
    band('Recomendación de la Evaluación N° 1', W),
    band('Fortalecer la coordinación.', W),
    band('Respuesta de la gestión del Programa Conjunto', W),
    band('Revisar perfiles.', W),
    head1,
    head2,
    ['1.1. Revisión de roles', d('2011-05-04'), 'Lidera: MIDUVI', 'TdR aprobados', 'Concluido.', null, null],
    ['1.2. Política de intervención', '24-Aug-11', 'MIDUVI', null, 'En construcción', null, 'Visto'],
    band('Promover la participación de las Municipalidades.', W),
    band('Respuesta de la gestión del Programa Conjunto', W),
    band('Facilitar la participación.', W),
    head1,
    head2,
    ['3.1. Acuerdos con municipios', 'Continuo hasta el final del Programa', 'UCP', null, 'En ejecución.', null, null],
    ['3.3. Mecanismo nacional', d('2011-10-04'), 'MIDUVI y SENAGUA', null, 'Sin iniciar', null, null],
    ['3.3. Mecanismo nacional (bis)', d('2011-08-04'), 'MIDUVI', null, 'Sin iniciar', null, null],
  ];
  const merges =
    form === 'excel'
      ? ['A1:G1', 'A3:G3', 'A4:G4', 'A5:G5', 'A6:G6', 'A7:A8', 'B7:B8', 'C7:C8', 'D7:E7', 'F7:G7', 'A11:G11', 'A12:G12', 'A13:G13', 'A14:A15', 'B14:B15', 'C14:C15', 'D14:E14', 'F14:G14']
      : [];
  return { rows, merges };
}

describe('recommendation blocks', () => {
  const expected = [
    { id: '1.1', rec: '1', row: 9, deadline: '2011-05-04', kind: 'date', status: 'completed', overdue: false, days: null },
    { id: '1.2', rec: '1', row: 10, deadline: '2011-08-24', kind: 'date', status: 'in_progress', overdue: true, days: 22 },
    { id: '3.1', rec: '2', row: 16, deadline: null, kind: 'continuous', status: 'in_progress', overdue: false, days: null },
    { id: '3.3', rec: '2', row: 17, deadline: '2011-10-04', kind: 'date', status: 'not_started', overdue: false, days: null },
    { id: '3.3', rec: '2', row: 18, deadline: '2011-08-04', kind: 'date', status: 'not_started', overdue: true, days: 42 },
  ];

  it.each(['excel', 'library'] as const)('reads merged bands in %s form', (form) => {
    const { rows, merges } = blocksPlan(form);
    const r = checkWorkbook(book(sheet('Plan de Mejora', rows, { merges })), { asOf: '2011-09-15' });
    expect(brief(r)).toEqual(expected);
    const t = r.tables[0]!;
    expect([t.layout, t.range, t.headerRows, t.titleLines]).toEqual(['recommendation-blocks', 'A3:G18', [7, 8, 14, 15], ['Plan de Mejoras']]);
    expect(t.columns).toEqual({ action: 'A', deadline: 'B', responsible: 'C', comments: 'D', status: 'E' });
    expect(t.secondary).toEqual([
      { role: 'comments', column: 'F', group: 'Secretariado' },
      { role: 'status', column: 'G', group: 'Secretariado' },
    ]);
    expect(t.blocks).toEqual([
      { recommendation: '1', recommendationText: 'Fortalecer la coordinación.', response: 'Revisar perfiles.', headerFound: true, row: 3 },
      { recommendation: '2', recommendationText: 'Promover la participación de las Municipalidades.', response: 'Facilitar la participación.', headerFound: false, row: 11 },
    ]);
    expect(t.actions[1]?.secondary).toEqual([
      { group: 'Secretariado', role: 'comments', text: '' },
      { group: 'Secretariado', role: 'status', text: 'Visto' },
    ]);
    expect(r.findings.filter((f) => f.code !== 'overdue' && f.code !== 'deadline_as_text').map((f) => [f.code, f.cell, f.params])).toEqual([
      ['missing_recommendation_header', 'A11', { recommendation: '2' }],
      ['numbering', 'A16', { kind: 'prefix', actionId: '3.1–3.3', recommendation: '2' }],
      ['numbering', 'A17', { kind: 'skipped', actionId: '3.3', previous: '3.1', expected: '3.2' }],
      ['numbering', 'A18', { kind: 'duplicate', actionId: '3.3' }],
    ]);
    expect(r.findings.map((f) => findingMessage(f, 'en')).filter((m) => m.startsWith('Numbering'))).toEqual([
      'Numbering: actions 3.1–3.3: numbered outside recommendation 2',
      'Numbering: number 3.2 is missing between 3.1 and 3.3',
      'Numbering: number 3.3 is repeated',
    ]);
  });
});

describe('no table', () => {
  it.each([
    ['a budget', [['Rubro', 'Monto', 'Fuente'], ['Consultorías', 12000, 'PNUD'], ['Talleres', 3000, 'UNICEF'], ['Total', 15000, null]]],
    ['a list of names', [['Nombre', 'Cargo'], ['Ana', 'Coordinadora'], ['Luis', 'Técnico']]],
    ['an empty sheet', []],
  ] as [string, Cell[][]][])('finds none in %s', (_label, rows) => {
    const r = checkWorkbook(book(sheet('Hoja1', rows)), { asOf: '2024-01-01' });
    expect(r.tables).toEqual([]);
    expect(codes(r)).toEqual(['no_table@-']);
  });

  it('never reads back a sheet Tablero created', () => {
    const rows: Cell[][] = [['Acción clave', 'Plazo', 'Estado'], ['Taller', d('2020-01-01'), 'Sin iniciar']];
    const r = checkWorkbook(book(sheet('Seguimiento', rows, { ours: true })), { asOf: '2024-01-01' });
    expect(r.tables).toEqual([]);
  });

  it('checks only the sheet asked for', () => {
    const rows: Cell[][] = [['Acción clave', 'Plazo', 'Estado'], ['Taller', d('2020-01-01'), 'Sin iniciar']];
    const wb = book(sheet('A', rows), sheet('B', rows));
    expect(checkWorkbook(wb, { asOf: '2024-01-01', sheet: 'B' }).tables.map((t) => t.sheet)).toEqual(['B']);
    expect(checkWorkbook(wb, { asOf: '2024-01-01' }).tables.map((t) => t.sheet)).toEqual(['A', 'B']);
  });
});
