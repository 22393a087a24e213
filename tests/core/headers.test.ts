import { roleOf } from '../../src/core/vocab/headers';
import { isNotAnAction, isResponseLabel, recommendationNumber, splitLeadingId } from '../../src/core/vocab/bands';
import { leadOrganisation } from '../../src/core/responsible';

describe('header synonyms', () => {
  it.each([
    ['Acciones clave', 'action'],
    ['ACCIONES\nCLAVE', 'action'],
    ['Acción', 'action'],
    ['Actividad', 'action'],
    ['Key action', 'action'],
    ['Ação', 'action'],
    ['Plazo', 'deadline'],
    ['Fecha límite', 'deadline'],
    ['Fecha de cumplimiento', 'deadline'],
    ['Due date', 'deadline'],
    ['Completion date', 'deadline'],
    ['Prazo', 'deadline'],
    ['Plazo (dd/mm/aaaa)', 'deadline'],
    ['Período', 'deadline'],
    ['Periodo de ejecución', 'deadline'],
    ['Timeline', 'deadline'],
    ['Responsable/s', 'responsible'],
    ['Responsables', 'responsible'],
    ['Responsible', 'responsible'],
    ['Responsible unit', 'responsible'],
    ['Responsável', 'responsible'],
    ['Estado', 'status'],
    ['Estado de avance', 'status'],
    ['Status', 'status'],
    ['Situação', 'status'],
    ['Nivel de cumplimiento', 'status'],
    ['Comentarios', 'comments'],
    ['Observaciones', 'comments'],
    ['Comments', 'comments'],
    ['Observações', 'comments'],
    ['N°', 'id'],
    ['No.', 'id'],
    ['Nº', 'id'],
    ['#', 'id'],
    ['Estado\u00a0', 'status'],
  ])('%j → %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  it.each(['Seguimiento', 'Secretariado', 'Fecha de inicio', 'Presupuesto', 'Nombre', 'Total', 'Recomendación de la Evaluación N° 1', ''])(
    'rejects %j',
    (text) => {
      expect(roleOf(text)).toBeNull();
    },
  );
});

describe('bands', () => {
  it.each([
    ['Recomendación de la Evaluación N° 1', '1'],
    ['Recomendación de la Evaluación N°10', '10'],
    ['RECOMENDACIÓN Nº 3', '3'],
    ['Recommendation 7', '7'],
    ['Recomendação 2', '2'],
    ['Recomendación 4:', '4'],
  ])('recommendation header %j → %s', (text, n) => {
    expect(recommendationNumber(text)).toBe(n);
  });

  it.each(['Recomendación de la Evaluación', 'Fortalecer y empoderar las instancias de coordinación 2', 'Acciones clave'])(
    'not a recommendation header: %j',
    (text) => {
      expect(recommendationNumber(text)).toBeNull();
    },
  );

  it.each(['Respuesta de la gestión del Programa Conjunto', 'Management response', 'Resposta da gestão'])('response label %j', (text) => {
    expect(isResponseLabel(text)).toBe(true);
  });

  it.each(['Total acciones: 10', 'TOTAL', 'Nota: datos a junio', 'Fuente: informe'])('not an action: %j', (text) => {
    expect(isNotAnAction(text)).toBe(true);
  });

  it.each([
    ['1.1. Revisión de roles', '1.1', 'Revisión de roles'],
    ['1.1 Revisión', '1.1', 'Revisión'],
    ['10.2. Impulsar', '10.2', 'Impulsar'],
    ['3) Taller', '3', 'Taller'],
    ['4. Taller', '4', 'Taller'],
    ['20 municipios firman', null, '20 municipios firman'],
    ['Taller 2.1', null, 'Taller 2.1'],
  ])('leading id of %j', (text, id, rest) => {
    expect(splitLeadingId(text)).toEqual({ id, rest });
  });
});

describe('lead organisation', () => {
  it.each([
    ['Lidera: MIDUVI (Ing. Leonardo González) Equipo: OCR, PNUD, ONU-HABITAT, MIDUVI, SENAGUA', 'MIDUVI'],
    ['Lidera SENAGUA Equipo: MIDUVI, MSP, PNUD y UCP', 'SENAGUA'],
    ['MIDUVI (Ing. Leonardo González) SENAGUA (Alfredo López) MSP (Mónica Garcés)', 'MIDUVI'],
    ['OCR (Mónica hernández), UCP y agencias', 'OCR'],
    ['UCP, MIDUVI, SENAGUA, MSP', 'UCP'],
    ['UCP y OACDH', 'UCP'],
    ['Lideran MIDUVI y UCP Equipo: SENAGUA, MSP', 'MIDUVI'],
    ['Liderado por: SENAGUA', 'SENAGUA'],
    ['Lead: UNDP (Country Office) Team: UNICEF', 'UNDP'],
    ['Coordinadora Nacional', 'Coordinadora Nacional'],
    ['SENAGUA', 'SENAGUA'],
    ['', null],
    [null, null],
  ])('%j → %j', (text, lead) => {
    expect(leadOrganisation(text)).toBe(lead);
  });
});
