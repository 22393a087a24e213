import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { CheckJson } from '../../src/cli/check-json';
import { trackingStatus } from '../../src/core/export';
import { cellText, type SheetGrid } from '../../src/core/grid';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { GUATEMALA_CALENDAR, WATER_CALENDAR } from '../fixtures';
import { cliRunner, sha256, tempDir } from '../helpers/cli';
import { typeIntoCells } from '../helpers/edit-xlsx';

const run = cliRunner('2011-05-15');
const tmp = tempDir('tablero-calendar-');

async function checkJson(file: string, ...args: string[]): Promise<CheckJson> {
  const r = await run('check', file, '--format', 'json', ...args);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout) as CheckJson;
}

/** The tracking table of a written workbook: its header row (1-based) and rows as texts. */
function trackingRows(file: string, sheetName: string): { header: number; rows: string[][]; sheet: SheetGrid } {
  const wb = readXlsx(fs.readFileSync(file));
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no ${sheetName} in ${wb.sheets.map((s) => s.name).join(', ')}`);
  const header = sheet.rows.findIndex((row) => cellText(row[5] ?? null) === 'Hito' || cellText(row[5] ?? null) === 'Milestone');
  return { header: header + 1, rows: sheet.rows.slice(header + 1).map((row) => row.map((v) => cellText(v ?? null))), sheet };
}

describe('check --format json on the calendars', () => {
  it('reads the Guatemala calendar exactly: 61 milestones, 40 overdue on 2011-05-15, exit 0', async () => {
    const json = await checkJson(GUATEMALA_CALENDAR, '--as-of', '2011-05-15');
    expect(json.tables).toEqual([]);
    expect(json.findings).toEqual([]);
    expect(json.milestonesRemoved).toEqual([]);
    const [cal] = json.calendars;
    expect([cal?.sheet, cal?.range, cal?.periods.map((p) => [p.label, p.start, p.end])]).toEqual([
      'Calendario de metas', 'A3:E32',
      [
        ['Trimestre 5 (Oct – Dic 2010)', '2010-10-01', '2010-12-31'],
        ['Trimestre 6 (Ene – Mar 2011)', '2011-01-01', '2011-03-31'],
        ['Trimestre 7 (Abr – Jun 2011)', '2011-04-01', '2011-06-30'],
        ['Trimestre 8 (Jul-Sep 2011)', '2011-07-01', '2011-09-30'],
      ],
    ]);
    expect(cal?.items.length).toBe(61);
    expect(cal?.items.filter((m) => m.overdue).length).toBe(40);
    expect(cal?.items[0]).toEqual({
      section: 'La Gestión Transparente.', partner: 'MIFAPRO', period: 'Trimestre 5 (Oct – Dic 2010)', due: '2010-12-31',
      text: 'Equipo para automatizar la información, en proceso de compra.', cell: 'B6',
      status: 'missing', statusText: '', comments: null, overdue: true, daysOverdue: 135,
    });
  });

  it('reads the English calendar exactly: 19 milestones, 7 overdue on 2024-11-15', async () => {
    const json = await checkJson(WATER_CALENDAR, '--as-of', '2024-11-15', '--lang', 'en');
    const [cal] = json.calendars;
    expect(json.tables).toEqual([]);
    expect([cal?.range, cal?.periods.length, cal?.items.length, cal?.items.filter((m) => m.overdue).length]).toEqual(['A3:E17', 9, 19, 7]);
    expect(cal?.items.find((m) => m.partner === 'Water boards (JAAPs)')).toEqual({
      section: 'Outcome 2: Services', partner: 'Water boards (JAAPs)', period: 'Q1 FY25', due: '2024-12-31',
      text: 'Board members trained', cell: 'B12', status: 'missing', statusText: '', comments: null, overdue: false, daysOverdue: null,
    });
  });

  it('prints them by quarter and by partner, overdue first, in text', async () => {
    const r = await run('check', WATER_CALENDAR, '--as-of', '2024-11-15', '--lang', 'en');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const from = lines.indexOf('Milestone calendars: 1');
    expect(lines.slice(from, from + 12)).toEqual([
      'Milestone calendars: 1',
      '  Milestone calendar!A3:E17 — milestones: 19; periods: 9; overdue: 7',
      '',
      'Milestones by period (overdue first):',
      '  Q1 2024 — due 2024-03-31 — milestones: 3; overdue: 3',
      '    ! B6 Ministry of Environment: National water policy drafted (days overdue: 229)',
      '    ! B6 Ministry of Environment: Stakeholder consultation held (days overdue: 229)',
      '    ! B8 Municipal associations: Workshop on the regulation (days overdue: 229)',
      '  Q2 2024 — due 2024-06-30 — milestones: 2; overdue: 2',
      '    ! C6 Ministry of Environment: Policy submitted to Cabinet (days overdue: 138)',
      '    ! C7 Water Regulator (ARAS): Tariff study commissioned (days overdue: 138)',
      '  Q3 2024 — due 2024-09-30 — milestones: 2; overdue: 2',
    ]);
    const partners = lines.indexOf('Milestones by partner (most overdue first):');
    expect(lines.slice(partners + 1, partners + 7)).toEqual([
      '  Ministry of Environment — milestones: 4; overdue: 3',
      '  Water Regulator (ARAS) — milestones: 3; overdue: 3',
      '  Municipal associations — milestones: 2; overdue: 1',
      '  Water boards (JAAPs) — milestones: 4; overdue: 0',
      '  NGO partners — milestones: 3; overdue: 0',
      '  Programme team — milestones: 3; overdue: 0',
    ]);
  });
});

describe('the tracking sheet round trip (check --out, type statuses, check again)', () => {
  const first = path.join(tmp, 'guatemala-1.xlsx');
  const edited = path.join(tmp, 'guatemala-1-edited.xlsx');
  const second = path.join(tmp, 'guatemala-2.xlsx');

  it('writes one marked row per milestone with a status drop-down, leaving the input untouched', async () => {
    const before = sha256(GUATEMALA_CALENDAR);
    const r = await run('check', GUATEMALA_CALENDAR, '--as-of', '2011-05-15', '--out', first);
    expect(r.code).toBe(0);
    expect(sha256(GUATEMALA_CALENDAR)).toBe(before);
    const wb = readXlsx(fs.readFileSync(first));
    expect(wb.sheets.map((s) => [s.name, s.createdByTablero])).toEqual([
      ['Calendario de metas', false], ['Seguimiento', true], ['Seguimiento de hitos', true],
    ]);
    const { header, rows, sheet } = trackingRows(first, 'Seguimiento de hitos');
    expect(sheet.rows.slice(0, 3).map((row) => cellText(row[0] ?? null))).toEqual([
      'Seguimiento del calendario de metas — generado por Tablero', 'Fecha de corte: 2011-05-15',
      'Hitos: 61; vencidos: 40; ya no están en el calendario: 0.',
    ]);
    expect(sheet.rows[header - 1]?.map((v) => cellText(v ?? null))).toEqual([
      'Hoja', 'Sección', 'Socio', 'Período', 'Vence', 'Hito', 'Estado', 'Comentarios', 'Vencido', 'Días de atraso', 'Celda',
    ]);
    expect(rows.length).toBe(61);
    expect([rows[0]?.[2], rows[0]?.[3], rows[0]?.[5], rows[0]?.[8], rows[0]?.[10]]).toEqual([
      'MIFAPRO', 'Trimestre 5 (Oct – Dic 2010)', 'Equipo para automatizar la información, en proceso de compra.', 'sí', 'B6',
    ]);
    const parts = unzipSync(fs.readFileSync(first));
    const xml = Object.entries(parts).filter(([p]) => p.startsWith('xl/worksheets/')).map(([, b]) => strFromU8(b)).find((x) => x.includes('dataValidation'));
    expect(xml).toContain(`<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="G${header + 1}:G${header + 61}"><formula1>"Completada,En curso,Sin iniciar,Ya no aplica"</formula1></dataValidation>`);
  });

  it('reads back the statuses and comments typed there: the overdue count drops', async () => {
    const { header } = trackingRows(first, 'Seguimiento de hitos');
    // Rows 1–2 are MIFAPRO's two Trimestre 5 milestones, rows 3–6 its four of Trimestre 6.
    const row = (i: number) => header + i;
    const bytes = typeIntoCells(fs.readFileSync(first), 'Seguimiento de hitos', {
      [`G${row(1)}`]: 'Completada',
      [`H${row(1)}`]: 'Equipo entregado en diciembre',
      [`G${row(2)}`]: 'Ya no aplica',
      [`G${row(3)}`]: 'en curso',
      [`G${row(4)}`]: 'Done',
    });
    fs.writeFileSync(edited, bytes);
    const json = await checkJson(edited, '--as-of', '2011-05-15');
    const items = json.calendars[0]?.items ?? [];
    expect(items.slice(0, 4).map((m) => [m.text, m.status, m.statusText, m.comments, m.overdue])).toEqual([
      ['Equipo para automatizar la información, en proceso de compra.', 'completed', 'Completada', 'Equipo entregado en diciembre', false],
      ['Contratación de empresa para la capacitación de vocalías y promotores.', 'not_applicable', 'Ya no aplica', null, false],
      ['9 Sedes de información regionales instaladas.', 'in_progress', 'en curso', null, true],
      ['Funcionarios capacitados.', 'completed', 'Done', null, false],
    ]);
    expect(items.filter((m) => m.overdue).length).toBe(37);
  });

  it('carries them over when the sheet is rewritten, and keeps a milestone that left the calendar, marked as removed', async () => {
    // The officer rewords one milestone in the calendar itself (B9), after giving it a status.
    const { header } = trackingRows(edited, 'Seguimiento de hitos');
    const municipios = trackingRows(edited, 'Seguimiento de hitos').rows.findIndex((r) => r[10] === 'B9');
    let bytes = typeIntoCells(fs.readFileSync(edited), 'Seguimiento de hitos', { [`G${header + 1 + municipios}`]: 'Sin iniciar', [`H${header + 1 + municipios}`]: 'ONG por elegir' });
    bytes = typeIntoCells(bytes, 'Calendario de metas', { B9: 'Convenios con ONG firmados' });
    const reworded = path.join(tmp, 'guatemala-1-reworded.xlsx');
    fs.writeFileSync(reworded, bytes);

    const r = await run('check', reworded, '--as-of', '2011-05-15', '--out', second);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const { rows, sheet } = trackingRows(second, 'Seguimiento de hitos');
    expect(cellText(sheet.rows[2]?.[0] ?? null)).toBe('Hitos: 61; vencidos: 37; ya no están en el calendario: 1.');
    expect(rows.length).toBe(62);
    expect(rows.slice(0, 4).map((x) => [x[6], x[7], x[8]])).toEqual([
      ['Completada', 'Equipo entregado en diciembre', 'no'], ['Ya no aplica', '', 'no'], ['en curso', '', 'sí'], ['Done', '', 'no'],
    ]);
    expect(rows.find((x) => x[10] === 'B9')?.slice(5, 9)).toEqual(['Convenios con ONG firmados', '', '', 'sí']);
    expect(rows[61]?.filter((_, i) => i !== 4)).toEqual([
      'Calendario de metas', 'La Gestión Transparente.', 'Municipios', 'Trimestre 5 (Oct – Dic 2010)',
      'Contratación de ONG´s para acuerdos locales y foros, contratadas', 'Sin iniciar', 'ONG por elegir', '', '', '(ya no está en el calendario)',
    ]);

    // And once more from the rewritten workbook: nothing typed is lost, the removed row stays removed.
    const json = await checkJson(second, '--as-of', '2011-05-15');
    expect(json.calendars[0]?.items.filter((m) => m.overdue).length).toBe(37);
    expect(json.milestonesRemoved).toEqual([
      {
        sheet: 'Calendario de metas', section: 'La Gestión Transparente.', partner: 'Municipios', period: 'Trimestre 5 (Oct – Dic 2010)',
        due: '2010-12-31', text: 'Contratación de ONG´s para acuerdos locales y foros, contratadas', statusText: 'Sin iniciar', comments: 'ONG por elegir',
      },
    ]);
  });

  it('keeps the tracking sheet\'s name when the next check runs in another language', async () => {
    const third = path.join(tmp, 'guatemala-3.xlsx');
    expect((await run('check', second, '--as-of', '2011-05-15', '--lang', 'en', '--out', third)).code).toBe(0);
    const wb = readXlsx(fs.readFileSync(third));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Calendario de metas', 'Seguimiento', 'Seguimiento de hitos']);
    const { rows, sheet, header } = trackingRows(third, 'Seguimiento de hitos');
    expect(cellText(sheet.rows[header - 1]?.[6] ?? null)).toBe('Status');
    expect(rows.slice(0, 4).map((x) => x[6])).toEqual(['Completada', 'Ya no aplica', 'en curso', 'Done']);
    expect(rows[61]?.[10]).toBe('(no longer in the calendar)');
  });
});

describe('--sheet', () => {
  it('reads only that sheet\'s calendar and tracking rows', async () => {
    const rewritten = path.join(tmp, 'guatemala-2.xlsx');
    const json = await checkJson(rewritten, '--as-of', '2011-05-15', '--sheet', 'Calendario de metas');
    expect([json.calendars.length, json.calendars[0]?.items.filter((m) => m.overdue).length, json.milestonesRemoved.length]).toEqual([1, 37, 1]);
    // Another sheet: none of the calendar's tracking rows is reported as removed from it.
    const r = await run('check', rewritten, '--as-of', '2011-05-15', '--sheet', 'Seguimiento', '--format', 'json');
    const other = JSON.parse(r.stdout) as CheckJson;
    expect([r.code, other.calendars, other.milestonesRemoved]).toEqual([4, [], []]);
  });
});

describe('the donor export', () => {
  it('adds a "Milestones" sheet: status in the UN vocabulary, the share not overdue per period', async () => {
    // The workbook of the round trip above: four statuses typed, one milestone reworded.
    const source = path.join(tmp, 'guatemala-2.xlsx');
    const out = path.join(tmp, 'export-en.xlsx');
    const r = await run('export', source, '--as-of', '2011-05-15', '--lang', 'en', '--out', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const wb = readXlsx(fs.readFileSync(out));
    expect(wb.sheets.map((s) => s.name)).toContain('Milestones');
    const sheet = wb.sheets.find((s) => s.name === 'Milestones') as SheetGrid;
    const text = sheet.rows.map((row) => row.map((v) => cellText(v ?? null)));
    expect(text.slice(0, 3).map((row) => row[0])).toEqual(['Milestone calendar', 'As of: 2011-05-15', 'Milestones not overdue: 24 of 61']);
    const head = text.findIndex((row) => row[0] === 'Period');
    expect(text.slice(head, head + 6)).toEqual([
      ['Period', 'Milestones', trackingStatus('completed', 'en'), 'Overdue', 'Share of milestones not overdue'],
      ['Trimestre 5 (Oct – Dic 2010)', '15', '1', '13', String(2 / 15)],
      ['Trimestre 6 (Ene – Mar 2011)', '25', '1', '24', String(1 / 25)],
      ['Trimestre 7 (Abr – Jun 2011)', '13', '0', '0', '1'],
      ['Trimestre 8 (Jul-Sep 2011)', '8', '0', '0', '1'],
      ['Total', '61', '2', '37', String(24 / 61)],
    ]);
    const items = text.slice(text.findIndex((row) => row[5] === 'Milestone') + 1);
    expect(items.slice(0, 4).map((row) => [row[6], row[7], row[8]])).toEqual([
      [trackingStatus('completed', 'en'), 'Equipo entregado en diciembre', 'no'],
      [trackingStatus('not_applicable', 'en'), '', 'no'],
      [trackingStatus('in_progress', 'en'), '', 'yes'],
      [trackingStatus('completed', 'en'), '', 'no'],
    ]);
    expect(items.length).toBe(61);
    expect(items.filter((row) => row[6] === trackingStatus('missing', 'en')).length).toBe(57);
  });

  it('exports a workbook whose only content is a calendar (exit 0)', async () => {
    const out = path.join(tmp, 'export-es.xlsx');
    const r = await run('export', GUATEMALA_CALENDAR, '--as-of', '2011-05-15', '--out', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readXlsx(fs.readFileSync(out)).sheets.map((s) => s.name)).toContain('Hitos');
  });
});
