import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { parseWorksheet, readXlsx, XlsxReadError, type ReadErrorKind } from '../../src/hosts/xlsx/read';
import { isDateFormatCode, isBuiltinDateFormat } from '../../src/hosts/xlsx/numfmt';
import { readZipDirectory } from '../../src/hosts/xlsx/zip';
import { cellAt, dateCell, errorCell, parseA1, type SheetGrid } from '../../src/core/grid';
import { isoToSerial } from '../../src/core/dates';
import { ECUADOR, HONDURAS, makeXlsx, sheetXml, stylesXml, workbookParts, zipParts } from './xlsx-helpers';

const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(file));
const at = (sheet: SheetGrid, ref: string) => {
  const p = parseA1(ref)!;
  return cellAt(sheet, p.r, p.c);
};

describe('readXlsx on the shared fixtures', () => {
  it('reads the Ecuador plan: one sheet, real dates, merged bands and the two-row header', () => {
    const wb = readXlsx(bytesOf(ECUADOR));
    expect(wb.date1904).toBe(false);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Plan de Mejora']);
    const s = wb.sheets[0]!;
    expect(s.createdByTablero).toBe(false);
    expect(at(s, 'B14')).toEqual(dateCell(40667)); // 4-May-11 typed in a d-mmm-yy cell
    expect(at(s, 'B15')).toBe('24-Aug-11'); // the August deadlines stayed text
    expect(s.merges).toContainEqual({ r0: 7, c0: 0, r1: 7, c1: 6 }); // A8:G8
    expect(s.merges).toContainEqual({ r0: 11, c0: 0, r1: 12, c1: 0 }); // A12:A13
    expect(s.rows[11]).toEqual(['Acciones clave', 'Plazo', 'Responsable/s', 'Seguimiento', null, 'Secretariado']);
    expect(s.rows[12]).toEqual([null, null, null, 'Comentarios', 'Estado', 'Comentarios', 'Estado']);
    expect(at(s, 'A8')).toBe('Recomendación de la Evaluación N° 1');
    expect(s.rows).toHaveLength(108);
    expect(s.hiddenRows).toEqual([]);
    // every deadline that is a number is a date (column B of the action rows)
    const numbersInB = s.rows.map((r) => r[1]).filter((v) => typeof v === 'number');
    expect(numbersInB).toEqual([]);
  });

  it('reads the Honduras monitoring workbook: three sheets, header row, numbers', () => {
    const wb = readXlsx(bytesOf(HONDURAS));
    expect(wb.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['Comunidades', 696],
      ['Sistemas', 595],
      ['Prestadores', 595],
    ]);
    const [com, sis, pre] = wb.sheets as [SheetGrid, SheetGrid, SheetGrid];
    expect(com.rows[0]).toEqual([
      'Departamento', 'Municipio', 'Comunidad', 'Viviendas', 'Viviendas con agua', 'Viviendas con saneamiento',
      'Escuelas', 'Escuelas con APS', 'Centros de salud', 'Centros de salud con APS',
    ]);
    expect(sis.rows[0]).toEqual([
      'Código sistema', 'Departamento', 'Municipio', 'Comunidad', 'Tipo de sistema', 'Categoría SIASAR', 'Cloración',
      'Muestras analizadas', 'Muestras aptas',
    ]);
    expect(pre.rows[0]).toEqual(['Prestador', 'Departamento', 'Municipio', 'Tipo de prestador', 'Categoría SIASAR', 'Cobra tarifa', 'Rinde cuentas']);
    // the figures of fixtures/README.md that depend only on reading the cells right
    const sum = (s: SheetGrid, c: number) => s.rows.slice(1).reduce((n, r) => n + (r[c] as number), 0);
    expect(sum(com, 3)).toBe(153228);
    expect(sum(sis, 7)).toBe(1772);
    expect(sum(sis, 8)).toBe(453);
    const cats = (s: SheetGrid, c: number) => s.rows.slice(1).reduce<Record<string, number>>((m, r) => ({ ...m, [String(r[c])]: (m[String(r[c])] ?? 0) + 1 }), {});
    expect(cats(sis, 5)).toEqual({ A: 410, B: 176, C: 8 });
    expect(cats(pre, 4)).toEqual({ A: 54, B: 422, C: 109, D: 9 });
    expect(wb.sheets.every((s) => s.createdByTablero === false && s.merges.length === 0)).toBe(true);
  });

  it('reads only the sheets asked for (case-insensitively), in workbook order', () => {
    const wb = readXlsx(bytesOf(HONDURAS), { sheets: ['prestadores', 'Comunidades'] });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Comunidades', 'Prestadores']);
    expect(readXlsx(bytesOf(HONDURAS), { sheets: ['Nada'] }).sheets).toEqual([]);
  });
});

