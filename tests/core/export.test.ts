import * as fs from 'node:fs';
import { checkWorkbook } from '../../src/core/check';
import {
  buildExport,
  EXPORT_TABLES,
  exportWorkbook,
  latestComment,
  programmeTitle,
  sourceRef,
  trackingStatus,
  type ExportInput,
} from '../../src/core/export';
import { finding } from '../../src/core/findings';
import { catalogue, fill, type Lang } from '../../src/core/i18n';
import { emptyStatusCounts, type Action, type CheckResult, type StatusId, type TableResult } from '../../src/core/model';
import type { OutputSheet, OutputTable, OutputValue } from '../../src/core/output';
import { rollupWorkbook } from '../../src/core/rollup';
import type { RollupResult } from '../../src/core/rollup/types';
import { readXlsx } from '../../src/hosts/xlsx/read';

import { ECUADOR_PLAN, HONDURAS_MONITORING } from '../fixtures';
const ecuador = readXlsx(new Uint8Array(fs.readFileSync(ECUADOR_PLAN)));
const ecuadorCheck = checkWorkbook(ecuador, { asOf: '2011-09-15' });

function exportOf(check: CheckResult, lang: Lang, rollup?: RollupResult | null): OutputSheet[] {
  return buildExport({ check, rollup, sourceFile: 'plan.xlsx', generatedAt: '2011-09-16T08:30:00Z', version: '9.9.9', lang });
}

