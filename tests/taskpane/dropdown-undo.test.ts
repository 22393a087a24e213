// "Remove status dropdowns": exactly the validations Tablero added go, recorded in our sheet by both
// hosts; the user's own validations stay, with their cells (the add never replaces one of theirs).
import * as fs from 'fs';
import { BrowserHost } from '../../src/hosts/browser';
import { insertWorksheetChild } from '../../src/hosts/xlsx/part-edits';
import { readText, sheetPartPath, unzipParts, writeText, zipParts } from '../../src/hosts/xlsx/edit';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { writeXlsx } from '../../src/hosts/xlsx/write';
import { checkWorkbook } from '../../src/core/check';
import {
  cellAreas, dropdownRecordSheet, findDropdownSheet, mergeDropdownAreas, parseDropdownRecord, statusCells,
} from '../../src/core/workbook-state';
import { hasDropdownRecord, statusDropdownWords } from '../../src/taskpane/logic';
import { OfficeHost } from '../../src/hosts/office';
import { fakeFromGrid, xlsxGrid, ECUADOR } from '../office/workbooks';
import { ECUADOR_PLAN } from '../fixtures';

const PLAN = 'Plan de Mejora';
const AS_OF = '2011-09-15';
const MINE = '<dataValidation type="whole" sqref="E14:E15"><formula1>0</formula1></dataValidation>';

function sheetXml(bytes: Uint8Array, name = PLAN): string {
  const parts = unzipParts(bytes);
  return readText(parts, sheetPartPath(parts, name) ?? '') ?? '';
}

/** The Ecuador plan with a validation of the user's on two status cells (E14:E15). */
function withUserValidation(): Uint8Array {
  const parts = unzipParts(new Uint8Array(fs.readFileSync(ECUADOR_PLAN)));
  const p = sheetPartPath(parts, PLAN) ?? '';
  writeText(parts, p, insertWorksheetChild(readText(parts, p) ?? '', 'dataValidations', `<dataValidations count="1">${MINE}</dataValidations>`));
  return zipParts(parts);
}

describe('the dropdown record', () => {
  it.each(['es', 'en'] as const)('round-trips through a written workbook (%s) and is found by its header, not its name', (lang) => {
    const areas = [
      { sheet: PLAN, range: 'E16:E20' },
      { sheet: 'Otra hoja', range: 'C5:C9' },
    ];
    const { bytes } = writeXlsx(null, [{ ...dropdownRecordSheet(areas, lang), name: 'Renombrada' }]);
    const wb = readXlsx(bytes);
    const sheet = findDropdownSheet(wb.sheets);
    expect(sheet?.name).toBe('Renombrada');
    expect(parseDropdownRecord(sheet!)).toEqual(areas);
    expect(hasDropdownRecord(wb)).toBe(true);
  });

  it('is never a sheet of the user that holds the same header', () => {
    const rows = [['Listas'], [], ['Hoja con lista', 'Rango'], [PLAN, 'E16:E20']];
    expect(findDropdownSheet([{ name: 'Tablero desplegables', createdByTablero: false, rows }])).toBeUndefined();
    expect(findDropdownSheet([{ name: 'x', createdByTablero: true, rows }])?.name).toBe('x');
  });

  it('keeps each area once when merged', () => {
    expect(mergeDropdownAreas([{ sheet: 'A', range: 'E1:E2' }], [{ sheet: 'A', range: 'e1:e2' }, { sheet: 'B', range: 'E1:E2' }])).toEqual([
      { sheet: 'A', range: 'E1:E2' },
      { sheet: 'B', range: 'E1:E2' },
    ]);
  });
});

describe('browser host', () => {
  it('removes exactly its dropdowns: the sheet XML is back to what it was, the user validation kept', async () => {
    const bytes = withUserValidation();
    const before = sheetXml(bytes);
    const host = new BrowserHost(bytes, 'plan.xlsx', { lang: 'es' });
    const result = checkWorkbook(await host.read(), { asOf: AS_OF });
    const applied = await host.addStatusDropdowns(result, statusDropdownWords(result, 'es'));
    const areas = cellAreas(statusCells(result)[0]!.cells.filter((c) => c !== 'E14' && c !== 'E15'));
    expect(applied).toBe(areas.length);
    expect(sheetXml(host.currentBytes())).toContain('errorTitle="Tablero"');
    expect(await host.dropdownRecord()).toEqual(areas.map((range) => ({ sheet: PLAN, range })));
    expect(hasDropdownRecord(await host.read())).toBe(true);

    expect(await host.removeStatusDropdowns()).toBe(areas.length);
    const after = sheetXml(host.currentBytes());
    expect(after).toBe(before);
    expect(after).toContain(MINE);
    expect(await host.dropdownRecord()).toEqual([]);
    expect(hasDropdownRecord(await host.read())).toBe(false);
    // The user's cells are as they were.
    const rows = (b: Uint8Array) => readXlsx(b).sheets.find((s) => s.name === PLAN)!.rows;
    expect(rows(host.currentBytes())).toEqual(rows(bytes));
  });

  it('removes nothing when it added nothing, and leaves a workbook without a validation element', async () => {
    const bytes = new Uint8Array(fs.readFileSync(ECUADOR_PLAN));
    const host = new BrowserHost(bytes, 'plan.xlsx');
    expect(await host.removeStatusDropdowns()).toBe(0);
    const result = checkWorkbook(await host.read(), { asOf: AS_OF });
    await host.addStatusDropdowns(result, ['Completada']);
    await host.addStatusDropdowns(result, ['Completada', 'En curso']);
    expect(await host.removeStatusDropdowns()).toBeGreaterThan(0);
    expect(sheetXml(host.currentBytes())).toBe(sheetXml(bytes));
  });
});

describe('Office host (fake Excel)', () => {
  it('clears its recorded ranges only where they still hold its list; the user validation stays', async () => {
    const wb = fakeFromGrid(xlsxGrid(ECUADOR));
    const h = new OfficeHost({ run: wb.run, isSetSupported: (n, v) => n === 'ExcelApi' && Number(v?.split('.')[1]) <= 17, lang: 'es', today: () => AS_OF });
    const result = checkWorkbook(await h.read(), { asOf: AS_OF });
    const plan = wb.sheet(PLAN);
    const statusCol = result.tables[0]!.columns.status!.charCodeAt(0) - 65;
    const firstRow = result.tables[0]!.actions[0]!.row - 1;
    const mine = { box: { r0: firstRow, c0: statusCol, r1: firstRow, c1: statusCol }, rule: { wholeNumber: {} }, errorAlert: { title: 'Mine' } };
    plan.validations.push(mine);
    const report = await h.addStatusDropdownsReport(result, ['Completada', 'En curso']);
    expect(report.applied.length).toBeGreaterThan(0);
    expect((await h.dropdownRecord()).areas.map((a) => `${a.sheet}!${a.range}`)).toEqual(report.applied);
    expect(hasDropdownRecord(await h.read())).toBe(true);
    expect(await h.removeStatusDropdowns()).toBe(report.applied.length);
    expect(plan.validations).toEqual([mine]);
    expect((await h.dropdownRecord()).areas).toEqual([]);
    expect(hasDropdownRecord(await h.read())).toBe(false);
  });
});
