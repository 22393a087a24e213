// `tablero check` on results frameworks: the Honduras answer key through --format json, the text summary,
// exit codes, --bands and --out's "Indicadores" sheet.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { HONDURAS_FRAMEWORK, HONDURAS_FRAMEWORK_KEY } from '../fixtures';
import { cliRunner, tempDir } from '../helpers/cli';

const run = cliRunner('2018-02-15');

interface KeyIndicator {
  id: string;
  row: number;
  unit: string;
  direction: string;
  accumulation: string;
  targetToDate: number | string | null;
  actualToDate: number | string | null;
  actualSource: string;
  percentMet: number | null;
  band: string;
  findings: { code: string; cell: string; records?: number }[];
}
const key = JSON.parse(fs.readFileSync(HONDURAS_FRAMEWORK_KEY, 'utf8')) as {
  asOf: string;
  latestEndedPeriod: number;
  indicators: number;
  bands: Record<string, number>;
  expected: KeyIndicator[];
};

interface Json {
  findings: { code: string; sheet: string | null; cell: string | null; params: Record<string, string | number> }[];
  tables: unknown[];
  frameworks: {
    sheet: string;
    range: string;
    latestEndedPeriod: string | null;
    periods: { label: string; start: string | null; end: string | null; ended: boolean }[];
    bands: Record<string, number>;
    indicators: (Omit<KeyIndicator, 'findings'> & { text: string; measure: string; comment: string | null; cells: { indicator: string } })[];
  }[];
}

describe('the PTPS Honduras framework through check --format json', () => {
  let json: Json;
  let code: number;
  beforeAll(async () => {
    const r = await run('check', HONDURAS_FRAMEWORK, '--as-of', key.asOf, '--format', 'json');
    code = r.code;
    json = JSON.parse(r.stdout) as Json;
  });

  it('finds one framework, never an action table, and exits 0', () => {
    expect(code).toBe(0);
    expect(json.tables).toEqual([]);
    expect(json.frameworks).toHaveLength(1);
    expect(json.findings.filter((f) => f.code === 'no_table')).toEqual([]);
  });

  it('has the periods, the latest ended one and the band counts of the key', () => {
    const fw = json.frameworks[0]!;
    expect(fw.sheet).toBe('Marco de resultados');
    expect(fw.range).toBe('A4:S25');
    expect(fw.periods).toEqual(
      [2015, 2016, 2017, 2018, 2019].map((y) => ({ label: String(y), start: `${y}-01-01`, end: `${y}-12-31`, ended: y <= 2017 })),
    );
    expect(fw.latestEndedPeriod).toBe(String(key.latestEndedPeriod));
    expect(fw.indicators).toHaveLength(key.indicators);
    expect(fw.bands).toEqual({ ...key.bands, at_risk: 0 });
  });

  it.each(key.expected.map((k) => [k.id, k] as const))('indicator %s holds the key', (_id, k) => {
    const fw = json.frameworks[0]!;
    const i = fw.indicators.find((x) => x.id === k.id)!;
    const { findings: expectedFindings, ...fields } = k;
    expect({
      id: i.id,
      row: i.row,
      unit: i.unit,
      direction: i.direction,
      accumulation: i.accumulation,
      targetToDate: i.targetToDate,
      actualToDate: i.actualToDate,
      actualSource: i.actualSource,
      percentMet: i.percentMet,
      band: i.band,
    }).toEqual(fields);
    // The indicator's findings are the framework findings on its row, in column order.
    const onRow = json.findings
      .filter((f) => f.sheet === fw.sheet && f.cell !== null && Number(/\d+$/.exec(f.cell)?.[0]) === k.row)
      .map((f) => (f.code === 'actual_differs_from_records' ? { code: f.code, cell: f.cell, records: f.params['records'] } : { code: f.code, cell: f.cell }));
    expect(onRow).toEqual(expectedFindings);
  });
});

