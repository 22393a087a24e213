import { BOM, csvFiles, csvValue, neutraliseText, quoteField, toCsv } from '../../src/core/export';
import type { OutputSheet, OutputTable, OutputValue } from '../../src/core/output';

/** A minimal RFC 4180 reader: enough to prove the writer's output parses back to the same fields. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const s = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
    i++;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const table = (rows: OutputValue[][]): OutputTable => ({
  name: 'T',
  columns: [
    { header: 'Comment', type: 'text' },
    { header: 'Number', type: 'number' },
    { header: 'Due', type: 'date' },
  ],
  rows,
});

describe('CSV injection: text a spreadsheet would run arrives as text', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=1+1\n', `"'=1+1\n"`],
  ])('%j is neutralised', (text, field) => {
    const csv = toCsv(table([[text, null, null]]));
    expect(csv).toBe(`${BOM}Comment,Number,Due\r\n${field},,\r\n`);
    // Read back: the field is the text behind a single quote, never something starting with a formula sign.
    expect(parseCsv(csv)[1]?.[0]).toBe(`'${text}`);
  });

  it.each(['Plain text', 'Lidera: MIDUVI', ' =not a formula at the start', 'a=b', "'already quoted", '', '5%'])(
    '%j is left as written',
    (text) => {
      expect(neutraliseText(text)).toBe(text);
    },
  );

  it('numbers, negative numbers included, and dates stay machine-readable', () => {
    const csv = toCsv(table([['x', -5, { date: '2011-09-15' }], ['y', 0.4444444444444444, null], ['z', 1234567, { date: '2024-02-29' }]]));
    expect(parseCsv(csv)).toEqual([
      ['Comment', 'Number', 'Due'],
      ['x', '-5', '2011-09-15'],
      ['y', '0.4444444444444444', ''],
      ['z', '1234567', '2024-02-29'],
    ]);
  });

  it.each<[OutputValue, string]>([
    [null, ''],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [Number.NaN, ''],
    [-0.25, '-0.25'],
    [{ date: '2011-05-04' }, '2011-05-04'],
    ['-', "'-"],
  ])('csvValue(%j) = %j', (v, expected) => {
    expect(csvValue(v)).toBe(expected);
  });
});

describe('RFC 4180 and encoding', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and keeps accents', () => {
    const csv = toCsv(table([['Acción concluida — año 2011', 1, null]]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toEqual([`${BOM}Comment,Number,Due`, 'Acción concluida — año 2011,1,', '']);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it.each([
    ['OCR, PNUD, ONU-HABITAT', '"OCR, PNUD, ONU-HABITAT"'],
    ['Plan "único" de Capacitación', '"Plan ""único"" de Capacitación"'],
    ['line one\nline two', '"line one\nline two"'],
    ['line one\r\nline two', '"line one\r\nline two"'],
    ['no special characters', 'no special characters'],
  ])('quotes %j', (text, field) => {
    expect(quoteField(text)).toBe(field);
    const rows = parseCsv(toCsv(table([[text, 2, null]])));
    expect(rows[1]).toEqual([text, '2', '']);
  });

  it('a row shorter than the header is padded with empty fields', () => {
    expect(parseCsv(toCsv(table([['only']])))).toEqual([
      ['Comment', 'Number', 'Due'],
      ['only', '', ''],
    ]);
  });
});

describe('csvFiles', () => {
  const t = (name: string): OutputTable => ({ name, columns: [{ header: 'A', type: 'text' }], rows: [['x']] });
  const sheet = (name: string, ...tables: OutputTable[]): OutputSheet => ({ name, lines: [], tables });

  it('names one file per table after its sheet, safe on every file system', () => {
    const files = csvFiles([sheet('Acciones clave', t('T1')), sheet('Acerca de', t('T2')), sheet('Key actions', t('T3'), t('T4')), sheet('Acciones  clave', t('T5')), sheet('***', t('Odd_Name'))]);
    expect(files.map((f) => f.name)).toEqual([
      'acciones-clave.csv',
      'acerca-de.csv',
      'key-actions-1.csv',
      'key-actions-2.csv',
      'acciones-clave-2.csv',
      'odd-name.csv',
    ]);
    expect(files[0]?.text).toBe(`${BOM}A\r\nx\r\n`);
  });
});