describe('readXlsx on hand-made workbooks', () => {
  it('decodes shared strings: plain, rich-text runs, phonetic runs skipped, entities, _xHHHH_ escapes, xml:space', () => {
    const sst = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">' +
      '<si><t>Plain</t></si>' +
      '<si><r><rPr><b/><sz val="11"/></rPr><t>Rich </t></r><r><t xml:space="preserve">text </t></r><r><rPr><i/></rPr><t>runs</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#233; &#xE9;</t></si>' +
      '<si><t>line_x000D__x000A_break _x005F_x0041_ end</t></si>' +
      '<si><t xml:space="preserve">  padded  </t></si>' +
      '<si/>' +
      '</sst>';
    const rows = [0, 1, 2, 3, 4, 5, 6].map((i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('');
    const wb = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows) }], sst }));
    expect(wb.sheets[0]!.rows.map((r) => r[0])).toEqual([
      'Plain', 'Rich text runs', '漢字', 'A & B <C> "D" \'E\' é é', 'line\r\nbreak _x0041_ end', '  padded  ', '',
    ]);
  });

  it('reads inline strings, formula strings, booleans, errors, ISO dates and numbers', () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>inline &amp; simple</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>inline</t></r></is></c>' +
      '<c r="C1" t="str"><f>A1&amp;"!"</f><v>inline &amp; simple!</v></c>' +
      '<c r="D1" t="inlineStr"><is><t xml:space="preserve"> spaced </t></is></c></row>' +
      '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
      '<row r="3"><c r="A3" t="d"><v>2011-05-04T00:00:00Z</v></c><c r="B3" t="d"><v>2011-05-04T12:00:00</v></c><c r="C3"><v>-12.5</v></c><c r="D3"><v>1.5E-3</v></c><c r="E3" t="n"><v>42</v></c></row>' +
      '<row r="4"><c r="A4"><f>SUM(C3:E3)</f><v>29.5015</v></c><c r="B4" s="0"/><c r="C4" t="str"><v></v></c></row>';
    const s = readXlsx(makeXlsx({ sheets: [{ name: 'Tipos', xml: sheetXml(rows) }] })).sheets[0]!;
    expect(s.rows[0]).toEqual(['inline & simple', 'rich inline', 'inline & simple!', ' spaced ']);
    expect(s.rows[1]).toEqual([true, false, errorCell('#N/A'), errorCell('#DIV/0!')]);
    expect(s.rows[2]).toEqual([dateCell(40667), dateCell(40667.5), -12.5, 0.0015, 42]);
    expect(s.rows[3]).toEqual([29.5015, null, '']);
  });

  it('places cells by address, follows the previous cell when r is missing, keeps gaps and hidden rows', () => {
    const rows =
      '<row r="2" hidden="1"><c r="C2"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>' +
      '<row><c><v>4</v></c><c r="E3"><v>5</v></c><c><v>6</v></c></row>' + // row without r: the one after 2
      '<row r="6" hidden="true" customHeight="1" ht="0"/>' +
      '<row r="7" spans="1:2" hidden="0"><c r="B7" s="0"><v>7</v></c></row>';
    const s = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows) }] })).sheets[0]!;
    expect(s.rows).toEqual([[], [null, null, 1, 2, 3], [4, null, null, null, 5, 6], [], [], [], [null, 7]]);
    expect(s.hiddenRows).toEqual([1, 5]);
  });

  it('turns numbers into dates by their format: built-in ids and custom codes, but not number formats', () => {
    const fmts: [number, string][] = [
      [164, 'd-mmm-yy'], [165, '0.00'], [166, '#,##0'], [167, '0%'], [168, '[$-409]mmmm d, yyyy;@'],
      [169, '"Días: "0'], [170, '[Red]#,##0.00'], [171, 'hh:mm:ss'], [172, 'dd/mm/yyyy\\ hh:mm'], [173, '_(* #,##0_);_(* (#,##0)'],
      [174, '[h]:mm'], [175, '@'], [176, '0.00E+00'], [177, '#,##0 "m³";[Red]-#,##0 "m³"'],
    ];
    // cellXfs: 0 General, then one per id below
    const ids = [0, 14, 22, 2, 10, 45, 49, ...fmts.map(([id]) => id)];
    const cells = ids.map((_, i) => `<c r="A${i + 1}" s="${i}"><v>40667</v></c>`);
    const rows = cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('');
    const s = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows) }], styles: stylesXml(fmts, ids) })).sheets[0]!;
    const isDate = s.rows.map((r) => typeof r[0] === 'object');
    expect(Object.fromEntries(ids.map((id, i) => [id, isDate[i]]))).toEqual({
      0: false, 14: true, 22: true, 2: false, 10: false, 45: true, 49: false,
      164: true, 165: false, 166: false, 167: false, 168: true, 169: false, 170: false, 171: true, 172: true,
      173: false, 174: true, 175: false, 176: false, 177: false,
    });
  });

  it('reports the 1904 date system and keeps serials as stored', () => {
    for (const pr of ['<workbookPr date1904="1"/>', '<workbookPr defaultThemeVersion="124226" date1904="true"/>']) {
      const wb = readXlsx(makeXlsx({
        workbookPr: pr,
        styles: stylesXml([], [0, 14]),
        sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" s="1"><v>39205</v></c><c r="B1" t="d"><v>2011-05-04</v></c></row>') }],
      }));
      expect(wb.date1904).toBe(true);
      expect(wb.sheets[0]!.rows[0]).toEqual([dateCell(39205), dateCell(isoToSerial('2011-05-04', true))]);
    }
    expect(readXlsx(makeXlsx({ workbookPr: '<workbookPr date1904="0"/>', sheets: [{ name: 'S', xml: sheetXml('') }] })).date1904).toBe(false);
  });

  it('follows absolute relationship targets and skips chart sheets', () => {
    const wb = readXlsx(makeXlsx({
      absoluteTargets: true,
      sst: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>hola</t></si></sst>',
      sheets: [
        { name: 'Datos', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
        { name: 'Gráfico', kind: 'chartsheet', xml: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' },
        { name: 'Más & más', xml: sheetXml('<row r="2"><c r="B2"><v>3</v></c></row>') },
      ],
    }));
    expect(wb.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Datos', [['hola']]],
      ['Más & más', [[], [null, 3]]],
    ]);
  });

  it('reads sheets written with a namespace prefix (x:worksheet, x:c …)', () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const xml = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>pre</x:t></x:is></x:c>` +
      '<x:c r="B1" t="s"><x:v>0</x:v></x:c><x:c r="C1"><x:v>2</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const sst = `<x:sst xmlns:x="${NS}"><x:si><x:r><x:t>fi</x:t></x:r><x:r><x:t>jo</x:t></x:r></x:si></x:sst>`;
    const s = readXlsx(makeXlsx({ sheets: [{ name: 'P', xml }], sst })).sheets[0]!;
    expect(s.rows).toEqual([['pre', 'fijo', 2]]);
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
  });

  it('normalises line ends in text and keeps a CR given as a character reference', () => {
    const s = readXlsx(makeXlsx({
      sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb&#13;c</t></is></c></row>') }],
    })).sheets[0]!;
    expect(s.rows[0]).toEqual(['a\nb\rc']);
  });

  it('recognises the sheets Tablero marked with its custom property', () => {
    const mark = '<customProperties><customPr name="Tablero" r:id="rId1"/></customProperties>';
    const other = '<customProperties><customPr name="Otra cosa" r:id="rId1"/></customProperties>';
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty" Target="../customProperty1.bin"/></Relationships>';
    const wb = readXlsx(makeXlsx({
      sheets: [
        { name: 'Nuestra', xml: sheetXml('', mark), rels },
        { name: 'Ajena', xml: sheetXml('', other), rels },
        { name: 'Simple', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>customPr name="Tablero"</t></is></c></row>') },
      ],
      extra: { 'xl/customProperty1.bin': new Uint8Array([0x31, 0]) },
    }));
    expect(wb.sheets.map((s) => s.createdByTablero)).toEqual([true, false, false]);
  });
});

describe('readXlsx on bad input', () => {
  const kindOf = (bytes: Uint8Array): ReadErrorKind | 'no error' | 'other error' => {
    try {
      readXlsx(bytes);
      return 'no error';
    } catch (e) {
      return e instanceof XlsxReadError ? e.kind : 'other error';
    }
  };
  const ole = (extra: Uint8Array): Uint8Array => {
    const b = new Uint8Array(1024);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    b.set(extra, 600);
    return b;
  };
  const utf16 = (s: string) => new Uint8Array([...s].flatMap((ch) => [ch.charCodeAt(0), 0]));
  const random = (() => {
    const b = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < b.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      b[i] = x & 0xff;
    }
    b[0] = 0x13; // not "PK"
    return b;
  })();
  const ecuador = bytesOf(ECUADOR);
  const flipped = (() => {
    // a fixture whose sheet data is damaged inside the archive
    const b = ecuador.slice();
    const at = Buffer.from(b).indexOf('xl/worksheets/sheet1.xml');
    for (let i = at + 60; i < at + 400; i++) b[i] = b[i]! ^ 0x5a;
    return b;
  })();

  it.each(([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['random bytes', random, 'not_xlsx'],
    ['a text file', strToU8('Departamento;Municipio\nIntibucá;Jesús de Otoro\n'), 'not_xlsx'],
    ['a truncated copy of a fixture', ecuador.slice(0, Math.floor(ecuador.length / 2)), 'corrupt'],
    ['a fixture with damaged compressed data', flipped, 'corrupt'],
    ['a password-protected workbook (OLE with EncryptedPackage)', ole(utf16('EncryptedPackage')), 'encrypted'],
    ['an Excel 97-2003 file (OLE without EncryptedPackage)', ole(utf16('Workbook')), 'old_xls'],
    ['a zip of something else', zipParts({ 'notes.txt': 'hola' }), 'not_xlsx'],
    ['a Word document', zipParts({
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    }), 'not_xlsx'],
    ['an xlsx without its workbook part', (() => {
      const parts = workbookParts({ sheets: [{ name: 'S', xml: sheetXml('') }] });
      delete parts['xl/workbook.xml'];
      return zipParts(parts);
    })(), 'corrupt'],
    ['a workbook whose sheet part is missing', (() => {
      const parts = workbookParts({ sheets: [{ name: 'S', xml: sheetXml('') }] });
      delete parts['xl/worksheets/sheet1.xml'];
      return zipParts(parts);
    })(), 'corrupt'],
    ['a workbook whose sheet XML is cut short', makeXlsx({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, 200) }] }), 'corrupt'],
  ] as [string, Uint8Array, ReadErrorKind][]).map(([label, bytes, kind]) => [`${label} → ${kind}`, bytes, kind] as const))('%s', (_label, bytes, kind) => {
    expect(kindOf(bytes)).toBe(kind);
  });

  it('gives a detail with every error', () => {
    try {
      readXlsx(ecuador.slice(0, 1000));
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      expect((e as XlsxReadError).detail.length).toBeGreaterThan(0);
    }
  });

  it('never throws anything but XlsxReadError on damaged copies of a fixture', () => {
    const kinds = new Set<string>();
    for (let k = 0; k < 60; k++) {
      const b = ecuador.slice();
      let x = k * 7919 + 1;
      for (let j = 0; j < 20; j++) {
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        b[x % b.length] = x & 0xff;
      }
      kinds.add(kindOf(b));
    }
    expect(kinds.has('other error')).toBe(false);
  });
});

describe('date formats', () => {
  it.each([
    ['d-mmm-yy', true], ['dd/mm/yyyy', true], ['yyyy-mm-dd', true], ['mmm yyyy', true], ['[$-C0A]d" de "mmmm" de "yyyy', true],
    ['h:mm AM/PM', true], ['[h]:mm:ss', true], ['mm:ss.0', true], ['dddd', true],
    ['General', false], ['0', false], ['0.00', false], ['#,##0', false], ['0%', false], ['0.0%', false], ['@', false],
    ['"día "0', false], ['[Red]0.00', false], ['[Blue][<=100]0;[Red]0', false], ['\\d0', false], ['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', false],
    ['#,##0.00 [$€-C0A]', false], ['0.00E+00', false], ['# ?/?', false],
  ])('%s → %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });

  it.each([[14, true], [17, true], [22, true], [27, true], [36, true], [45, true], [47, true], [50, true], [58, true],
    [0, false], [1, false], [9, false], [13, false], [23, false], [37, false], [44, false], [48, false], [49, false], [59, false]])(
    'built-in %i → %s', (id, expected) => {
      expect(isBuiltinDateFormat(id)).toBe(expected);
    });
});

describe('cells with empty or odd values', () => {
  it('reads empty <v/> as no value, and an inline string kept in <v>', () => {
    const rows = '<row r="1"><c r="A1" t="s"><v></v></c><c r="B1" t="b"><v/></c><c r="C1" t="e"><v></v></c><c r="D1"><v></v></c>' +
      '<c r="E1" t="inlineStr"><v>texto</v></c><c r="F1" t="s"><v>7</v></c><c r="G1" t="s"><v>0</v></c></row>';
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>cero</t></si></sst>';
    const s = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows) }], sst })).sheets[0]!;
    expect(s.rows).toEqual([[null, null, null, null, 'texto', null, 'cero']]);
  });
});

describe('large and stored sheet parts', () => {
  const bigSheet = (): string => {
    const rows: string[] = [];
    for (let r = 1; r <= 30000; r++) {
      rows.push(`<row r="${r}"${r % 1000 === 0 ? ' hidden="1"' : ''}><c r="A${r}" t="inlineStr"><is><t>Año ñandú 😀 ${r} — ${'é'.repeat(r % 13)}</t></is></c>` +
        `<c r="B${r}"><v>${r * 1.5}</v></c><c r="C${r}" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>`);
    }
    return sheetXml(rows.join(''), '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>');
  };

  it('reads a multi-megabyte sheet scanned in pieces exactly as in one piece', () => {
    const xml = bigSheet();
    expect(xml.length).toBeGreaterThan(3_000_000);
    const bytes = makeXlsx({ sheets: [{ name: 'Grande', xml }] });
    // several scan pieces (a megabyte of XML each), so rows and characters straddle piece ends
    expect(readZipDirectory(bytes).find((e) => e.name.endsWith('sheet1.xml'))!.size).toBeGreaterThan(3 * (1 << 20));
    const s = readXlsx(bytes).sheets[0]!;
    expect(s.rows).toHaveLength(30000);
    expect(s.rows[29999]).toEqual([`Año ñandú 😀 30000 — ${'é'.repeat(30000 % 13)}`, 45000, 'rich']);
    expect(s.hiddenRows).toHaveLength(30);
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 2 }]);
    const whole = parseWorksheet(xml, 'Grande', { sst: [], dateStyles: new Uint8Array(0), date1904: false });
    expect(s).toEqual(whole);
  });

  it('reads a row longer than a scan piece', () => {
    const long = 'ñ'.repeat(1_500_000);
    const rows = `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>`;
    const s = readXlsx(makeXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows) }] })).sheets[0]!;
    expect(s.rows).toEqual([[1], [long], [3]]);
  });

  it('reads stored (uncompressed) entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (const [k, v] of Object.entries(workbookParts({ sheets: [{ name: 'S', xml: bigSheet() }] }))) files[k] = typeof v === 'string' ? strToU8(v) : v;
    const s = readXlsx(zipSync(files, { level: 0 })).sheets[0]!;
    expect(s.rows).toHaveLength(30000);
    expect(s.rows[0]).toEqual(['Año ñandú 😀 1 — é', 1.5, 'rich']);
  });
});
