// The writer keeps text faithful and files tidy (issue 8 §4): text as it was (control characters,
// CR, trailing spaces, "_x0041_"-looking text), a finding for text over 32,767 characters, styles.xml
// that does not grow when our own output is written again, no orphan drawings or charts, app.xml
// listing the sheets, and no macro content type left in an .xlsx.
import * as fs from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { appPropsWithSheets, writeXlsx } from '../../src/hosts/xlsx/write';
import type { OutputSheet } from '../../src/core/output';
import { ECUADOR, makeXlsx, packageProblems, sheetXml, stylesXml } from './xlsx-helpers';

const ecuador = (): Uint8Array => new Uint8Array(fs.readFileSync(ECUADOR));

const sheet = (texts: readonly string[]): OutputSheet => ({
  name: 'Seguimiento',
  lines: ['Título', 'Fecha de corte: 2024-06-30'],
  tables: [{
    name: 'Acciones',
    caption: 'Acciones clave',
    columns: [
      { header: 'Texto', type: 'text' },
      { header: 'Avance', type: 'percent', bands: [{ atLeast: 0.8, fill: 'green' }, { atLeast: 0, fill: 'red' }] },
      { header: 'Plazo', type: 'date' },
      { header: 'Cantidad', type: 'integer' },
    ],
    rows: [...texts.map((t, i) => [t, i / 10, { date: '2024-06-30' }, i]), ['Total', 1, null, 9]],
    totalRow: true,
  }],
});

describe('text is written as it was', () => {
  const texts = [
    'campana\u0007 y separador\u001f',
    'línea\r\nde Windows y\rMac',
    'espacios al final   ',
    '  y al principio',
    'parece un escape: _x0041_ y _x005F_',
    'nulo \u0000 y FFFE \ufffe',
    'emoji 😀 y sustituto suelto \ud800 aquí',
    'tab\tdentro',
  ];

  it.each([['a new workbook (shared strings)', null], ['the user workbook (inline strings)', 'base']])('%s', (_label, base) => {
    const out = writeXlsx(base ? ecuador() : null, [sheet(texts)]);
    expect(packageProblems(out.bytes)).toEqual([]);
    const s = readXlsx(out.bytes).sheets.find((x) => x.name === 'Seguimiento')!;
    const col = s.rows.slice(5, 5 + texts.length).map((r) => r[0]);
    expect(col).toEqual(texts);
    expect(out.findings).toEqual([]);
  });

  it('text over 32,767 characters is cut (never inside a surrogate pair) and said in a finding', () => {
    const long = 'a'.repeat(32766) + '😀' + 'b'.repeat(100);
    const out = writeXlsx(null, [sheet(['corto', long])]);
    const s = readXlsx(out.bytes).sheets[0]!;
    expect(s.rows[6]![0]).toBe('a'.repeat(32766));
    expect(out.findings).toEqual([
      { code: 'text_truncated', severity: 'warning', sheet: 'Seguimiento', cell: 'A7', actionId: null, params: { length: 32868, limit: 32767 } },
    ]);
  });
});

