// Actuals from the records written into the user's cell, only when asked in the pane: which cells are
// offered (blank latest actuals the records fill, typed ones the records contradict), the "still as seen"
// rule, the sheet XML edit that writes one number, and both hosts doing it (a file; a fake Excel).
import * as fs from 'fs';
import { checkWorkbook } from '../../src/core/check';
import { actualWrites, stillAsSeen, type ActualWrite } from '../../src/core/framework/write-actual';
import { dateCell } from '../../src/core/grid';
import { BrowserHost } from '../../src/hosts/browser';
import { OfficeHost } from '../../src/hosts/office';
import { setNumberCell } from '../../src/hosts/xlsx/part-edits';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { fakeFromGrid, xlsxGrid } from '../office/workbooks';
import { HONDURAS_FRAMEWORK } from '../fixtures';

const AS_OF = '2018-02-15';
const SHEET = 'Marco de resultados';
const bytes = () => new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK));

describe('what is offered', () => {
  it('the three blank 2017 actuals the records fill, and 1.2 whose typed 82 the records contradict (Honduras)', () => {
    const fw = checkWorkbook(readXlsx(bytes()), { asOf: AS_OF }).frameworks;
    expect(actualWrites(fw).map((w) => [w.indicator, w.cell, w.period, Math.round(w.value * 1e6) / 1e6, w.seen])).toEqual([
      ['1.1', 'L7', '2017', 84.100164, null],
      ['1.2', 'L8', '2017', 80.728718, 82],
      ['2.1', 'L12', '2017', 0.801347, null],
      ['3.1', 'L16', '2017', 69.023569, null],
    ]);
  });

  it('nothing before any period has ended (2015 is the first), and nothing without a framework', () => {
    expect(actualWrites(checkWorkbook(readXlsx(bytes()), { asOf: '2015-06-30' }).frameworks)).toEqual([]);
    expect(actualWrites(undefined)).toEqual([]);
  });
});

describe('a cell still holds what the check saw', () => {
  it.each([
    [null, null, true],
    ['  ', null, true],
    [undefined, null, true],
    [0, null, false],
    ['n/d', null, false],
    [82, 82, true],
    ['82', 82, true],
    ['11,5', 11.5, true],
    [83, 82, false],
    [dateCell(43000), 82, false],
    ['n/d', 'n/d', true],
    ['otra', 'n/d', false],
  ] as const)('now %p, seen %p → %p', (now, seen, same) => {
    expect(stillAsSeen(now as never, seen)).toBe(same);
  });
});

describe('one number into the sheet XML', () => {
  const sheet = (data: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
  it.each([
    ['an existing cell keeps its style, loses its text', '<row r="2"><c r="B2" s="4" t="s"><v>3</v></c></row>', 'B2', '<row r="2"><c r="B2" s="4"><v>84.1</v></c></row>'],
    ['a new cell goes before the first to its right', '<row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>', 'B2', '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>84.1</v></c><c r="C2"><v>3</v></c></row>'],
    ['a new cell at the end of its row', '<row r="2"><c r="A2"><v>1</v></c></row>', 'L2', '<row r="2"><c r="A2"><v>1</v></c><c r="L2"><v>84.1</v></c></row>'],
    ['a new row between rows', '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>', 'B2', '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>84.1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>'],
    ['a new row after the last', '<row r="1"><c r="A1"><v>1</v></c></row>', 'A9', '<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="A9"><v>84.1</v></c></row>'],
    ['an empty row element', '<row r="2" ht="20"/>', 'B2', '<row r="2" ht="20"><c r="B2"><v>84.1</v></c></row>'],
  ])('%s', (_what, data, cell, want) => {
    expect(setNumberCell(sheet(data), cell, 84.1)).toBe(sheet(want));
  });

  it('an empty sheet gets its first row; a formula cell and rows without numbers are left alone', () => {
    expect(setNumberCell('<worksheet><sheetData/></worksheet>', 'A1', 2)).toBe('<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>');
    expect(setNumberCell(sheet('<row r="2"><c r="B2"><f>A1*2</f><v>4</v></c></row>'), 'B2', 1)).toBeNull();
    expect(setNumberCell(sheet('<row><c r="A1"><v>1</v></c></row>'), 'B2', 1)).toBeNull();
    expect(setNumberCell(sheet(''), 'B2', Number.NaN)).toBeNull();
  });
});

describe('the hosts write one cell, only while it is as the check saw it', () => {
  const offer = async (read: () => Promise<ReturnType<typeof readXlsx>>, id: string): Promise<ActualWrite> =>
    actualWrites(checkWorkbook(await read(), { asOf: AS_OF }).frameworks).find((w) => w.indicator === id)!;

  it('in a file (browser mode): L7 gets 84.100164, no other cell changes, and the next check no longer offers it', async () => {
    const host = new BrowserHost(bytes(), 'marco.xlsx', { lang: 'es', today: () => AS_OF });
    const before = await host.read();
    const w = await offer(() => host.read(), '1.1');
    expect(await host.writeActual(w)).toBe(true);
    const after = readXlsx(host.currentBytes());
    const s = (wb: typeof after) => wb.sheets.find((x) => x.name === SHEET)!.rows;
    expect(s(after)[6]![11]).toBe(w.value);
    const changed: string[] = [];
    s(after).forEach((row, r) => row.forEach((v, c) => v !== (s(before)[r]?.[c] ?? null) && changed.push(`${r},${c}`)));
    expect(changed).toEqual(['6,11']);
    expect(after.sheets.filter((x) => x.name !== SHEET).map((x) => x.rows)).toEqual(before.sheets.filter((x) => x.name !== SHEET).map((x) => x.rows));
    expect(actualWrites(checkWorkbook(after, { asOf: AS_OF }).frameworks).map((x) => x.indicator)).toEqual(['1.2', '2.1', '3.1']);
    // Asked again with what the check saw then (blank): the cell is no longer blank, nothing is written.
    expect(await host.writeActual(w)).toBe(false);
  });

  it('replaces a contradicted typed figure only while it still reads 82', async () => {
    const host = new BrowserHost(bytes(), 'marco.xlsx', { lang: 'es', today: () => AS_OF });
    const w = await offer(() => host.read(), '1.2');
    expect(await host.writeActual({ ...w, seen: 81 })).toBe(false);
    expect(await host.writeActual(w)).toBe(true);
    expect(readXlsx(host.currentBytes()).sheets.find((x) => x.name === SHEET)!.rows[7]![11]).toBe(w.value);
  });

  it('in Excel (a fake): the same cell, and a formula or a changed cell is left alone', async () => {
    const LATEST = (name: string, v?: string) => name === 'ExcelApi' && Number(v?.split('.')[1]) <= 17;
    const wb = fakeFromGrid(xlsxGrid(HONDURAS_FRAMEWORK));
    const host = new OfficeHost({ run: wb.run, isSetSupported: LATEST, today: () => AS_OF, lang: 'es' });
    const before = wb.sheet(SHEET).valuesOf('A1:S25');
    const w = await offer(() => host.read(), '1.1');
    expect(await host.writeActual(w)).toBe(true);
    const after = wb.sheet(SHEET).valuesOf('A1:S25');
    expect(after[6]![11]).toBe(w.value);
    after[6]![11] = before[6]![11]!;
    expect(after).toEqual(before);
    expect(await host.writeActual(w)).toBe(false);
  });
});
