// Real layouts Tablero was not built against: a milestone tracker, an English management response, a Portuguese plan.
import { checkWorkbook } from '../../src/core/check';
import { isoToSerial } from '../../src/core/dates';
import { dateCell, type Cell } from '../../src/core/grid';
import { groupKey } from '../../src/core/vocab/bands';
import { roleOf } from '../../src/core/vocab/headers';
import type { CheckResult } from '../../src/core/model';
import { applyMappings } from '../../src/core/workbook-state';
import { book, sheet, topLeft } from '../helpers/grids';

const d = (iso: string) => dateCell(isoToSerial(iso));
const codes = (r: CheckResult) => r.findings.map((f) => `${f.code}@${f.cell ?? '-'}`);
const brief = (r: CheckResult) =>
  r.tables.flatMap((t) => t.actions.map((a) => [a.id, a.recommendation, a.responsible, a.status, a.overdue] as const));

/** An open-government milestone tracker: the commitment and institution written once per commitment, milestones numbered from 1 in each. */
export const MILESTONES: Cell[][] = [
  ['Primer Plan de Acción de Gobierno Abierto — matriz de seguimiento'],
  ['Corte: 31 de mayo de 2021'],
  [],
  ['Compromiso', 'Institución responsable', 'N° hito', 'Hito', 'Periodo', 'Nivel de cumplimiento', 'Contraparte'],
  ['1. Política de datos abiertos', 'MINTEL', 1, 'Diagnóstico de datos abiertos', 'ene 2020 - jun 2020', 'Completo', 'REDAM'],
  [null, null, 2, 'Política aprobada', 'dic 2020', 'Completo', null],
  [null, null, 3, 'Indicadores de implementación', 'jun 2021', 'Sustancial', null],
  ['2. Portal de datos abiertos', 'Planifica Ecuador', 1, 'Diagnóstico del portal', 'mar 2020', 'Completo', 'Fundapi'],
  [null, null, 2, 'Rediseño del portal', 'abr 2021', 'Limitado', null],
  ['Transparencia fiscal', 'Ministerio de Finanzas', 1, 'Publicar el presupuesto', 'feb 2021', 'No iniciado', null],
];

describe('every column of a flat table', () => {
  it('reads a milestone tracker: number, institution and commitment columns feed id, responsible and recommendation', () => {
    const r = checkWorkbook(book(sheet('Seguimiento OGP', MILESTONES)), { asOf: '2021-05-31' });
    expect(r.tables.map((t) => [t.layout, t.range, t.columns])).toEqual([
      [
        'flat',
        'A4:G10',
        { recommendation: 'A', responsible: 'B', id: 'C', action: 'D', deadline: 'E', status: 'F' },
      ],
    ]);
    expect(brief(r)).toEqual([
      ['1', '1', 'MINTEL', 'completed', false],
      ['2', '1', 'MINTEL', 'completed', false],
      ['3', '1', 'MINTEL', 'in_progress', false],
      ['1', '2', 'Planifica Ecuador', 'completed', false],
      ['2', '2', 'Planifica Ecuador', 'in_progress', true],
      ['1', 'Transparencia fiscal', 'Ministerio de Finanzas', 'not_started', true],
    ]);
    // Milestones restart at 1 in every commitment: no "repeated number" finding; merged-looking blanks are not missing responsibles.
    expect(codes(r)).toEqual(['overdue@E9', 'overdue@E10']);
  });

  it.each([
    ['N° hito', 'id'],
    ['Código', 'id'],
    ['No.', 'id'],
    ['Nº', 'id'],
    ['Institución responsable', 'responsible'],
    ['Entidad', 'responsible'],
    ['Lead', 'responsible'],
    ['Lead agency', 'responsible'],
    ['Instituição responsável', 'responsible'],
    ['Compromiso', 'recommendation'],
    ['Componente', 'recommendation'],
    ['Eje', 'recommendation'],
    ['Objetivo', 'recommendation'],
    ['Commitment', 'recommendation'],
    ['Outcome', 'recommendation'],
    ['Recommendation', 'recommendation'],
    ['Recomendação', 'recommendation'],
  ])('header %j → %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  it.each(['Contraparte', 'Institución de apoyo', 'Objetivos específicos del plan', 'Código sistema', 'Compromiso presupuestario total'])('header %j names no role', (text) => {
    expect(roleOf(text)).toBeNull();
  });

  it.each([
    ['1. Política de datos abiertos', '1'],
    ['Compromiso 2: Portal de datos', '2'],
    ['Eje N° 3 – Gobernanza', '3'],
    ['Outcome 1 - Policy framework', '1'],
    ['Recomendación 10', '10'],
    ['4', '4'],
    ['2.1 Fortalecer', '2.1'],
    ['Transparencia fiscal', 'Transparencia fiscal'],
    ['20 municipios firman', '20 municipios firman'],
    ['Objetivo  general\nampliado', 'Objetivo general ampliado'],
  ])('group %j → %j', (text, key) => {
    expect(groupKey(text)).toBe(key);
  });
});