describe('files stay tidy', () => {
  it('writing our own output again does not grow styles.xml', () => {
    let bytes = ecuador();
    const styles: string[] = [];
    for (let run = 0; run < 4; run++) {
      bytes = writeXlsx(bytes, [sheet(['uno', 'dos'])]).bytes;
      styles.push(strFromU8(unzipSync(bytes)['xl/styles.xml']!));
    }
    expect(new Set(styles).size).toBe(1);
    const count = (tag: string) => (styles[0]!.match(new RegExp(`<${tag}[\\s>/]`, 'g')) ?? []).length;
    const original = strFromU8(unzipSync(ecuador())['xl/styles.xml']!);
    const before = (tag: string) => (original.match(new RegExp(`<${tag}[\\s>/]`, 'g')) ?? []).length;
    expect([count('numFmt') - before('numFmt'), count('font') - before('font')]).toEqual([2, 1]);
    expect(packageProblems(bytes)).toEqual([]);
  });

  it('rewriting a Tablero sheet removes its drawing and chart parts, keeping an image another sheet uses', () => {
    const first = writeXlsx(ecuador(), [sheet(['uno'])]).bytes;
    const files = unzipSync(first);
    const ours = 'xl/worksheets/sheet2.xml';
    const relsPath = 'xl/worksheets/_rels/sheet2.xml.rels';
    expect(strFromU8(files[ours]!)).toContain('customPr name="Tablero"');
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    files[relsPath] = strToU8(strFromU8(files[relsPath]!).replace('</Relationships>', `<Relationship Id="rId99" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`));
    files[ours] = strToU8(strFromU8(files[ours]!).replace('<customProperties>', '').replace('</customProperties>', '<drawing r:id="rId99"/>').replace('<tableParts', '<customProperties-x').replace(/<customPr [^>]*\/>/, (m) => m));
    // keep the sheet valid: put customProperties back before drawing
    files[ours] = strToU8(strFromU8(files[ours]!).replace(/<customPr name="Tablero" r:id="rId1"\/>/, '<customProperties><customPr name="Tablero" r:id="rId1"/></customProperties>').replace('<customProperties-x', '<tableParts'));
    files['xl/drawings/drawing1.xml'] = strToU8('<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>');
    files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/><Relationship Id="rId2" Type="${R}/image" Target="../media/image1.png"/></Relationships>`);
    files['xl/charts/chart1.xml'] = strToU8('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    files['xl/charts/_rels/chart1.xml.rels'] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>`);
    files['xl/charts/style1.xml'] = strToU8('<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle"/>');
    files['xl/media/image1.png'] = new Uint8Array([137, 80, 78, 71]);
    // The user's sheet has a drawing of its own that uses the same image.
    files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`);
    files['xl/drawings/drawing2.xml'] = strToU8('<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>');
    files['xl/drawings/_rels/drawing2.xml.rels'] = strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/image" Target="../media/image1.png"/></Relationships>`);
    const withDrawings = zipSync(files);
    const again = unzipSync(writeXlsx(withDrawings, [sheet(['dos'])]).bytes);
    const names = Object.keys(again).filter((k) => /drawings|charts|media/.test(k)).sort();
    expect(names).toEqual(['xl/drawings/_rels/drawing2.xml.rels', 'xl/drawings/drawing2.xml', 'xl/media/image1.png']);
  });

  it('docProps/app.xml lists the new sheets', () => {
    const app = '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Hojas de cálculo</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>' +
      '<vt:variant><vt:lpstr>Rangos con nombre</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
      '<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Plan</vt:lpstr><vt:lpstr>Plan!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>';
    expect(appPropsWithSheets(app, ['Plan', 'Seguimiento & más'])).toBe(app
      .replace('<vt:i4>1</vt:i4>', '<vt:i4>2</vt:i4>')
      .replace('<vt:vector size="2" baseType="lpstr"><vt:lpstr>Plan</vt:lpstr>', '<vt:vector size="3" baseType="lpstr"><vt:lpstr>Plan</vt:lpstr><vt:lpstr>Seguimiento &amp; más</vt:lpstr>'));
    const base = makeXlsx({ sheets: [{ name: 'Plan', xml: sheetXml('') }], styles: stylesXml([], [0]), extra: { 'docProps/app.xml': app } });
    const out = strFromU8(unzipSync(writeXlsx(base, [sheet(['x'])]).bytes)['docProps/app.xml']!);
    expect(out).toContain('<vt:lpstr>Plan</vt:lpstr><vt:lpstr>Seguimiento</vt:lpstr><vt:lpstr>Plan!Print_Area</vt:lpstr>');
  });

  it('an .xlsm written as .xlsx loses the macro content type and the VBA project; keepMacros keeps them', () => {
    const base = unzipSync(makeXlsx({ sheets: [{ name: 'Plan', xml: sheetXml('') }], styles: stylesXml([], [0]) }));
    base['[Content_Types].xml'] = strToU8(strFromU8(base['[Content_Types].xml']!)
      .replace('spreadsheetml.sheet.main+xml', 'spreadsheetml.sheet.main+xml-x')
      .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml-x', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    base['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(base['xl/_rels/workbook.xml.rels']!).replace('</Relationships>',
      '<Relationship Id="rId77" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    base['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3]);
    const xlsm = zipSync(base);
    const plain = unzipSync(writeXlsx(xlsm, [sheet(['x'])]).bytes);
    expect(Object.keys(plain)).not.toContain('xl/vbaProject.bin');
    expect(strFromU8(plain['[Content_Types].xml']!)).not.toContain('macroEnabled');
    expect(strFromU8(plain['xl/_rels/workbook.xml.rels']!)).not.toContain('vbaProject');
    expect(packageProblems(zipSync(plain))).toEqual([]);
    const kept = unzipSync(writeXlsx(xlsm, [sheet(['x'])], { keepMacros: true }).bytes);
    expect(Object.keys(kept)).toContain('xl/vbaProject.bin');
    expect(strFromU8(kept['[Content_Types].xml']!)).toContain('macroEnabled');
  });
});
