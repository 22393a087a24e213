import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readXlsx, parseDateStyles } from '../../src/hosts/xlsx/read';
import { writeXlsx, tableBaseName, FILL_RGB, MAX_COLUMN_WIDTH } from '../../src/hosts/xlsx/write';
import { readZipDirectory, rawEntryData } from '../../src/hosts/xlsx/zip';
import { cellAt, dateCell, parseA1, type SheetGrid } from '../../src/core/grid';
import { isoToSerial } from '../../src/core/dates';
import type { OutputSheet, OutputValue } from '../../src/core/output';
import { ECUADOR, HONDURAS, makeXlsx, packageProblems, sheetXml, unzipText, workbookParts, zipParts } from './xlsx-helpers';

const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(file));
const at = (sheet: SheetGrid, ref: string) => {
  const p = parseA1(ref)!;
  return cellAt(sheet, p.r, p.c);
};
const sheetNamed = (bytes: Uint8Array, name: string): SheetGrid => {
  const s = readXlsx(bytes).sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

const seguimiento: OutputSheet = {
  name: 'Seguimiento',
  lines: ['Seguimiento del plan de mejora', 'Fecha de corte: 2011-09-15'],
  tables: [
    {
      name: 'Acciones',
      caption: 'Acciones clave',
      columns: [
        { header: 'Id', type: 'text' },
        { header: 'Plazo', type: 'date' },
        { header: 'Avance', type: 'percent', bands: [{ atLeast: 0.8, fill: 'green' }, { atLeast: 0.5, fill: 'yellow' }, { atLeast: 0, fill: 'red' }] },
        { header: 'Días de atraso', type: 'integer' },
        { header: 'Monto', type: 'number', fill: 'grey' },
        { header: 'Vencida', type: 'boolean' },
      ],
      rows: [
        ['1.1', { date: '2011-05-04' }, 0.9, 134, 12.5, true],
        ['1.2', { date: '2011-06-06' }, 0.55, 101, null, false],
        ['11.1', 'Continuo hasta el final del Programa', 0.1, null, 3, false],
        ['Total', null, 0.52, 235, 15.5, null],
      ],
      totalRow: true,
    },
    {
      name: 'Estados',
      columns: [{ header: 'Estado', type: 'text' }, { header: 'Acciones', type: 'integer' }],
      rows: [['Concluido', 5], ['En proceso', 19]],
    },
  ],
  notes: ['Fuente: plan-de-mejora-agua-ecuador-2011.xlsx'],
};

/** Every entry of the original, compared on its stored (compressed) bytes and metadata. */
function entriesUnchanged(original: Uint8Array, written: Uint8Array, except: readonly string[]): string[] {
  const out = new Map(readZipDirectory(written).map((e) => [e.name, e]));
  const differ: string[] = [];
  for (const e of readZipDirectory(original)) {
    if (except.includes(e.name)) continue;
    const w = out.get(e.name);
    if (!w) {
      differ.push(`${e.name} missing`);
      continue;
    }
    const a = rawEntryData(original, e);
    const b = rawEntryData(written, w);
    if (w.crc !== e.crc || w.size !== e.size || w.method !== e.method || Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) differ.push(e.name);
  }
  return differ;
}

// docProps/app.xml: its list of sheet titles gains ours.
const TOUCHED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];