/** An English management response: "Recommendation N:" bands with the text on the same line, under a title. */
export const MANAGEMENT_RESPONSE: Cell[][] = [
  topLeft('Management Response to the Mid-term Evaluation of the Joint Programme', 5),
  topLeft('Tracking as of 30 June 2023', 5),
  [],
  topLeft('Recommendation 1: Strengthen the monitoring and evaluation system.', 5),
  topLeft('Management response: Accepted. A results framework will be agreed with partners.', 5),
  ['Key action', 'Time frame', 'Responsible unit', 'Status', 'Comments'],
  ['1.1 Agree the results framework', d('2023-03-31'), 'UNDP', 'Completed', ''],
  ['1.2 Train field staff', d('2023-05-31'), 'UNICEF', 'Initiated', ''],
  topLeft('Recommendation 2: Improve coordination between agencies.', 5),
  topLeft('Management response: Partially accepted.', 5),
  ['Key action', 'Time frame', 'Responsible unit', 'Status', 'Comments'],
  ['2.1 Monthly coordination meetings', 'Ongoing', 'RCO', 'Initiated', ''],
  ['2.2 Joint work plan', d('2023-09-30'), 'RCO', 'Not initiated', ''],
];
const mrMerges = ['A1:E1', 'A2:E2', 'A4:E4', 'A5:E5', 'A9:E9', 'A10:E10'];