describe('text output, exit codes and options', () => {
  const dir = tempDir('tablero-fw-');
  it('prints a framework summary: bands, off-track indicators, missing actuals, actuals from the records', async () => {
    const r = await run('check', HONDURAS_FRAMEWORK, '--as-of', '2018-02-15', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Results frameworks: 1');
    expect(lines).toContain('  Marco de resultados!A4:S25: 15 indicators; latest ended period: 2017');
    // TolaData's ±15% has no "at risk" band: the line names only the bands the scheme can give.
    expect(lines).toContain('  Bands: on track 8, under target 4, over target 1, no data 2');
    expect(lines).toContain('    2.3 Prestadores cuya tarifa cubre operación y mantenimiento: 123.6% of target (over target), no comment');
    expect(lines).toContain('    1.4 Municipios con plan municipal de APS aprobado: 75% of target (under target)');
    expect(lines).toContain('    5.1 Política nacional de APS aprobada: No / Sí (under target)');
    expect(lines).toContain('    4.1 2017 (L20)');
    expect(lines).toContain('    5.3 2017 (L25)');
    expect(lines).toContain('    1.1 water coverage: 84.1002');
    expect(lines).toContain('  [warning] Marco de resultados!L25 Indicator 5.3: no actual for 2017 ("n/d").');
  });

  it('in Spanish the percentages and figures take a decimal comma ("123,6 %", a no-break space before the sign), findings too', async () => {
    const r = await run('check', HONDURAS_FRAMEWORK, '--as-of', '2018-02-15', '--lang', 'es');
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  Rangos: en rango 8, bajo la meta 4, sobre la meta 1, sin datos 2');
    expect(lines).toContain('    2.3 Prestadores cuya tarifa cubre operación y mantenimiento: 123,6\u00a0% de la meta (sobre la meta), sin comentario');
    expect(lines).toContain('    1.4 Municipios con plan municipal de APS aprobado: 75\u00a0% de la meta (bajo la meta)');
    expect(lines).toContain('    1.1 cobertura de agua: 84,1002');
    expect(lines.filter((l) => l.includes('123,6\u00a0% de su meta'))).toHaveLength(1);
    expect(r.stdout).not.toMatch(/\d\.\d%|en riesgo/);
  });

  it('under the semáforo the text names its "at risk" band', async () => {
    const r = await run('check', HONDURAS_FRAMEWORK, '--as-of', '2018-02-15', '--lang', 'en', '--bands', 'semaforo');
    expect(r.stdout.split('\n')).toContain('  Bands: on track 4, at risk 4, under target 4, over target 1, no data 2');
  });

  it('--bands semaforo puts the ±5%–15% indicators at risk', async () => {
    const r = await run('check', HONDURAS_FRAMEWORK, '--as-of', '2018-02-15', '--format', 'json', '--bands', 'semaforo');
    const fw = (JSON.parse(r.stdout) as Json).frameworks[0]!;
    // 1.2 (105.1%), 1.3 (87.6%), 2.2 (111.8%) and 5.2 (106.7%) are more than 5% from their targets.
    expect(fw.indicators.filter((i) => i.band === 'at_risk').map((i) => i.id)).toEqual(['1.2', '1.3', '2.2', '5.2']);
    expect(fw.bands).toEqual({ on_track: 4, at_risk: 4, under: 4, over: 1, no_data: 2 });
  });

  it('rejects an unknown band scheme as a usage error', async () => {
    const r = await run('check', HONDURAS_FRAMEWORK, '--bands', 'rainbow');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--out adds the marked "Indicadores" sheet with the to-date figures and bands', async () => {
    const out = path.join(dir, 'out.xlsx');
    const r = await run('check', HONDURAS_FRAMEWORK, '--as-of', '2018-02-15', '--out', out);
    expect(r.code).toBe(0);
    const wb = readXlsx(new Uint8Array(fs.readFileSync(out)));
    expect(wb.sheets.map((s) => s.name).slice(0, 4)).toEqual(['Marco de resultados', 'Comunidades', 'Sistemas', 'Prestadores']);
    const sheet = wb.sheets.find((s) => s.name === 'Indicadores')!;
    expect(sheet.createdByTablero).toBe(true);
    // The status line names only the bands of the scheme in use (no "en riesgo" under TolaData's ±15%).
    expect(sheet.rows.map((row) => row[0])).toContain('15 indicadores: en rango 8, bajo la meta 4, sobre la meta 1, sin datos 2.');
    const header = sheet.rows.findIndex((row) => row[0] === 'Hoja');
    expect(sheet.rows[header]).toEqual([
      'Hoja', 'Componente', 'N°', 'Indicador', 'Unidad', 'Sentido', 'Acumulación', 'Línea base', 'Último período terminado',
      'Meta a la fecha', 'Real a la fecha', 'Real de', '% de cumplimiento', 'Rango', 'Meta final', 'Comentario', 'Celda',
    ]);
    const data = sheet.rows.slice(header + 1, header + 16);
    const byId = new Map(data.map((row) => [row[2], row]));
    expect(byId.get('1.1')?.slice(8, 14)).toEqual(['2017', 82, 84.10016446080351, 'registros', 1.025611761717116, 'en rango']);
    expect(byId.get('2.3')?.slice(9, 14)).toEqual([0.55, 0.68, 'escrito', 1.2363636363636363, 'sobre la meta']);
    expect(byId.get('4.1')?.slice(9, 14)).toEqual([null, null, null, null, 'sin datos']);
    expect(byId.get('5.1')?.slice(9, 14)).toEqual(['Sí', 'No', 'escrito', null, 'bajo la meta']);
    expect(byId.get('1.1')?.[1]).toBe('1. Cobertura de agua potable y saneamiento');
    // Read back, our own sheet is never taken for a framework again.
    const again = await run('check', out, '--as-of', '2018-02-15', '--format', 'json');
    expect((JSON.parse(again.stdout) as Json).frameworks).toHaveLength(1);
  });
});

describe('the cut-off date a framework states', () => {
  const later = cliRunner('2026-11-29');

  it('is the as-of date when none is given, and the key holds with it', async () => {
    const r = await later('check', HONDURAS_FRAMEWORK, '--format', 'json');
    const out = JSON.parse(r.stdout) as Json & { asOf: string; asOfSource: { kind: string; sheet: string | null; cell: string | null; text: string | null } };
    expect([r.code, out.asOf, out.asOfSource.kind, out.asOfSource.sheet]).toEqual([0, '2018-02-15', 'workbook', 'Marco de resultados']);
    expect(out.asOfSource.text).toMatch(/Corte: 15 de febrero de 2018/);
    expect(out.frameworks[0]?.bands).toEqual({ ...key.bands, at_risk: 0 });
  });

  it('gives way to --as-of', async () => {
    const r = await later('check', HONDURAS_FRAMEWORK, '--as-of', '2016-06-30', '--format', 'json');
    const out = JSON.parse(r.stdout) as { asOf: string; asOfSource: { kind: string } };
    expect([out.asOf, out.asOfSource.kind]).toEqual(['2016-06-30', 'option']);
  });
});