describe('writeXlsx into the user\'s workbook', () => {
  const ecuador = bytesOf(ECUADOR);
  const { bytes, written } = writeXlsx(ecuador, [seguimiento]);

  it('keeps every original part byte for byte and edits only the four package parts it must', () => {
    expect(written).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento' }]);
    expect(entriesUnchanged(ecuador, bytes, TOUCHED)).toEqual([]);
    const before = unzipText(ecuador);
    const after = unzipText(bytes);
    // the touched parts only gained elements: the originals' pieces are still there, in order
    const styles = before['xl/styles.xml']!;
    const cellXfs = /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
    expect(after['xl/styles.xml']).toContain(cellXfs);
    expect(after['xl/styles.xml']).toContain(/<fills count="\d+">([\s\S]*?)<\/fills>/.exec(styles)![1]!);
    expect(after['xl/workbook.xml']).toContain('<sheet sheetId="1" name="Plan de Mejora" state="visible" r:id="rId4"/>');
    expect(after['xl/workbook.xml']!.replace(/<sheet name="Seguimiento"[^>]*\/>/, '')).toBe(before['xl/workbook.xml']);
    expect(packageProblems(bytes)).toEqual([]);
  });

  it('reads back the new sheet: values, real dates, percents as numbers, the mark', () => {
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => [s.name, s.createdByTablero])).toEqual([['Plan de Mejora', false], ['Seguimiento', true]]);
    const s = wb.sheets[1]!;
    expect(s.rows).toEqual([
      ['Seguimiento del plan de mejora'],
      ['Fecha de corte: 2011-09-15'],
      [],
      ['Acciones clave'],
      ['Id', 'Plazo', 'Avance', 'Días de atraso', 'Monto', 'Vencida'],
      ['1.1', dateCell(40667), 0.9, 134, 12.5, true],
      ['1.2', dateCell(40700), 0.55, 101, null, false],
      ['11.1', 'Continuo hasta el final del Programa', 0.1, null, 3, false],
      ['Total', null, 0.52, 235, 15.5],
      [],
      ['Estado', 'Acciones'],
      ['Concluido', 5],
      ['En proceso', 19],
      [],
      ['Fuente: plan-de-mejora-agua-ecuador-2011.xlsx'],
    ]);
    // the user's sheet reads exactly as before
    expect(wb.sheets[0]).toEqual(readXlsx(ecuador).sheets[0]);
  });

  it('writes real Excel tables with the header row frozen and the total row outside the table', () => {
    const files = unzipText(bytes);
    const tables = Object.keys(files).filter((k) => k.startsWith('xl/tables/')).sort().map((k) => files[k]!);
    expect(tables).toHaveLength(2);
    expect(tables[0]).toMatch(/name="Acciones" displayName="Acciones" ref="A5:F8"/);
    expect(tables[0]).toContain('<autoFilter ref="A5:F8"/>');
    expect(tables[0]).toContain('TableStyleMedium2');
    expect(tables[1]).toMatch(/name="Estados" displayName="Estados" ref="A11:B13"/);
    const sheet = files['xl/worksheets/sheet2.xml']!;
    expect(sheet).toContain('<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<customProperties><customPr name="Tablero" r:id="rId1"/></customProperties>');
    expect(files['xl/worksheets/_rels/sheet2.xml.rels']).toContain('relationships/customProperty" Target="../customProperty1.bin"');
    expect(Buffer.from(unzipSync(bytes)['xl/customProperty1.bin']!).toString('utf16le')).toBe('1');
    expect(files['[Content_Types].xml']).toContain('<Override PartName="/xl/customProperty1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"/>');
  });

  it('formats cells by column type: yyyy-mm-dd dates, 0.0% percents, integers, fills from bands and columns, bold lines and totals', () => {
    const files = unzipText(bytes);
    const styles = files['xl/styles.xml']!;
    const sheet = files['xl/worksheets/sheet2.xml']!;
    const numFmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [Number(m[1]), m[2]!]));
    const fonts = [.../<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)![1]!.matchAll(/<font>([\s\S]*?)<\/font>|<font\/>/g)].map((m) => m[1] ?? '');
    const fills = [.../<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)![1]!.matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map((m) => /rgb="(\w+)"/.exec(m[1]!)?.[1] ?? null);
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf ([^>]*?)\/?>/g)].map((m) => ({
      numFmtId: Number(/numFmtId="(\d+)"/.exec(m[1]!)![1]),
      fontId: Number(/fontId="(\d+)"/.exec(m[1]!)![1]),
      fillId: Number(/fillId="(\d+)"/.exec(m[1]!)![1]),
    }));
    const look = (ref: string) => {
      const s = Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? 0);
      const xf = xfs[s]!;
      return {
        format: xf.numFmtId === 0 ? 'General' : numFmts.get(xf.numFmtId) ?? `builtin ${xf.numFmtId}`,
        bold: fonts[xf.fontId]!.includes('<b/>'),
        fill: fills[xf.fillId] ?? null,
      };
    };
    expect(look('A1')).toEqual({ format: 'General', bold: true, fill: null });
    expect(look('A2')).toEqual({ format: 'General', bold: false, fill: null });
    expect(look('A4')).toEqual({ format: 'General', bold: true, fill: null });
    expect(look('B6')).toEqual({ format: 'yyyy-mm-dd', bold: false, fill: null });
    expect(look('C6')).toEqual({ format: '0.0%', bold: false, fill: FILL_RGB.green });
    expect(look('C7')).toEqual({ format: '0.0%', bold: false, fill: FILL_RGB.yellow });
    expect(look('C8')).toEqual({ format: '0.0%', bold: false, fill: FILL_RGB.red });
    expect(look('D6')).toEqual({ format: 'builtin 3', bold: false, fill: null });
    expect(look('E6')).toEqual({ format: 'builtin 4', bold: false, fill: FILL_RGB.grey });
    expect(look('E7')).toEqual({ format: 'builtin 4', bold: false, fill: FILL_RGB.grey }); // an empty cell still shows the column fill
    expect(look('A9')).toEqual({ format: 'General', bold: true, fill: null });
    expect(look('C9')).toEqual({ format: '0.0%', bold: true, fill: FILL_RGB.yellow });
    expect(look('D9')).toEqual({ format: 'builtin 3', bold: true, fill: null });
    // the reader sees the date format as a date and the others as numbers
    const dateStyles = parseDateStyles(styles);
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? 0);
    expect([dateStyles[styleOf('B6')], dateStyles[styleOf('C6')], dateStyles[styleOf('D6')]]).toEqual([1, 0, 0]);
  });

  it('fits column widths to the content, within bounds, and keeps a width given by the caller', () => {
    const long = 'x'.repeat(200);
    const out = writeXlsx(null, [{
      name: 'Anchos', lines: [], tables: [{
        name: 'T', columns: [{ header: 'Corto', type: 'text' }, { header: 'Largo', type: 'text' }, { header: 'Fijo', type: 'text', width: 33 }, { header: 'Fecha', type: 'date' }],
        rows: [['a', long, 'b', { date: '2020-01-31' }]],
      }],
    }]).bytes;
    const sheet = unzipText(out)['xl/worksheets/sheet1.xml']!;
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths[1]).toBe(MAX_COLUMN_WIDTH);
    expect(widths[2]).toBe(33);
    expect(widths[0]).toBeGreaterThanOrEqual('Corto'.length + 3);
    expect(widths[0]).toBeLessThan(20);
    expect(widths[3]).toBeGreaterThanOrEqual(10);
  });
});

