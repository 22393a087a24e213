// The Office host's pure pieces: cell conversion, byte estimates and chunk planning, formula
// re-anchoring, the sheet layout, the registry, requirement detection.
import { dateCell, errorCell } from '../../src/core/grid';
import { isoToSerial } from '../../src/core/dates';
import { TABLERO_MARK } from '../../src/hosts/xlsx/read';
import { jsonBytes, packBatches, planReadPieces, splitRowsByBytes, utf8Length } from '../../src/hosts/office/chunks';
import { toCell, toGridRows } from '../../src/hosts/office/convert';
import { areaFirstRow, shiftRows } from '../../src/hosts/office/formula';
import { charsToPoints, layoutSheet, textValue, writeValue } from '../../src/hosts/office/layout';
import { parseAreas } from '../../src/hosts/office/read';
import { MARK_KEY, REGISTRY_SIGNATURE, isRegistryName, markValue, parseMark, parseRegistry, registryValues } from '../../src/hosts/office/registry';
import { detectFeatures, featureNotes, MIN_EXCEL_API } from '../../src/hosts/office/requirements';
import { groupAreas, inlineSource, isOurFormula, listSourceAddress, MAX_APPLIES_TO } from '../../src/hosts/office/pane-ops';
import { writeSettingsPart } from '../../src/hosts/xlsx/settings-part';
import { unzipParts } from '../../src/hosts/xlsx/edit';
import { readFileSync } from 'node:fs';
import { ECUADOR_PLAN } from '../fixtures';
import { uniqueTableName } from '../../src/hosts/office/write';
import { CF_MARKER, parseSettingsXml, settingsXml } from '../../src/core/workbook-state';

describe('toCell: Excel values + number formats → engine cells', () => {
  it.each([
    [40667, 'd-mmm-yy', dateCell(40667)],
    [40667, 'dd/mm/yyyy', dateCell(40667)],
    [40667.5, 'yyyy-mm-dd hh:mm', dateCell(40667.5)],
    [40667, '[$-F800]dddd, mmmm dd, yyyy', dateCell(40667)],
    [40667, 'General', 40667],
    [0.25, '0%', 0.25],
    [1234.5, '#,##0.00 "días"', 1234.5],
    [12, '@', 12],
    ['4-May-11', 'General', '4-May-11'],
    ['15/08/2011', 'dd/mm/yyyy', '15/08/2011'],
    ['#N/A', 'General', errorCell('#N/A')],
    ['#DIV/0!', 'General', errorCell('#DIV/0!')],
    ['#REF!', '0.00', errorCell('#REF!')],
    ['#hashtag', 'General', '#hashtag'],
    ['', 'General', null],
    [null, 'General', null],
    [true, 'General', true],
    [Number.NaN, 'General', null],
  ])('%p with format %p → %p', (value, format, expected) => {
    expect(toCell(value, format)).toEqual(expected);
  });

  it('places a block read at an offset so that rows[0][0] is A1, dropping trailing blanks', () => {
    expect(toGridRows([['a', 40667, ''], ['', '', '']], [['General', 'd-mmm-yy', 'General'], ['General', 'General', 'General']], 2)).toEqual([
      [null, null, 'a', dateCell(40667)],
      [],
    ]);
  });
});

