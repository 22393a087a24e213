// `tablero export` with results frameworks: the IPTT sheet (es/en) and --iati-csv (AidStream's V203 results columns).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IATI_RESULT_COLUMNS } from '../../src/core/framework/iati';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { HONDURAS_FRAMEWORK } from '../fixtures';
import { cliRunner, tempDir } from '../helpers/cli';
import { IPTT_ROWS } from '../helpers/framework-sheets';
import { makeXlsx } from '../helpers/make-xlsx';

const run = cliRunner('2018-02-15');
const dir = tempDir('tablero-fw-export-');

/** RFC 4180 lines of a CSV without quoted line breaks (ours has none), split into fields. */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
          out.push(cur);
          cur = '';
        } else cur += ch;
      }
      out.push(cur);
      return out;
    });
}

describe('the Honduras framework exported for donors', () => {
  const out = path.join(dir, 'export-en.xlsx');
  const csv = path.join(dir, 'results.csv');
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    result = await run('export', HONDURAS_FRAMEWORK, '--out', out, '--as-of', '2018-02-15', '--lang', 'en', '--iati-csv', csv);
  });

  it('writes an IPTT sheet: per period target | actual | % met, then to date and band', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`IATI results CSV: 75 rows in ${csv}`);
    const wb = readXlsx(new Uint8Array(fs.readFileSync(out)));
    const iptt = wb.sheets.find((s) => s.name === 'IPTT')!;
    const h = iptt.rows.findIndex((r) => r[0] === 'No.');
    expect(iptt.rows[h]).toEqual([
      'No.', 'Indicator', 'Unit', 'Direction', 'Baseline',
      ...[2015, 2016, 2017, 2018, 2019].flatMap((y) => [`${y} target`, `${y} actual`, `${y} % met`]),
      'Target to date', 'Actual to date', '% met', 'Band',
    ]);
    const row = (id: string) => iptt.rows.find((r) => r[0] === id)!;
    expect(row('1.3')).toEqual([
      '1.3', 'Nuevas conexiones domiciliarias de agua', 'Número', 'increase', '—',
      1500, 1320, 0.88, 1500, 1610, 1610 / 1500, 2000, 1450, 0.725, 2000, null, null, 2000, null, null,
      5000, 4380, 0.876, 'on track',
    ]);
    // The records' 2017 figure stands in the blank cell of 1.1 in the export (never in the user's sheet).
    expect(row('1.1').slice(11, 14)).toEqual([82, 84.10016446080351, 84.10016446080351 / 82]);
    expect(row('3.3').slice(-4)).toEqual([22, 24, 0.75, 'under target']);
    expect(row('5.1').slice(-4)).toEqual(['Sí', 'No', null, 'under target']);
    // The framework's findings are in the Findings sheet too.
    const findings = wb.sheets.find((s) => s.name === 'Findings')!;
    expect(findings.rows.filter((r) => r[0] === 'missing_actual').map((r) => r[2])).toEqual(["'Marco de resultados'!L20", "'Marco de resultados'!L25"]);
  });

  it('writes the IATI results CSV in AidStream V203 order: one row per indicator and period', () => {
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...IATI_RESULT_COLUMNS]);
    expect(rows[0]!.slice(0, 1).concat(rows[0]!.slice(9, 11), rows[0]![28]!, rows[0]![34]!)).toEqual(['Type', 'Measure', 'Ascending', 'Target Value', 'Actual Value']);
    expect(rows).toHaveLength(1 + 15 * 5);
    const col = (name: (typeof IATI_RESULT_COLUMNS)[number]) => IATI_RESULT_COLUMNS.indexOf(name);
    const find = (code: string, start: string) => rows.find((r) => r[col('Reference Code')] === code && r[col('Period Start')] === start)!;
    const pick = (r: string[]) =>
      (['Type', 'Title', 'Measure', 'Ascending', 'Indicator Title', 'Reference Vocabulary', 'Baseline Year', 'Baseline Value', 'Period End', 'Target Value', 'Actual Value', 'Target Comment', 'Actual Comment'] as const).map(
        (c) => r[col(c)],
      );
    expect(pick(find('1.1', '2017-01-01'))).toEqual([
      '9', '1. Cobertura de agua potable y saneamiento', '2', '1', 'Cobertura de agua (% de viviendas con servicio)', '99', '2014', '76', '2017-12-31', '82', '84.10016446080351', '', '',
    ]);
    // Fractions shown as percentages go out as percent points.
    expect(pick(find('2.1', '2017-01-01')).slice(7, 11)).toEqual(['70', '2017-12-31', '80', '80.13468']);
    // Decreasing: not ascending.
    expect(pick(find('3.3', '2018-01-01')).slice(3, 4)).toEqual(['0']);
    // Qualitative: measure 5, the answers in the comments, no values.
    expect(pick(find('5.1', '2017-01-01')).slice(2, 13)).toEqual(['5', '1', 'Política nacional de APS aprobada', '99', '2014', '', '2017-12-31', '', '', 'Sí', 'No']);
    // A period not ended yet: its target, no actual.
    expect(pick(find('1.3', '2019-01-01')).slice(9, 11)).toEqual(['2000', '']);
  });

  it('the Spanish IPTT names the periods the Spanish way', async () => {
    const es = path.join(dir, 'export-es.xlsx');
    const r = await run('export', HONDURAS_FRAMEWORK, '--out', es, '--as-of', '2018-02-15', '--lang', 'es');
    expect(r.code).toBe(0);
    const iptt = readXlsx(new Uint8Array(fs.readFileSync(es))).sheets.find((s) => s.name === 'IPTT')!;
    const header = iptt.rows.find((row) => row[0] === 'N°')!;
    expect(header.slice(0, 8)).toEqual(['N°', 'Indicador', 'Unidad', 'Sentido', 'Línea base', 'Meta 2015', 'Real 2015', '% cumplimiento 2015']);
    expect(header.slice(-4)).toEqual(['Meta a la fecha', 'Real a la fecha', '% de cumplimiento', 'Rango']);
  });
});

describe('export options', () => {
  it('a framework alone is enough to export (IPTT, result types from the levels)', async () => {
    const file = path.join(dir, 'iptt.xlsx');
    fs.writeFileSync(file, makeXlsx([{ name: 'IPTT', rows: IPTT_ROWS }]));
    const csv = path.join(dir, 'iptt.csv');
    const r = await run('export', file, '--out', path.join(dir, 'iptt-out.xlsx'), '--as-of', '2023-07-15', '--lang', 'en', '--iati-csv', csv);
    expect(r.code).toBe(0);
    const rows = parseCsv(fs.readFileSync(csv, 'utf8'));
    // Outcome → 2, Output → 1; quarters have dates.
    expect(rows.slice(1).map((x) => [x[0], x[17], x[26]]).filter((x) => x[2] === '2023-04-01')).toEqual([
      ['2', '1', '2023-04-01'],
      ['2', '2', '2023-04-01'],
      ['2', '3', '2023-04-01'],
      ['1', '4', '2023-04-01'],
      ['1', '5', '2023-04-01'],
    ]);
  });

  it('--iati-csv must be a .csv, and never the input', async () => {
    const bad = await run('export', HONDURAS_FRAMEWORK, '--out', path.join(dir, 'x.xlsx'), '--iati-csv', path.join(dir, 'x.txt'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--iati-csv');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