describe('sheet names and replacing our own sheets', () => {
  const userSeguimiento = makeXlsx({
    sheets: [
      { name: 'Plan', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>plan</t></is></c></row>') },
      { name: 'Seguimiento', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>mío</t></is></c></row>') },
    ],
  });

  it('never overwrites a user sheet: ours becomes "Seguimiento (2)" and the user\'s stays byte for byte', () => {
    const { bytes, written } = writeXlsx(userSeguimiento, [seguimiento]);
    expect(written).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento (2)' }]);
    expect(entriesUnchanged(userSeguimiento, bytes, TOUCHED)).toEqual([]);
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => [s.name, s.createdByTablero])).toEqual([['Plan', false], ['Seguimiento', false], ['Seguimiento (2)', true]]);
    expect(wb.sheets[1]!.rows).toEqual([['mío']]);
    expect(packageProblems(bytes)).toEqual([]);
  });

  it('replaces our own sheet when written again: one sheet, same place, tables renamed back, old parts gone', () => {
    const first = writeXlsx(userSeguimiento, [seguimiento]).bytes;
    const changed: OutputSheet = { ...seguimiento, lines: ['Segunda versión'], tables: [seguimiento.tables[1]!] };
    const second = writeXlsx(first, [changed]);
    expect(second.written).toEqual([{ requested: 'Seguimiento', name: 'Seguimiento (2)' }]);
    const wb = readXlsx(second.bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Plan', 'Seguimiento', 'Seguimiento (2)']);
    expect(wb.sheets[2]!.rows.slice(0, 3)).toEqual([['Segunda versión'], [], ['Estado', 'Acciones']]);
    const files = unzipText(second.bytes);
    const tables = Object.keys(files).filter((k) => k.startsWith('xl/tables/'));
    expect(tables).toHaveLength(1);
    expect(files[tables[0]!]).toContain('name="Estados"'); // the name was freed with the old sheet
    expect(Object.keys(files).filter((k) => k.includes('customProperty'))).toHaveLength(1);
    expect(packageProblems(second.bytes)).toEqual([]);
    // the user's parts are still untouched after two writes
    expect(entriesUnchanged(userSeguimiento, second.bytes, TOUCHED)).toEqual([]);
  });

  it('replaces our sheet in the Ecuador workbook too, keeping the user sheet and every original part', () => {
    const ecuador = bytesOf(ECUADOR);
    const once = writeXlsx(ecuador, [seguimiento]).bytes;
    const twice = writeXlsx(once, [seguimiento]).bytes;
    expect(readXlsx(twice).sheets.map((s) => s.name)).toEqual(['Plan de Mejora', 'Seguimiento']);
    expect(entriesUnchanged(ecuador, twice, TOUCHED)).toEqual([]);
    expect(sheetNamed(twice, 'Seguimiento')).toEqual(sheetNamed(once, 'Seguimiento'));
    expect(packageProblems(twice)).toEqual([]);
  });

  it('gives table names that are valid and unique in the workbook, also against existing tables and names', () => {
    const withTable = zipParts({
      ...workbookParts({
        sheets: [{
          name: 'Datos',
          xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>', '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'),
          rels: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
        }],
        definedNames: '<definedNames><definedName name="Estados">Datos!$A$1</definedName></definedNames>',
      }),
      'xl/tables/table1.xml': '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Acciones" displayName="Acciones" ref="A1:A2"><autoFilter ref="A1:A2"/><tableColumns count="1"><tableColumn id="1" name="a"/></tableColumns></table>',
    });
    const types = unzipText(withTable)['[Content_Types].xml']!.replace('</Types>', '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>');
    const base = zipParts({ ...Object.fromEntries(Object.entries(unzipSync(withTable))), '[Content_Types].xml': types });
    const out = writeXlsx(base, [seguimiento]).bytes;
    const files = unzipText(out);
    const names = Object.keys(files).filter((k) => k.startsWith('xl/tables/')).sort().map((k) => /displayName="([^"]+)"/.exec(files[k]!)![1]);
    expect(names).toEqual(['Acciones', 'Acciones_2', 'Estados_2']);
    expect(files['xl/tables/table2.xml']).toMatch(/ id="2"/);
    expect(packageProblems(out)).toEqual([]);
  });

  it.each([
    ['Seguimiento', 'Seguimiento'],
    ['Plan de mejora 2011: seguimiento [v2]', 'Plan_de_mejora_2011__seguimiento__v2_'],
    ['2011 acciones', 'T_2011_acciones'],
    ['Días', 'Dias'],
    ['A1', 'A1_'],
    ['R2C3', 'R2C3_'],
    ['c', 'c_'],
  ])('table name for %j is %j', (requested, expected) => {
    expect(tableBaseName(requested)).toBe(expected);
  });

  it('lets a later sheet of the same name in one call replace the earlier one', () => {
    const { bytes, written } = writeXlsx(bytesOf(ECUADOR), [seguimiento, { ...seguimiento, lines: ['Otra vez'] }]);
    expect(written.map((w) => w.name)).toEqual(['Seguimiento', 'Seguimiento']);
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Plan de Mejora', 'Seguimiento']);
    expect(wb.sheets[1]!.rows[0]).toEqual(['Otra vez']);
    const names = Object.entries(unzipText(bytes)).filter(([k]) => k.startsWith('xl/tables/')).map(([, v]) => /displayName="([^"]+)"/.exec(v)![1]).sort();
    expect(names).toEqual(['Acciones', 'Estados']);
    expect(Object.keys(unzipText(bytes)).filter((k) => k.includes('customProperty'))).toHaveLength(1);
    expect(packageProblems(bytes)).toEqual([]);
  });

  it('makes sheet names Excel accepts', () => {
    const { bytes, written } = writeXlsx(null, [
      { name: 'Resumen: agua/saneamiento [2017] y más texto largo', lines: ['x'], tables: [] },
      { name: "'Citado'", lines: ['y'], tables: [] },
    ]);
    expect(written.map((w) => w.name)).toEqual(['Resumen  agua saneamiento  2017', 'Citado']);
    expect(packageProblems(bytes)).toEqual([]);
  });
});

