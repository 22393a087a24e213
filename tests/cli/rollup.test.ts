// `tablero rollup`: the Honduras figures through the CLI, the options, the output workbook, clean failures.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { runRollup } from '../../src/cli/rollup';
import { main } from '../../src/cli/main';
import { CliExit } from '../../src/cli/common';
import { HONDURAS, fakeTerminal } from '../helpers/cli';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { RollupJson } from '../../src/core/rollup/json';
import { xlsx } from './rollup-xlsx';

const io = () => fakeTerminal('2017-12-31');

/** runRollup as main() runs it: a CliExit becomes its code and one line on stderr. */
async function run(...argv: string[]) {
  const x = io();
  let code: number;
  try {
    code = await runRollup(argv, x);
  } catch (e) {
    if (!(e instanceof CliExit)) throw e;
    x.err(`tablero: ${e.message}`);
    code = e.code;
  }
  return { code, stdout: x.stdout, stderr: x.stderr };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tablero-rollup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array | string) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, bytes);
  return f;
};
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('tablero rollup on the Honduras fixture', () => {
  let json: RollupJson;
  beforeAll(async () => {
    const r = await run(HONDURAS, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    json = JSON.parse(r.stdout) as RollupJson;
  });

  it('reports every figure of the fixtures README', () => {
    expect(json.file).toBe(HONDURAS);
    expect(json.coverage!.sheet).toBe('Comunidades');
    expect(json.coverage!.total.households).toBe(153228);
    expect(json.coverage!.total.water).toBe(0.841002);
    expect(json.coverage!.total.sanitation).toBe(0.807287);
    expect(json.coverage!.threshold).toBe(0.8);
    expect(json.coverage!.areasAboveThreshold).toEqual({ level: 'municipality', levelHeader: 'Municipio', of: 26, water: 18, sanitation: 16, schools: 25, healthCentres: 17 });
    expect(json.serviceLevels!.sheet).toBe('Sistemas');
    expect(json.serviceLevels!.systems).toBe(594);
    expect(json.serviceLevels!.byCategory).toEqual({ A: 410, B: 176, C: 8, D: 0 });
    expect(json.serviceLevels!.bacteriological).toEqual({ samples: 1772, passed: 453, rate: 0.255643 });
    expect(json.providerPerformance!.sheet).toBe('Prestadores');
    expect(json.providerPerformance!.byCategory).toEqual({ A: 54, B: 422, C: 109, D: 9 });
    expect(json.providerPerformance!.goodPerformanceShare).toBe(0.090909);
    expect(json.findings).toEqual([]);
  });

  it('lists the areas with their parents; the mean of municipal coverages is not the coverage', () => {
    const munis = json.coverage!.areas.filter((a) => a.level === 'municipality');
    expect(munis).toHaveLength(26);
    expect(json.coverage!.areas.filter((a) => a.level === 'department')).toHaveLength(10);
    expect(munis.find((a) => a.name === 'Jesús de Otoro')).toMatchObject({ parent: 'Intibucá', path: ['Intibucá', 'Jesús de Otoro'], households: 7500 });
    const mean = munis.reduce((s, a) => s + (a.water ?? 0), 0) / munis.length;
    expect(mean).toBeCloseTo(0.825039, 5);
    expect(json.coverage!.total.water).not.toBeCloseTo(0.825039, 3);
  });

  it('prints the figures as text in Spanish and in English', async () => {
    const es = await run(HONDURAS);
    expect(es.code).toBe(0);
    // Spanish puts a no-break space before "%" (Intl does): compare with plain spaces.
    const esLines = es.stdout.replace(/\u00a0/g, ' ').split('\n');
    expect(esLines).toEqual(
      expect.arrayContaining([
        'Cobertura — hoja «Comunidades»: 695 registros, 0 filas omitidas',
        '  viviendas: 153.228',
        '  Cobertura de agua: 84,1 % (0,841002)',
        '  Cobertura de saneamiento: 80,7 % (0,807287)',
        '  Cobertura de agua: 18 de 26 (Municipio) en o sobre el umbral de 80,0 %.',
        '  Cobertura de saneamiento: 16 de 26 (Municipio) en o sobre el umbral de 80,0 %.',
        '  Categoría SIASAR: A 410 (69,0 %), B 176 (29,6 %), C 8 (1,3 %), D 0 (0,0 %)',
        '  Cumplimiento bacteriológico: 25,6 % (0,255643) (453 de 1.772 muestras aptas)',
        '  Categoría SIASAR: A 54 (9,1 %), B 422 (71,0 %), C 109 (18,4 %), D 9 (1,5 %)',
        'Hallazgos: 0',
      ]),
    );
    const en = await run(HONDURAS, '--lang', 'en');
    expect(en.stdout.split('\n')).toEqual(
      expect.arrayContaining(['  households: 153,228', '  Water coverage: 84.1% (0.841002)', '  Bacteriological compliance: 25.6% (0.255643) (453 of 1,772 samples passed)']),
    );
  });

  it('counts areas against --threshold (fraction, percent or plain number)', async () => {
    const at90 = munisAtOrAbove(json, 0.9);
    for (const th of ['0.9', '90%', '90', '0,9']) {
      const r = await run(HONDURAS, '--format', 'json', '--threshold', th);
      const j = JSON.parse(r.stdout) as RollupJson;
      expect(j.coverage!.threshold).toBe(0.9);
      expect(j.coverage!.areasAboveThreshold!.water).toBe(at90);
    }
    expect(at90).toBeLessThan(18);
  });

  it('writes the three marked sheets with --out and leaves the user sheets alone', async () => {
    const out = path.join(tmp, 'honduras-rollup.xlsx');
    const before = sha(HONDURAS);
    const r = await run(HONDURAS, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe(`Escrito: ${out}`);
    expect(sha(HONDURAS)).toBe(before);
    const wb = readXlsx(new Uint8Array(fs.readFileSync(out)));
    expect(wb.sheets.map((s) => [s.name, s.createdByTablero ?? false])).toEqual([
      ['Comunidades', false],
      ['Sistemas', false],
      ['Prestadores', false],
      ['Cobertura', true],
      ['Niveles de servicio', true],
      ['Desempeño de prestadores', true],
    ]);
    // Rolling up the output again reads the user's sheets, never ours.
    const again = await run(out, '--format', 'json');
    expect((JSON.parse(again.stdout) as RollupJson).coverage!.total.households).toBe(153228);
    const en = path.join(tmp, 'honduras-rollup-en.xlsx');
    await run(HONDURAS, '--out', en, '--lang', 'en');
    expect(readXlsx(new Uint8Array(fs.readFileSync(en))).sheets.map((s) => s.name).slice(3)).toEqual(['Coverage', 'Service levels', 'Provider performance']);
  });

  it('is wired into the tablero command', async () => {
    const x = io();
    expect(await main(['rollup', HONDURAS, '--format', 'json'], x)).toBe(0);
    expect((JSON.parse(x.stdout) as RollupJson).serviceLevels!.byCategory.A).toBe(410);
  });
});

function munisAtOrAbove(j: RollupJson, th: number): number {
  return j.coverage!.areas.filter((a) => a.level === 'municipality' && (a.water ?? 0) >= th).length;
}

describe('tablero rollup on messy sheets', () => {
  const messy = write(
    'messy.xlsx',
    xlsx([
      {
        name: 'Communities',
        rows: [
          ['Monitoring 2017'],
          [],
          ['Province', 'District', 'Community', 'Households', 'Households with safe water', 'Households with improved sanitation'],
          ['North', 'Riverside', 'A', '1,200', 1000, 600],
          ['North', 'Riverside', 'B', 300, 'n/a', 300],
          [],
          ['North', 'Hilltop', 'C', 500, 450, 400],
          ['Total North', null, null, 2000, 1450, 1300],
          ['TOTAL', null, null, 2000, 1450, 1300],
        ],
      },
    ]),
  );

  it('skips totals and blanks, reads text numbers, and names the cells it could not read', async () => {
    const r = await run(messy, '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as RollupJson;
    // Water leaves out row 5, whose "n/a" cannot be read: (1200 + 500) households, not 2000.
    expect(j.coverage!.total).toMatchObject({ records: 3, households: 2000, water: 0.852941, sanitation: 0.65 });
    expect(j.coverage!.total.counts.water).toEqual({ numerator: 1450, denominator: 1700 });
    expect(j.coverage!.source).toMatchObject({ headerRow: 3, records: 3, skippedBlank: 1, skippedTotal: 2, unreadableCells: 1, numbersAsText: 1 });
    expect(j.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ['warning', 'no_record_sheet', null],
      ['warning', 'no_record_sheet', null],
      ['warning', 'unreadable_number', 'E5'],
      ['info', 'row_skipped_total', 'A8'],
      ['info', 'row_skipped_total', 'A9'],
      ['info', 'number_as_text', 'D4'],
    ]);
    expect(j.findings[2]!.message).toBe('Could not read "n/a" as a number (column "Households with safe water"): cell skipped.');
  });

  it('takes a column map for headers it does not know', async () => {
    const odd = write('odd.xlsx', xlsx([{ name: 'Datos', rows: [['Zona', 'Casas', 'Conectadas'], ['Alpha', 10, 7], ['Beta', 30, 3]] }]));
    const bare = await run(odd, '--format', 'json');
    expect(bare.code).toBe(4);
    const map = write('map.json', JSON.stringify({ coverage: { sheet: 'Datos', columns: { municipality: 'Zona', households: 'B', water: 'Conectadas' } } }));
    const r = await run(odd, '--format', 'json', '--map', map);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as RollupJson;
    expect(j.coverage!.total).toMatchObject({ households: 40, water: 0.25 });
    expect(j.coverage!.areasAboveThreshold).toMatchObject({ level: 'municipality', of: 2, water: 0 });
  });

  it('prints the report and exits 4 when no sheet holds records', async () => {
    const none = write('none.xlsx', xlsx([{ name: 'Hoja1', rows: [['Nombre', 'Edad'], ['Ana', 30]] }]));
    const r = await run(none);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('cobertura (viviendas por comunidad): no se encontró ninguna hoja de registros.');
    expect(r.stderr).toBe(
      `tablero: ${none} no tiene hojas de registros de cobertura, sistemas ni prestadores (se buscaron encabezados como Municipio, Viviendas, Viviendas con agua, Categoría SIASAR, Prestador)\n`,
    );
  });
});

describe('tablero rollup fails cleanly', () => {
  const badJson = write('bad.json', '{ "coverage": ');
  const badMap = write('badmap.json', JSON.stringify({ coverage: { columns: { water: 5 } } }));
  const ghostSheet = write('ghost.json', JSON.stringify({ serviceLevels: { sheet: 'Fantasma' } }));

  it.each([
    [['--format', 'xml'], 2, /^tablero: opción no válida: --format: /],
    [['--threshold', 'mucho'], 2, /^tablero: --threshold debe ser un número entre 0 y 1 o un porcentaje \(«mucho»\)$/],
    [['--threshold', '150'], 2, /^tablero: --threshold debe ser/],
    [['--bogus'], 2, /^tablero: opción no válida: /],
    [['--map', badJson], 2, /^tablero: el mapa de columnas .*bad\.json no es válido: /],
    [['--map', badMap], 2, /^tablero: el mapa de columnas .*badmap\.json no es válido: coverage\.columns\.water: /],
    [['--map', ghostSheet], 2, /^tablero: no existe la hoja «Fantasma»$/],
    [['--map', path.join(os.tmpdir(), 'no-such-map.json')], 2, /^tablero: no existe el archivo /],
    [['--out', HONDURAS], 2, /^tablero: --out no puede ser el mismo archivo que la entrada$/],
  ])('%j → exit %d', async (args, code, message) => {
    const r = await run(HONDURAS, ...(args as string[]));
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  it('says which input it cannot read', async () => {
    const missing = await run(path.join(tmp, 'nope.xlsx'));
    expect([missing.code, missing.stderr.trim()]).toEqual([3, `tablero: no existe el archivo ${path.join(tmp, 'nope.xlsx')}`]);
    const text = write('text.xlsx', 'not a workbook');
    const notXlsx = await run(text, '--lang', 'en');
    expect(notXlsx.code).toBe(3);
    expect(notXlsx.stderr).toMatch(/^tablero: .*text\.xlsx/);
    expect((await run()).code).toBe(2);
  });

  it('shows its help', async () => {
    const r = await run('--help', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: tablero rollup <workbook\.xlsx> \[options\]/);
  });
});