describe('byte estimates and chunks', () => {
  it('counts UTF-8 bytes like a TextEncoder', () => {
    for (const s of ['', 'abc', 'Acción «clave» — 2011', '😀 ok', '\u00a0x']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
    expect(jsonBytes([['ñ']])).toBe(8);
  });

  it('cuts rows into pieces under the budget; a row over the budget goes alone', () => {
    expect(splitRowsByBytes([40, 40, 40, 40, 40], 100)).toEqual([
      { start: 0, count: 2, bytes: 80 },
      { start: 2, count: 2, bytes: 80 },
      { start: 4, count: 1, bytes: 40 },
    ]);
    expect(splitRowsByBytes([10, 500, 10], 100)).toEqual([
      { start: 0, count: 1, bytes: 10 },
      { start: 1, count: 1, bytes: 500 },
      { start: 2, count: 1, bytes: 10 },
    ]);
    expect(splitRowsByBytes([], 100)).toEqual([]);
  });

  it('plans read pieces and packs items into batches in order', () => {
    expect(planReadPieces(10, 30, 100)).toEqual([
      { start: 0, count: 3, bytes: 90 },
      { start: 3, count: 3, bytes: 90 },
      { start: 6, count: 3, bytes: 90 },
      { start: 9, count: 1, bytes: 30 },
    ]);
    expect(packBatches([50, 30, 30, 90, 10], (x) => x, 100)).toEqual([[50, 30], [30], [90, 10]]);
    expect(packBatches([150, 10], (x) => x, 100)).toEqual([[150], [10]]);
  });
});

describe('formula re-anchoring for one rule per area', () => {
  const f = `=AND(${CF_MARKER},ISNUMBER($D14),$D14<TODAY(),NOT(OR(TRIM($F14)="Concluido $D14",TRIM($F14)="x")))`;

  it('shifts relative rows outside string literals only', () => {
    expect(shiftRows(f, 6)).toBe(`=AND(${CF_MARKER},ISNUMBER($D20),$D20<TODAY(),NOT(OR(TRIM($F20)="Concluido $D14",TRIM($F20)="x")))`);
    expect(shiftRows('=A1+$B$2+LOG10(C3)+DATE(2011,9,15)', 2)).toBe('=A3+$B$2+LOG10(C5)+DATE(2011,9,15)');
    expect(shiftRows(f, 0)).toBe(f);
    expect(areaFirstRow('A14:G20')).toBe(14);
    expect(areaFirstRow('$B$7')).toBe(7);
  });

  it('groups many row areas so that no rule applies to a list longer than Excel accepts', () => {
    const areas = Array.from({ length: 100 }, (_, i) => `A${i * 3 + 14}:G${i * 3 + 15}`);
    const groups = groupAreas(areas, MAX_APPLIES_TO);
    expect(groups.flat()).toEqual(areas);
    expect(groups.every((g) => g.join(',').length <= MAX_APPLIES_TO)).toBe(true);
    expect(groups.length).toBe(Math.ceil(areas.join(',').length / MAX_APPLIES_TO));
    expect(groupAreas(['A1:B2'], 3)).toEqual([['A1:B2']]);
  });

  it('recognises our rules however Excel spells them', () => {
    expect(isOurFormula(`=and(n("TABLERO:OVERDUE")=0,TRUE)`)).toBe(true);
    expect(isOurFormula('=AND($D14<TODAY())')).toBe(false);
    expect(isOurFormula(undefined)).toBe(false);
  });
});

describe('sheet layout', () => {
  it('keeps text as text and writes dates as serials in the workbook date system', () => {
    expect(textValue('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(writeValue('1.10', false)).toBe("'1.10");
    expect(writeValue({ date: '2011-09-15' }, false)).toBe(isoToSerial('2011-09-15'));
    expect(writeValue({ date: '2011-09-15' }, true)).toBe(isoToSerial('2011-09-15', true));
    expect(writeValue(null, false)).toBe('');
    expect(writeValue(Number.POSITIVE_INFINITY, false)).toBe('');
    expect(writeValue(0.5, false)).toBe(0.5);
    expect(textValue('x'.repeat(40_000))).toHaveLength(32_767);
  });

  it('places lines, captions, tables, total rows and notes; formats, widths and freeze follow', () => {
    const layout = layoutSheet(
      {
        name: 'Resumen',
        lines: ['Título', 'Fecha de corte: 2011-09-15', 'Estado: 3 acciones'],
        tables: [
          {
            name: 'Cobertura',
            caption: 'Cobertura por municipio',
            columns: [
              { header: 'Municipio', type: 'text' },
              { header: 'Cobertura', type: 'percent', width: 12, bands: [{ atLeast: 0.8, fill: 'green' }, { atLeast: 0, fill: 'red' }] },
              { header: 'Fecha', type: 'date' },
            ],
            rows: [
              ['Gracias', 0.9, { date: '2011-01-31' }],
              ['Total', 0.85, null],
            ],
            totalRow: true,
          },
          { name: 'Vacia', columns: [{ header: 'A', type: 'text' }], rows: [] },
        ],
        notes: ['Fuente: registros'],
      },
      false,
    );
    expect(layout.blocks.map((b) => [b.row, b.col, b.values.length, b.values[0]?.[0]])).toEqual([
      [0, 0, 1, "'Título"],
      [1, 0, 1, "'Fecha de corte: 2011-09-15"],
      [2, 0, 1, "'Estado: 3 acciones"],
      [4, 0, 1, "'Cobertura por municipio"],
      [5, 0, 3, "'Municipio"],
      [9, 0, 1, "'A"],
      [12, 0, 1, "'Fuente: registros"],
    ]);
    // The table covers the header and its data row; the total row sits right under it, bold.
    expect(layout.tables).toEqual([
      { name: 'Cobertura', box: { row: 5, col: 0, rowCount: 2, colCount: 3 } },
      { name: 'Vacia', box: { row: 9, col: 0, rowCount: 2, colCount: 1 } },
    ]);
    expect(layout.bold).toEqual([
      { row: 4, col: 0, rowCount: 1, colCount: 1 },
      { row: 7, col: 0, rowCount: 1, colCount: 3 },
    ]);
    expect(layout.formats).toEqual([
      { row: 6, col: 1, rowCount: 2, colCount: 1, format: '0.0%' },
      { row: 6, col: 2, rowCount: 2, colCount: 1, format: 'yyyy-mm-dd' },
    ]);
    expect(layout.bands.map((b) => [b.row, b.col, b.rowCount, b.formula, b.color])).toEqual([
      // The total row is coloured by its value too, as in the .xlsx writer.
      [6, 1, 2, '=AND(ISNUMBER(B7),B7>=0.8)', '#C6EFCE'],
      [6, 1, 2, '=AND(ISNUMBER(B7),B7>=0,B7<0.8)', '#FFC7CE'],
    ]);
    expect(layout.freezeRows).toBe(6);
    expect(layout.statusRow).toBe(3);
    expect(layout.widths).toEqual([
      { col: 0, points: charsToPoints(14) }, // "Municipio" and room for the filter button, plus 2
      { col: 1, points: charsToPoints(12) }, // as given
      { col: 2, points: charsToPoints(12) }, // a date, plus 2
    ]);
  });
});

describe('marks and the registry', () => {
  it('uses the mark the .xlsx host reads', () => {
    expect(MARK_KEY).toBe(TABLERO_MARK);
  });

  it('reads back what it writes, and tolerates marks written by other hosts', () => {
    expect(parseMark(markValue({ requested: 'Seguimiento', statusRow: 3 }))).toEqual({ requested: 'Seguimiento', statusRow: 3 });
    expect(parseMark('1')).toEqual({ requested: null, statusRow: null });
    expect(parseMark('not json')).toEqual({ requested: null, statusRow: null });
    const rec = { id: '{A}', name: 'Seguimiento', requested: 'Seguimiento', title: 'Título', statusRow: 3 };
    const values = registryValues([rec]).map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));
    expect(parseRegistry(values)).toEqual([rec]);
    expect(parseRegistry([['Mis notas']])).toBeNull();
    expect(values[0]?.[0]).toBe(REGISTRY_SIGNATURE);
    expect(['Tablero_Registro', 'tablero_registro (2)', 'Tablero_Registros'].map(isRegistryName)).toEqual([true, true, false]);
  });

  it('gives tables names Excel accepts and no one else uses', () => {
    const taken = new Set(['tablero_acciones', 'a1_x']);
    expect(uniqueTableName('Tablero_Acciones', taken)).toBe('Tablero_Acciones_2');
    expect(uniqueTableName('Tablero_Acciones', taken)).toBe('Tablero_Acciones_3');
    expect(uniqueTableName('2024 data', taken)).toBe('T_2024_data');
    expect(uniqueTableName('A1', taken)).toBe('A1_');
    expect(uniqueTableName('Cobertura María', taken)).toBe('Cobertura_Maria');
  });
});

describe('requirement sets', () => {
  const upTo = (max: number) => (name: string, v?: string) => name === 'ExcelApi' && Number(v?.split('.')[1]) <= max;
  const ALL = ['officeNoDataValidation', 'officeNoCreateWorkbook', 'officeNoRowProperties', 'officeNoCustomProperties', 'officeNoMergedAreas'];

  it.each([
    [6, ['officeBelowMinimum', ...ALL]],
    [7, ALL],
    [8, ['officeNoRowProperties', 'officeNoCustomProperties', 'officeNoMergedAreas']],
    [9, ['officeNoCustomProperties', 'officeNoMergedAreas']],
    [12, ['officeNoMergedAreas']],
    [17, []],
  ])('ExcelApi up to 1.%s → notes %j', (max, notes) => {
    expect(featureNotes(detectFeatures(upTo(max)))).toEqual(notes);
  });

  it('treats a throwing isSetSupported as "not supported" and declares 1.7 as the minimum', () => {
    const f = detectFeatures(() => {
      throw new Error('no requirements');
    });
    expect(Object.values(f).every((v) => v === false)).toBe(true);
    expect(MIN_EXCEL_API).toBe('1.7');
  });
});

describe('small parsers', () => {
  it('reads merged-area addresses, quoted sheet names included', () => {
    expect(parseAreas("'Plan, 2011'!A1:G1,'Plan, 2011'!B5:B6")).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 6 },
      { r0: 4, c0: 1, r1: 5, c1: 1 },
    ]);
    expect(parseAreas('Plan!$C$3:$D$3')).toEqual([{ r0: 2, c0: 2, r1: 2, c1: 3 }]);
    expect(parseAreas('A1:B2, D4:D5')).toEqual([
      { r0: 0, c0: 0, r1: 1, c1: 1 },
      { r0: 3, c0: 3, r1: 4, c1: 3 },
    ]);
  });

  it('keeps settings as JSON in the XML part, like the browser host', () => {
    const s = { version: 1, language: 'es', extraStatusWords: { completed: ['Listo <ok> & "fin"'] }, columnMappings: {} };
    const xml = settingsXml(s);
    expect(xml).toContain('<settings xmlns="urn:tablero:settings">');
    expect(parseSettingsXml(xml)).toEqual(s);
    expect(parseSettingsXml('<settings xmlns="urn:tablero:settings">not json</settings>')).toBe('not json');
    // The part the browser host writes into an .xlsx reads the same here.
    const parts = unzipParts(new Uint8Array(readFileSync(ECUADOR_PLAN)));
    writeSettingsPart(parts, s);
    const item = parts.keys().find((k) => /^customXml\/item\d+\.xml$/.test(k)) ?? '';
    expect(parseSettingsXml(parts.text(item) ?? '')).toEqual(s);
    expect(parseSettingsXml('<other/>')).toBeUndefined();
  });

  it('puts short lists inline and long or comma-holding lists in a sheet range', () => {
    expect(inlineSource(['Completada', 'En curso'])).toBe('Completada,En curso');
    expect(inlineSource(['a, b'])).toBeNull();
    expect(inlineSource(Array.from({ length: 40 }, (_, i) => `Estado número ${i}`))).toBeNull();
    expect(listSourceAddress("Tablero listas", 2, 0, 5)).toBe("='Tablero listas'!$A$4:$A$8");
    expect(listSourceAddress("O'Brien", 2, 1, 1)).toBe("='O''Brien'!$B$4:$B$4");
  });
});