describe('writeXlsx(null, …): a new workbook', () => {
  it('builds a valid workbook of only our sheets', () => {
    const { bytes, written } = writeXlsx(null, [seguimiento, { ...seguimiento, name: 'Copia' }]);
    expect(written.map((w) => w.name)).toEqual(['Seguimiento', 'Copia']);
    expect(packageProblems(bytes)).toEqual([]);
    const wb = readXlsx(bytes);
    expect(wb.date1904).toBe(false);
    expect(wb.sheets.map((s) => [s.name, s.createdByTablero])).toEqual([['Seguimiento', true], ['Copia', true]]);
    expect(wb.sheets[1]!.rows).toEqual(wb.sheets[0]!.rows);
    expect(Object.keys(unzipSync(bytes))).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml']));
  });

  it('writes dates in the 1904 system when the workbook uses it', () => {
    const base = makeXlsx({ workbookPr: '<workbookPr date1904="1"/>', sheets: [{ name: 'Mac', xml: sheetXml('') }] });
    const out = writeXlsx(base, [{ name: 'F', lines: [], tables: [{ name: 'T', columns: [{ header: 'Fecha', type: 'date' }], rows: [[{ date: '2011-05-04' }]] }] }]).bytes;
    const wb = readXlsx(out);
    expect(wb.date1904).toBe(true);
    expect(at(wb.sheets[1]!, 'A2')).toEqual(dateCell(isoToSerial('2011-05-04', true)));
    expect(isoToSerial('2011-05-04', true)).toBe(40667 - 1462);
    expect(packageProblems(out)).toEqual([]);
  });

  it('creates styles.xml when the workbook has none', () => {
    const base = makeXlsx({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const out = writeXlsx(base, [seguimiento]).bytes;
    expect(packageProblems(out)).toEqual([]);
    expect(unzipText(out)['xl/_rels/workbook.xml.rels']).toContain('relationships/styles" Target="styles.xml"');
    expect(at(sheetNamed(out, 'Seguimiento'), 'B6')).toEqual(dateCell(40667));
    expect(sheetNamed(out, 'S').rows).toEqual([[1]]);
  });

  it('escapes XML and keeps text as given, even characters XML cannot hold (as _xHHHH_)', () => {
    const nasty = 'a & b < c > d "e" \'f\' _x0041_ tab\there\nline \u0001bell\u0008 😀 \uD800 end ';
    const out = writeXlsx(null, [{
      name: 'Texto', lines: [nasty], notes: ['  nota con espacios  '],
      tables: [{ name: 'T', columns: [{ header: 'Col & "1"', type: 'text' }, { header: 'col & "1"', type: 'text' }, { header: '', type: 'text' }], rows: [[nasty, 'x', 'y']] }],
    }]);
    expect(packageProblems(out.bytes)).toEqual([]);
    const s = readXlsx(out.bytes).sheets[0]!;
    const clean = nasty;
    expect(s.rows[0]).toEqual([clean]);
    expect(s.rows[2]).toEqual(['Col & "1"', 'col & "1" 2', 'Column3']);
    expect(s.rows[3]).toEqual([clean, 'x', 'y']);
    expect(s.rows[5]).toEqual(['  nota con espacios  ']);
  });

  it('keeps a table with no data rows valid (one empty row) and writes a sheet with only lines', () => {
    const out = writeXlsx(null, [
      { name: 'Vacía', lines: ['Sin acciones'], tables: [{ name: 'T', columns: [{ header: 'Id', type: 'text' }], rows: [] }] },
      { name: 'Solo texto', lines: ['a', 'b'], tables: [] },
    ]).bytes;
    expect(packageProblems(out)).toEqual([]);
    expect(unzipText(out)['xl/tables/table1.xml']).toContain('ref="A3:A4"');
    const wb = readXlsx(out);
    expect(wb.sheets[0]!.rows).toEqual([['Sin acciones'], [], ['Id']]);
    expect(wb.sheets[1]!.rows).toEqual([['a'], ['b']]);
  });

  it('writes values of another type than the column\'s as they are', () => {
    const out = writeXlsx(null, [{
      name: 'Mixta', lines: [], tables: [{
        name: 'T', columns: [{ header: 'Fecha', type: 'date' }, { header: 'Pct', type: 'percent' }, { header: 'Texto', type: 'text' }],
        rows: [['Continuo', 'n/d', { date: '2020-02-29' }], [{ date: '2020-02-30' }, Number.NaN, 7]],
      }],
    }]).bytes;
    const s = readXlsx(out).sheets[0]!;
    expect(s.rows.slice(1)).toEqual([['Continuo', 'n/d', dateCell(isoToSerial('2020-02-29'))], ['2020-02-30', null, 7]]);
  });

  it('writes many rows and reads them back the same', () => {
    const rows: OutputValue[][] = [];
    for (let i = 0; i < 20000; i++) rows.push([`Comunidad ${i}`, i % 7 === 0 ? null : i * 3, i / 1000, { date: '2017-01-01' }, i % 2 === 0]);
    const sheet: OutputSheet = {
      name: 'Grande', lines: [], tables: [{
        name: 'Grande', rows,
        columns: [{ header: 'Comunidad', type: 'text' }, { header: 'N', type: 'integer' }, { header: 'X', type: 'number' }, { header: 'F', type: 'date' }, { header: 'B', type: 'boolean' }],
      }],
    };
    const out = writeXlsx(null, [sheet]).bytes;
    const s = readXlsx(out).sheets[0]!;
    expect(s.rows).toHaveLength(20001);
    const serial = isoToSerial('2017-01-01');
    expect(s.rows.slice(1)).toEqual(rows.map((r) => {
      const v = [r[0], r[1], r[2], dateCell(serial), r[4]];
      return v;
    }));
    expect(packageProblems(out)).toEqual([]);
  });
});

describe('a calculation chain that names a replaced sheet', () => {
  it('is dropped so Excel does not have to repair the file', () => {
    const first = writeXlsx(bytesOf(HONDURAS), [seguimiento]).bytes;
    const files = unzipSync(first);
    const ourId = /<sheet name="Seguimiento" sheetId="(\d+)"/.exec(strFromU8(files['xl/workbook.xml']!))![1];
    const parts: Record<string, string | Uint8Array> = { ...files };
    parts['xl/calcChain.xml'] = `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D6" i="${ourId}"/><c r="D7"/></calcChain>`;
    parts['xl/_rels/workbook.xml.rels'] = strFromU8(files['xl/_rels/workbook.xml.rels']!).replace('</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>');
    parts['[Content_Types].xml'] = strFromU8(files['[Content_Types].xml']!).replace('</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
    const again = writeXlsx(zipParts(parts), [seguimiento]).bytes;
    const out = unzipText(again);
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(out['xl/_rels/workbook.xml.rels']).not.toContain('calcChain');
    expect(out['[Content_Types].xml']).not.toContain('calcChain');
    expect(packageProblems(again)).toEqual([]);
  });
});

// openpyxl (Debian's python3-openpyxl) as an independent reader of what we write.
const PYTHON = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0);
const withPython = PYTHON ? it : it.skip;

describe('openpyxl reads what we write', () => {
  withPython('sees the sheets, tables, formats, fills and values', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tablero-xlsx-'));
    try {
      const file = path.join(dir, 'out.xlsx');
      writeFileSync(file, writeXlsx(bytesOf(ECUADOR), [seguimiento]).bytes);
      const script = [
        'import json, sys, warnings',
        'warnings.simplefilter("error")',
        'import openpyxl',
        'wb = openpyxl.load_workbook(sys.argv[1])',
        'ws = wb["Seguimiento"]',
        'out = {"sheets": wb.sheetnames, "tables": {k: v for k, v in ws.tables.items()}, "freeze": ws.freeze_panes,',
        '  "B6": [str(ws["B6"].value), ws["B6"].number_format], "C6": [ws["C6"].value, ws["C6"].number_format, ws["C6"].fill.fgColor.rgb],',
        '  "D6": [ws["D6"].value, ws["D6"].number_format], "A1bold": ws["A1"].font.b, "A9bold": ws["A9"].font.b, "F6": ws["F6"].value,',
        '  "user": wb["Plan de Mejora"]["A8"].value}',
        'print(json.dumps(out))',
      ].join('\n');
      const r = spawnSync(PYTHON!, ['-c', script, file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({
        sheets: ['Plan de Mejora', 'Seguimiento'],
        tables: { Acciones: 'A5:F8', Estados: 'A11:B13' },
        freeze: 'A6',
        B6: ['2011-05-04 00:00:00', 'yyyy-mm-dd'],
        C6: [0.9, '0.0%', FILL_RGB.green],
        D6: [134, '#,##0'],
        A1bold: true,
        A9bold: true,
        F6: true,
        user: 'Recomendación de la Evaluación N° 1',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