function tableOf(sheets: readonly OutputSheet[], name: string): OutputTable {
  const t = sheets.flatMap((s) => s.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** The column named `header` as a list of values. */
function column(t: OutputTable, header: string): OutputValue[] {
  const i = t.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no column ${header} in ${t.name}: ${t.columns.map((c) => c.header).join(' | ')}`);
  return t.rows.map((r) => r[i] ?? null);
}

function tally(values: readonly OutputValue[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

const byId = (t: OutputTable, id: string): readonly OutputValue[] => {
  const i = t.columns.findIndex((c) => c.header === 'Action id' || c.header === 'N° de acción');
  const row = t.rows.find((r) => r[i] === id);
  if (!row) throw new Error(`no action ${id}`);
  return row;
};

describe('Ecuador fixture as of 2011-09-15, in English', () => {
  const sheets = exportOf(ecuadorCheck, 'en');
  const actions = tableOf(sheets, EXPORT_TABLES.actions);
  const summary = tableOf(sheets, EXPORT_TABLES.summary);

  it('has the fixed sheets, one Excel table each, and no Indicators sheet without record sheets', () => {
    expect(sheets.map((s) => s.name)).toEqual(['About', 'Key actions', 'Summary', 'Findings']);
    expect(sheets.map((s) => s.tables.map((t) => t.name))).toEqual([
      ['Tablero_About'],
      ['Tablero_KeyActions'],
      ['Tablero_Summary'],
      ['Tablero_Findings'],
    ]);
  });

  it('About: programme title from the title rows, source, dates, version and counts', () => {
    const about = tableOf(sheets, EXPORT_TABLES.about);
    expect(about.columns.map((c) => c.header)).toEqual(['Item', 'Value']);
    expect(about.rows).toEqual([
      ['Programme', 'Gobernabilidad del sector agua y saneamiento en el Ecuador en el marco de los Objetivos de Desarrollo del Milenio'],
      ['Source file', 'plan.xlsx'],
      ['As of', { date: '2011-09-15' }],
      ['Date generated', { date: '2011-09-16' }],
      ['Tablero version', '9.9.9'],
      ['Number of actions', 36],
      ['Number of findings', ecuadorCheck.findings.length],
    ]);
  });

  it('Key actions: 36 rows under the fixed English headers', () => {
    expect(actions.columns.map((c) => [c.header, c.type])).toEqual([
      ['Recommendation no.', 'text'],
      ['Recommendation', 'text'],
      ['Management response', 'text'],
      ['Action id', 'text'],
      ['Key action', 'text'],
      ['Responsible', 'text'],
      ['Lead organisation', 'text'],
      ['Due date', 'date'],
      ['Status', 'text'],
      ['Overdue', 'text'],
      ['Days overdue', 'integer'],
      ['Latest comment', 'text'],
      ['Source', 'text'],
    ]);
    expect(actions.rows).toHaveLength(36);
    expect(column(actions, 'Action id')[0]).toBe('1.1');
    expect(column(actions, 'Action id')[35]).toBe('12.6');
  });

  it('statuses in the UN vocabulary: Completed 5, Initiated 19, Not initiated 11, one blank (1.7)', () => {
    expect(tally(column(actions, 'Status'))).toEqual({ Completed: 5, Initiated: 19, 'Not initiated': 11, Blank: 1 });
    expect(byId(actions, '1.7')[8]).toBe('Blank');
    expect(byId(actions, '1.6')[8]).toBe('Completed');
  });

  it('20 overdue, with days overdue; continuous deadlines are never overdue', () => {
    expect(tally(column(actions, 'Overdue'))).toEqual({ Yes: 20, No: 16 });
    const overdueIds = actions.rows.filter((r) => r[9] === 'Yes').map((r) => r[3]);
    expect(overdueIds).toEqual(
      '1.2 1.5 1.7 2.1 2.2 2.3 3.1 4.1 4.2 4.3 5.1 6.1 8.2 10.1 11.2 11.3 11.4 12.1 12.2 12.3'.split(' '),
    );
    expect(byId(actions, '1.2').slice(7, 11)).toEqual([{ date: '2011-08-24' }, 'Initiated', 'Yes', 22]);
    expect(byId(actions, '1.1').slice(7, 11)).toEqual([{ date: '2011-05-04' }, 'Completed', 'No', null]);
    for (const id of ['11.1', '11.5', '12.4', '12.5']) expect(byId(actions, id)[7]).toBe('Continuous');
  });

  it('recommendation, response, lead organisation, latest comment and source cell', () => {
    const a = byId(actions, '1.1');
    expect(a[0]).toBe(1);
    expect(a[1]).toMatch(/^Fortalecer y empoderar las instancias de coordinación/);
    expect(a[2]).toMatch(/^Revisión y adecuación de los perfiles/);
    expect(a[5]).toMatch(/^Lidera: MIDUVI \(Ing\. Leonardo González\) Equipo: OCR/);
    expect(a[6]).toBe('MIDUVI');
    expect(a[11]).toMatch(/^TdR aprobados por el CTP\./);
    expect(a[12]).toMatch(/^'Plan de Mejora'![A-Z]+\d+$/);
    expect(byId(actions, '2.2')[6]).toBe('SENAGUA');
    expect(byId(actions, '11.2')[6]).toBe('OCR');
    // Rows run down the sheet: every source points at a different row.
    expect(new Set(column(actions, 'Source')).size).toBe(36);
  });

  it('Summary: per recommendation and in total, share not overdue 16/36 with red/yellow/green bands', () => {
    expect(summary.columns.map((c) => [c.header, c.type])).toEqual([
      ['Recommendation no.', 'text'],
      ['Actions', 'integer'],
      ['Completed', 'integer'],
      ['Initiated', 'integer'],
      ['Not initiated', 'integer'],
      ['No longer applicable', 'integer'],
      ['Blank', 'integer'],
      ['Unknown', 'integer'],
      ['% completed', 'percent'],
      ['Overdue', 'integer'],
      ['Share not overdue', 'percent'],
    ]);
    expect(summary.columns[10]?.bands).toEqual([
      { atLeast: 0.9, fill: 'green' },
      { atLeast: 0.75, fill: 'yellow' },
      { atLeast: 0, fill: 'red' },
    ]);
    expect(summary.totalRow).toBe(true);
    expect(summary.rows.at(-1)).toEqual(['Total', 36, 5, 19, 11, 0, 1, 0, 5 / 36, 20, 16 / 36]);
    // 11 recommendation blocks (one without its band), then the total.
    expect(column(summary, 'Recommendation no.')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 'Total']);
    expect(summary.rows[0]).toEqual([1, 7, 4, 2, 0, 0, 1, 0, 4 / 7, 3, 4 / 7]);
    expect(summary.rows[6]).toEqual([7, 2, 0, 2, 0, 0, 0, 0, 0, 0, 1]);
    // The per-recommendation rows add up to the total.
    const body = summary.rows.slice(0, -1);
    for (const i of [1, 2, 3, 4, 5, 6, 7, 9]) {
      expect(body.reduce((s, r) => s + (r[i] as number), 0)).toBe(summary.rows.at(-1)?.[i]);
    }
  });

  it('Findings: every finding with code, severity, cell and message', () => {
    const f = tableOf(sheets, EXPORT_TABLES.findings);
    expect(f.columns.map((c) => c.header)).toEqual(['Code', 'Severity', 'Cell', 'Action id', 'Message']);
    expect(f.rows).toHaveLength(ecuadorCheck.findings.length);
    expect(tally(column(f, 'Code'))['overdue']).toBe(20);
    const first = f.rows.find((r) => r[0] === 'overdue' && r[3] === '1.2');
    expect(first).toEqual(['overdue', 'warning', "'Plan de Mejora'!B15", '1.2', 'Action 1.2 overdue: due 24 Aug 2011, 22 days late (status: In progress).']);
  });

  it('widths fit the content, between 6 and 60 characters', () => {
    for (const t of sheets.flatMap((s) => s.tables)) {
      for (const c of t.columns) {
        expect(c.width).toBeGreaterThanOrEqual(Math.min(60, c.header.length + 4));
        expect(c.width).toBeLessThanOrEqual(60);
      }
    }
    expect(actions.columns[4]?.width).toBe(60);
    expect(actions.columns[3]?.width).toBe('Action id'.length + 4);
    // Due dates are 10 characters wide; the header is longer.
    expect(actions.columns[7]?.width).toBe(13);
  });
});

describe('Ecuador fixture in Spanish', () => {
  const sheets = exportOf(ecuadorCheck, 'es');
  const actions = tableOf(sheets, EXPORT_TABLES.actions);
  const summary = tableOf(sheets, EXPORT_TABLES.summary);

  it('same numbers under Spanish sheet names and headers', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Acerca de', 'Acciones clave', 'Resumen', 'Hallazgos']);
    expect(actions.columns.map((c) => c.header)).toEqual([
      'Recomendación N°',
      'Recomendación',
      'Respuesta de la gestión',
      'N° de acción',
      'Acción clave',
      'Responsable/s',
      'Organización líder',
      'Plazo',
      'Estado',
      'Atrasada',
      'Días de atraso',
      'Último comentario',
      'Origen',
    ]);
    expect(actions.rows).toHaveLength(36);
    expect(tally(column(actions, 'Estado'))).toEqual({ Completada: 5, 'En curso': 19, 'Sin iniciar': 11, 'Sin estado': 1 });
    expect(tally(column(actions, 'Atrasada'))).toEqual({ Sí: 20, No: 16 });
    expect(byId(actions, '11.1')[7]).toBe('Continuo');
    expect(summary.columns.map((c) => c.header)).toEqual([
      'Recomendación N°',
      'Acciones',
      'Completada',
      'En curso',
      'Sin iniciar',
      'Ya no aplica',
      'Sin estado',
      'Desconocido',
      '% completadas',
      'Atrasadas',
      'Proporción no atrasada',
    ]);
    expect(summary.rows.at(-1)).toEqual(['Total', 36, 5, 19, 11, 0, 1, 0, 5 / 36, 20, 16 / 36]);
    const about = tableOf(sheets, EXPORT_TABLES.about);
    expect(about.rows.map((r) => r[0])).toEqual([
      'Programa',
      'Archivo de origen',
      'Fecha de corte',
      'Fecha de generación',
      'Versión de Tablero',
      'Número de acciones',
      'Número de hallazgos',
    ]);
    const f = tableOf(sheets, EXPORT_TABLES.findings);
    expect(f.rows.find((r) => r[0] === 'vencida' && r[3] === '1.2')?.slice(1, 3)).toEqual(['advertencia', "'Plan de Mejora'!B15"]);
  });
});

describe('tracking vocabulary', () => {
  it.each<[StatusId, string, string]>([
    ['completed', 'Completed', 'Completada'],
    ['in_progress', 'Initiated', 'En curso'],
    ['not_started', 'Not initiated', 'Sin iniciar'],
    ['not_applicable', 'No longer applicable', 'Ya no aplica'],
    ['missing', 'Blank', 'Sin estado'],
    ['unknown', 'Unknown', 'Desconocido'],
  ])('%s → %s / %s', (status, en, es) => {
    expect(trackingStatus(status, 'en')).toBe(en);
    expect(trackingStatus(status, 'es')).toBe(es);
  });
});

// Synthetic results for the cases the fixture does not have.
function action(over: Partial<Action> & { id: string }): Action {
  return {
    recommendation: over.id.split('.')[0] ?? null,
    block: null,
    row: 2,
    text: `Action ${over.id}`,
    responsible: 'UNDP',
    deadline: '2024-01-31',
    deadlineKind: 'date',
    deadlineText: '31/01/2024',
    status: 'in_progress',
    statusText: 'En curso',
    comments: null,
    overdue: false,
    daysOverdue: null,
    cells: { id: 'A2', action: 'B2' },
    secondary: [],
    ...over,
  };
}

function table(sheet: string, actions: Action[], titleLines: string[] = []): TableResult {
  return { sheet, layout: 'flat', range: 'A1:F9', columns: {}, secondary: [], headerRows: [1], blocks: [], actions, titleLines };
}

function result(tables: TableResult[], asOf = '2024-06-30'): CheckResult {
  const byStatus = emptyStatusCounts();
  for (const t of tables) for (const a of t.actions) byStatus[a.status]++;
  const all = tables.flatMap((t) => t.actions);
  return {
    asOf,
    tables,
    findings: [],
    summary: { actions: all.length, overdue: all.filter((a) => a.overdue).length, continuous: 0, byStatus },
  };
}

describe('edge cases', () => {
  it('due dates: period end as a date, impossible date as its text, missing as blank; unknown status stated', () => {
    const r = result([
      table('Tracker', [
        action({ id: '1.1', deadline: '2024-09-30', deadlineKind: 'period', deadlineText: 'Q3-2024' }),
        action({ id: '1.2', deadline: null, deadlineKind: 'invalid', deadlineText: '31/02/2024' }),
        action({ id: '1.3', deadline: null, deadlineKind: 'missing', deadlineText: '' }),
        action({ id: '1.4', status: 'unknown', statusText: 'Postergado' }),
        action({ id: '1.5', status: 'not_applicable', statusText: 'Ya no aplica' }),
      ]),
    ]);
    const t = tableOf(exportOf(r, 'en'), EXPORT_TABLES.actions);
    expect(column(t, 'Due date')).toEqual([{ date: '2024-09-30' }, '31/02/2024', null, { date: '2024-01-31' }, { date: '2024-01-31' }]);
    expect(column(t, 'Status')).toEqual(['Initiated', 'Initiated', 'Initiated', 'Unknown', 'No longer applicable']);
    expect(column(t, 'Source')).toEqual(['Tracker!A2', 'Tracker!A2', 'Tracker!A2', 'Tracker!A2', 'Tracker!A2']);
    expect(column(t, 'Recommendation')).toEqual([null, null, null, null, null]);
  });

  it('groups by table when several sheets hold plans, and a workbook without actions still has a total', () => {
    const r = result([
      table('Plan A', [action({ id: '1.1', overdue: true, daysOverdue: 3 }), action({ id: '2.1', status: 'completed' })]),
      table('Plan B', [action({ id: '1.1' }), action({ id: 'x', recommendation: null })]),
    ]);
    const s = tableOf(exportOf(r, 'en'), EXPORT_TABLES.summary);
    expect(s.rows.map((row) => [row[0], row[1], row[9], row[10]])).toEqual([
      ['Plan A: 1', 1, 1, 0],
      ['Plan A: 2', 1, 0, 1],
      ['Plan B: 1', 1, 0, 1],
      ['Plan B: (no recommendation)', 1, 0, 1],
      ['Total', 4, 1, 0.75],
    ]);
    const empty = tableOf(exportOf(result([]), 'es'), EXPORT_TABLES.summary);
    expect(empty.rows).toEqual([['Total', 0, 0, 0, 0, 0, 0, 0, null, 0, null]]);
    const about = tableOf(exportOf(result([]), 'es'), EXPORT_TABLES.about);
    expect(about.rows[0]).toEqual(['Programa', null]);
  });

  it('a generated-at that is not a date is kept as text', () => {
    const input: ExportInput = { check: result([]), sourceFile: 'a.xlsx', generatedAt: 'yesterday', version: '1', lang: 'en' };
    expect(tableOf(buildExport(input), EXPORT_TABLES.about).rows[3]).toEqual(['Date generated', 'yesterday']);
  });

  it.each<[string, Action['secondary'], string | null, string | null]>([
    ['primary only', [], 'Seguimiento says', 'Seguimiento says'],
    ['secretariat reviewed later', [{ group: 'Secretariado', role: 'comments', text: 'Secretariat says' }], 'Seguimiento says', 'Secretariat says'],
    ['empty secretariat comment ignored', [{ group: 'Secretariado', role: 'comments', text: '  ' }], 'Seguimiento says', 'Seguimiento says'],
    ['secondary status is not a comment', [{ group: 'Secretariado', role: 'status', text: 'Concluido' }], null, null],
  ])('latest comment: %s', (_, secondary, comments, expected) => {
    expect(latestComment(action({ id: '1', secondary, comments }))).toBe(expected);
  });

  it.each<[string | null, string | null, string | null]>([
    ['Plan de Mejora', 'A12', "'Plan de Mejora'!A12"],
    ['Tracker', 'B3', 'Tracker!B3'],
    ["O'Brien plan", 'C4', "'O''Brien plan'!C4"],
    ['AB12', 'A1', "'AB12'!A1"],
    ['Plan-2024', null, "'Plan-2024'"],
    [null, 'A1', 'A1'],
    [null, null, null],
  ])('source reference %s / %s → %s', (sheetName, cell, expected) => {
    expect(sourceRef(sheetName, cell)).toBe(expected);
  });

  it.each<[string[], string | null]>([
    [[], null],
    [['Ecuador', 'Título del Programa: Agua para todos'], 'Agua para todos'],
    [['**Programme title: Water for all**'], 'Water for all'],
    [['Ecuador', 'Plan de Mejoras'], 'Ecuador — Plan de Mejoras'],
  ])('programme title from %j', (lines, expected) => {
    expect(programmeTitle(table('S', [], lines))).toBe(expected);
    expect(programmeTitle(undefined)).toBeNull();
  });
});

describe('Indicators sheet from roll-ups', () => {
  const figures = { records: 3, households: 100 };
  const rollup: RollupResult = {
    coverage: {
      sheet: 'Comunidades',
      source: { sheet: 'Comunidades', headerRow: 1, firstRow: 2, lastRow: 4, columns: [], records: 3, skippedBlank: 0, skippedTotal: 0, unreadableCells: 0, numbersAsText: 0, mapped: false },
      indicators: ['water', 'sanitation'],
      levels: [{ level: 'municipality', header: 'Municipio', column: 'A' }],
      total: { ...figures, water: 0.84, sanitation: 0.5, schools: null, healthCentres: null, counts: { water: { numerator: 84, denominator: 100 }, sanitation: { numerator: 50, denominator: 100 } } },
      areas: [
        { level: 'municipality', levelHeader: 'Municipio', name: 'Gracias', parent: null, path: ['Gracias'], records: 2, households: 60, water: 0.9, sanitation: 0.5, schools: null, healthCentres: null, counts: { water: { numerator: 54, denominator: 60 }, sanitation: { numerator: 30, denominator: 60 } } },
        { level: 'municipality', levelHeader: 'Municipio', name: 'Erandique', parent: null, path: ['Erandique'], records: 1, households: 40, water: 0.75, sanitation: 0.5, schools: null, healthCentres: null, counts: { water: { numerator: 30, denominator: 40 }, sanitation: { numerator: 20, denominator: 40 } } },
      ],
      threshold: 0.8,
      areasAboveThreshold: { level: 'municipality', levelHeader: 'Municipio', of: 2, water: 1, sanitation: 0, schools: null, healthCentres: null },
    },
    serviceLevels: null,
    providerPerformance: null,
    findings: [finding('row_skipped_blank', 'info', { sheet: 'Comunidades', cell: 'A5' }, { row: 5 })],
  };

  it('adds the Indicators sheet before Findings, one long table of ratios, and the roll-up findings', () => {
    const sheets = exportOf(result([]), 'en', rollup);
    expect(sheets.map((s) => s.name)).toEqual(['About', 'Key actions', 'Summary', 'Indicators', 'Findings']);
    const t = tableOf(sheets, EXPORT_TABLES.indicators);
    expect(t.columns.map((c) => [c.header, c.type])).toEqual([
      ['Area level', 'text'],
      ['Area', 'text'],
      ['Indicator', 'text'],
      ['Numerator', 'integer'],
      ['Denominator', 'integer'],
      ['Value', 'percent'],
    ]);
    expect(t.rows).toEqual([
      ['Total', 'All areas', 'Water coverage (households)', 84, 100, 0.84],
      ['Total', 'All areas', 'Sanitation coverage (households)', 50, 100, 0.5],
      ['Total', 'All areas', 'Municipalities with water coverage ≥ 80%', 1, 2, 0.5],
      ['Total', 'All areas', 'Municipalities with sanitation coverage ≥ 80%', 0, 2, 0],
      ['Municipality', 'Gracias', 'Water coverage (households)', 54, 60, 0.9],
      ['Municipality', 'Gracias', 'Sanitation coverage (households)', 30, 60, 0.5],
      ['Municipality', 'Erandique', 'Water coverage (households)', 30, 40, 0.75],
      ['Municipality', 'Erandique', 'Sanitation coverage (households)', 20, 40, 0.5],
    ]);
    const f = tableOf(sheets, EXPORT_TABLES.findings);
    expect(column(f, 'Code')).toEqual(['row_skipped_blank']);
    expect(tableOf(sheets, EXPORT_TABLES.about).rows[6]).toEqual(['Number of findings', 1]);
  });

  it('no Indicators sheet, and none of the roll-up findings, when no record sheet was found', () => {
    const none: RollupResult = { coverage: null, serviceLevels: null, providerPerformance: null, findings: [finding('no_record_sheet', 'info', {}, { kind: 'coverage' })] };
    const sheets = exportOf(result([]), 'es', none);
    expect(sheets.map((s) => s.name)).toEqual(['Acerca de', 'Acciones clave', 'Resumen', 'Hallazgos']);
    expect(tableOf(sheets, EXPORT_TABLES.findings).rows).toEqual([]);
  });
});

describe('Honduras fixture: the roll-ups go to the Indicators sheet', () => {
  const honduras = readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_MONITORING)));
  const check = checkWorkbook(honduras, { asOf: '2017-12-31' });

  it.each<[Lang, string[]]>([
    ['en', ['About', 'Key actions', 'Summary', 'Indicators', 'Findings']],
    ['es', ['Acerca de', 'Acciones clave', 'Resumen', 'Indicadores', 'Hallazgos']],
  ])('the figures of the fixtures README (%s)', (lang, names) => {
    const sheets = exportOf(check, lang, rollupWorkbook(honduras, { lang }));
    expect(sheets.map((s) => s.name)).toEqual(names);
    const t = tableOf(sheets, EXPORT_TABLES.indicators);
    const x = catalogue(lang).export;
    const total = (indicator: string) => {
      const rows = t.rows.filter((r) => r[0] === x.levelTotal && r[1] === x.allAreas && r[2] === indicator);
      expect(rows).toHaveLength(1);
      return rows[0]?.slice(3);
    };
    const close = (row: readonly OutputValue[] | undefined, num: number, den: number, value: number) => {
      expect(row?.slice(0, 2)).toEqual([num, den]);
      expect(row?.[2]).toBeCloseTo(value, 6);
    };
    close(total(x.ind_water), 128865, 153228, 0.841002);
    close(total(x.ind_sanitation), 123699, 153228, 0.807287);
    const above = (ind: string) => fill(x.indAboveThreshold, { levels: x.levels_municipality, indicator: ind, threshold: '80%' });
    close(total(above(x.indAboveWater)), 18, 26, 18 / 26);
    close(total(above(x.indAboveSanitation)), 16, 26, 16 / 26);
    const systems = (['A', 'B', 'C', 'D'] as const).map((category) => total(fill(x.indSystemsCategory, { category }))?.[0]);
    expect(systems).toEqual([410, 176, 8, 0]);
    const providers = (['A', 'B', 'C', 'D'] as const).map((category) => total(fill(x.indProvidersCategory, { category }))?.[0]);
    expect(providers).toEqual([54, 422, 109, 9]);
    close(total(x.indBacteriological), 453, 1772, 0.255643);
    // 26 municipalities, each with its own water-coverage row; their mean is not the total.
    const municipal = t.rows.filter((r) => r[0] === x.level_municipality && r[2] === x.ind_water);
    expect(municipal).toHaveLength(26);
    expect(municipal.filter((r) => (r[5] as number) >= 0.8)).toHaveLength(18);
    // The plan part is empty but present, and the missing plan is a finding.
    expect(tableOf(sheets, EXPORT_TABLES.actions).rows).toEqual([]);
    expect(column(tableOf(sheets, EXPORT_TABLES.findings), x.colCode)).toEqual([lang === 'es' ? 'sin tabla' : 'no_table']);
  });
});

describe('exportWorkbook: check, roll-up and export in one call (what the pane calls)', () => {
  it('gives the same sheets as buildExport over checkWorkbook', () => {
    const opts = { asOf: '2011-09-15', sourceFile: 'plan.xlsx', generatedAt: '2011-09-16T08:30:00Z', version: '9.9.9', lang: 'en' as const };
    const x = exportWorkbook(ecuador, opts);
    expect(x.hasContent).toBe(true);
    expect(x.check.summary.overdue).toBe(20);
    expect(x.sheets).toEqual(exportOf(ecuadorCheck, 'en', x.rollup));
    expect(x.sheets.map((s) => s.name)).toEqual(['About', 'Key actions', 'Summary', 'Findings']);
  });

  it('has no content for a workbook with neither a plan nor record sheets', () => {
    const wb = { date1904: false, sheets: [{ name: 'Presupuesto', rows: [['Rubro', 'Monto'], ['Talleres', 3000]], merges: [] }] };
    const x = exportWorkbook(wb, { asOf: '2024-01-01', sourceFile: 'b.xlsx', generatedAt: '2024-01-01', version: '1', lang: 'es' });
    expect(x.hasContent).toBe(false);
    expect(x.check.tables).toEqual([]);
  });
});