describe('block headings in English and Portuguese', () => {
  it('reads "Recommendation N:" blocks with their text and response; the title is not a block', () => {
    const r = checkWorkbook(book(sheet('MR', MANAGEMENT_RESPONSE, { merges: mrMerges })), { asOf: '2023-06-30' });
    const t = r.tables[0]!;
    expect([t.layout, t.range]).toEqual(['recommendation-blocks', 'A4:E13']);
    expect(t.blocks).toEqual([
      { recommendation: '1', recommendationText: 'Strengthen the monitoring and evaluation system.', response: 'Accepted. A results framework will be agreed with partners.', headerFound: true, row: 4 },
      { recommendation: '2', recommendationText: 'Improve coordination between agencies.', response: 'Partially accepted.', headerFound: true, row: 9 },
    ]);
    expect(brief(r)).toEqual([
      ['1.1', '1', 'UNDP', 'completed', false],
      ['1.2', '1', 'UNICEF', 'in_progress', true],
      ['2.1', '2', 'RCO', 'in_progress', false],
      ['2.2', '2', 'RCO', 'not_started', false],
    ]);
    expect(t.titleLines).toEqual(['Management Response to the Mid-term Evaluation of the Joint Programme', 'Tracking as of 30 June 2023']);
    expect(codes(r)).toEqual(['overdue@B8']);
  });

  it('reads a Portuguese plan with "Recomendação N" bands', () => {
    const pt: Cell[][] = [
      topLeft('Plano de melhoria — Avaliação final', 5),
      topLeft('Data de corte: 31/12/2022', 5),
      topLeft('Recomendação 1', 5),
      topLeft('Fortalecer a gestão comunitária da água.', 5),
      topLeft('Resposta da gestão', 5),
      topLeft('Aceita.', 5),
      ['Ação', 'Prazo', 'Responsável', 'Situação', 'Observações'],
      ['1.1 Capacitar as juntas', '30/06/2022', 'Secretaria', 'Concluída', ''],
      ['1.2 Manual de gestão', '31/12/2023', 'Prefeitura', 'Em andamento', ''],
      topLeft('Recomendação 2: Melhorar o monitoramento.', 5),
      ['Ação', 'Prazo', 'Responsável', 'Situação', 'Observações'],
      ['2.1 Painel de indicadores', '30/09/2022', 'Secretaria', 'Não iniciada', ''],
    ];
    const merges = ['A1:E1', 'A2:E2', 'A3:E3', 'A4:E4', 'A5:E5', 'A6:E6', 'A10:E10'];
    const r = checkWorkbook(book(sheet('Plano', pt, { merges })), { asOf: '2022-12-31' });
    expect(r.tables[0]!.blocks.map((b) => [b.recommendation, b.recommendationText, b.response, b.headerFound])).toEqual([
      ['1', 'Fortalecer a gestão comunitária da água.', 'Aceita.', true],
      ['2', 'Melhorar o monitoramento.', null, true],
    ]);
    expect(brief(r)).toEqual([
      ['1.1', '1', 'Secretaria', 'completed', false],
      ['1.2', '1', 'Prefeitura', 'in_progress', false],
      ['2.1', '2', 'Secretaria', 'not_started', true],
    ]);
    expect(codes(r).filter((c) => c.startsWith('missing_recommendation_header'))).toEqual([]);
  });

  it('text bands followed by a response label are the first recommendation, its band missing (no number invented)', () => {
    const rows: Cell[][] = [
      topLeft('Fortalecer las instancias de coordinación.', 4),
      topLeft('Respuesta de la gestión del Programa Conjunto', 4),
      topLeft('Se revisarán los perfiles.', 4),
      ['Acciones clave', 'Plazo', 'Responsable/s', 'Estado'],
      ['1.1 Revisión de roles', d('2011-05-04'), 'MIDUVI', 'Concluido'],
      topLeft('Recomendación de la Evaluación N° 2', 4),
      ['Acciones clave', 'Plazo', 'Responsable/s', 'Estado'],
      ['2.1 Plan de trabajo', d('2011-06-06'), 'SENAGUA', 'Concluido'],
    ];
    const r = checkWorkbook(book(sheet('Plan', rows, { merges: ['A1:D1', 'A2:D2', 'A3:D3', 'A6:D6'] })), { asOf: '2011-09-15' });
    expect(r.tables[0]!.blocks.map((b) => [b.recommendation, b.recommendationText, b.headerFound, b.row])).toEqual([
      [null, 'Fortalecer las instancias de coordinación.', false, 1],
      ['2', null, true, 6],
    ]);
    expect(r.findings.filter((f) => f.code === 'missing_recommendation_header').map((f) => [f.cell, f.params])).toEqual([['A1', { recommendation: '' }]]);
  });
});

describe('a saved mapping names the number and the group columns too', () => {
  it('reads ids and recommendations from the columns the user pointed at', () => {
    const rows: Cell[][] = [
      ['Línea', 'Qué haremos', 'Para cuándo', 'Quién', 'Cómo va', 'Cód'],
      ['Eje 1: Agua segura', 'Capacitar a las juntas', '31/03/2024', 'SENAGUA', 'En curso', 'A-1'],
      [null, 'Actualizar el catastro', '30/06/2024', 'Municipio', 'Sin iniciar', 'A-2'],
      ['Eje 2: Saneamiento', 'Publicar el informe', '15/01/2024', 'UCP', 'Concluido', 'B-1'],
    ];
    const mapped = applyMappings(book(sheet('Hoja1', rows)), {
      Hoja1: { headerRow: 1, columns: { action: 'B', deadline: 'C', responsible: 'D', status: 'E', id: 'F', recommendation: 'A' } },
    });
    const r = checkWorkbook(mapped, { asOf: '2024-05-01' });
    expect(r.tables[0]!.columns).toEqual({ recommendation: 'A', action: 'B', deadline: 'C', responsible: 'D', status: 'E', id: 'F' });
    expect(brief(r)).toEqual([
      ['A-1', '1', 'SENAGUA', 'in_progress', true],
      ['A-2', '1', 'Municipio', 'not_started', false],
      ['B-1', '2', 'UCP', 'completed', false],
    ]);
  });
});
