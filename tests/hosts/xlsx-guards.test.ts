// The reader refuses what it cannot read safely (issue 8 §3): cells and rows outside Excel's grid, parts
// that inflate past a limit (declared or not), wrong CRC-32s and duplicated entry names. Each crafted file
// is built here, small; each refusal must be quick and a clear one-line error (exit 3 from the CLI).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readXlsx, XlsxReadError } from '../../src/hosts/xlsx/read';
import { readZipDirectory, useNativeInflate, type BoundedInflate } from '../../src/hosts/xlsx/zip';
import { inflateRawSync } from 'node:zlib';
import { BrowserHost } from '../../src/hosts/browser';
import { entryHeaders as headers, makeXlsx, sheetXml, workbookParts, zipParts } from './xlsx-helpers';
import { cliRunner, tempDir } from '../helpers/cli';

const nodeInflate: BoundedInflate = (raw, max) => new Uint8Array(inflateRawSync(raw, { maxOutputLength: Math.max(1, max) }));

const oneSheet = (rows: string, tail = ''): Uint8Array => makeXlsx({ sheets: [{ name: 'Datos', xml: sheetXml(rows, tail) }] });

// No timings here (the machines are shared and noisy; speed is for `npm run bench`): each refusal is
// asserted by the check that made it, which runs before the work it spares.
function refusal(bytes: Uint8Array, opts: Parameters<typeof readXlsx>[1] = {}): { kind: string; where: string; sheet: string; detail: string } {
  try {
    readXlsx(bytes, opts);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return { kind: e.kind, where: e.where, sheet: e.sheet, detail: e.message };
  }
  throw new Error('the workbook was read');
}

describe('cells and rows outside Excel grid', () => {
  it.each([
    ['a row number past 1,048,576', '<row r="100000000"><c r="A100000000"><v>1</v></c></row>', '100000000:100000000'],
    ['a cell column past XFD', '<row r="5"><c r="ZZZZZZZ5"><v>1</v></c></row>', 'ZZZZZZZ5'],
    ['a cell at XFE1', '<row r="1"><c r="XFE1"><v>1</v></c></row>', 'XFE1'],
    ['a cell at A1048577 in a row without r', '<row><c r="A1048577"><v>1</v></c></row>', 'A1048577'],
  ])('%s is refused quickly', (_label, rows, where) => {
    const r = refusal(oneSheet(rows));
    expect([r.kind, r.where, r.sheet]).toEqual(['outside_grid', where, 'Datos']);
  });

  it('a merge reaching past the grid is refused', () => {
    const r = refusal(oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:ZZZ9999999"/></mergeCells>'));
    expect([r.kind, r.where]).toEqual(['outside_grid', 'A1:ZZZ9999999']);
  });

  it('the last cell of the grid is still read', () => {
    const wb = readXlsx(oneSheet('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'));
    const s = wb.sheets[0]!;
    expect([s.rows.length, s.rows[1048575]!.length, s.rows[1048575]![16383]]).toEqual([1048576, 16384, 7]);
  });
});

describe('parts that inflate past a limit', () => {
  it('a declared size over the part limit is refused before any inflating', () => {
    const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const { local, central } = headers(bytes, 'xl/worksheets/sheet1.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 24, 0xfffffff0, true); // 4 GB
    dv.setUint32(local + 22, 0xfffffff0, true);
    const r = refusal(bytes);
    expect([r.kind, r.where]).toEqual(['too_large', 'xl/worksheets/sheet1.xml']);
  });

  // Node inflates with zlib (registered by node-files.ts, which the CLI imports), the browser with fflate.
  it.each([['zlib (Node)', true], ['fflate (browser)', false]])('%s: a sheet that lies about its size stops inflating at the declared size (bounded time and memory)', (_label, native) => {
    if (!native) useNativeInflate(null);
    // ~60 MB of blank cells deflate to ~60 KB; the directory says 300 bytes.
    const blanks = '<c/>'.repeat(15_000_000);
    const bytes = oneSheet(`<row r="1">${blanks}</row>`);
    const { local, central } = headers(bytes, 'xl/worksheets/sheet1.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 24, 300, true);
    dv.setUint32(local + 22, 300, true);
    const r = refusal(bytes);
    if (!native) useNativeInflate(nodeInflate);
    // Stopped by the declared-size guard while inflating, not by a checksum after inflating all 60 MB.
    expect([r.kind, r.detail]).toEqual(['corrupt', expect.stringContaining('inflates past its declared size of 300 bytes')]);
  });

  it('an honest sheet over the part limit is refused (limit lowered for the test)', () => {
    const bytes = oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>${'<row/>'.repeat(400_000)}`);
    const r = refusal(bytes, { limits: { maxPartBytes: 1 << 20 } });
    expect([r.kind, r.where]).toEqual(['too_large', 'xl/worksheets/sheet1.xml']);
  });

  it('rows of cells far to the right exhaust the cell budget, not the heap', () => {
    // Each row holds one value at XFD: 16,384 slots a row; 5,000 rows would be 82 million.
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    const r = refusal(oneSheet(rows));
    expect([r.kind, r.sheet]).toEqual(['too_large', 'Datos']);
  });

  it('the parts read together may not exceed the total limit', () => {
    const bytes = makeXlsx({ sheets: [1, 2, 3].map((k) => ({ name: `S${k}`, xml: sheetXml(`<row r="1"><c r="A1"><v>${k}</v></c></row>${'<row/>'.repeat(30_000)}`) })) });
    expect(refusal(bytes, { limits: { maxTotalBytes: 400_000 } }).kind).toBe('too_large');
    expect(readXlsx(bytes).sheets.map((s) => s.rows[0]![0])).toEqual([1, 2, 3]);
  });
});

describe('checksums and duplicate names', () => {
  it('a wrong CRC-32 is refused', () => {
    const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const { local, central } = headers(bytes, 'xl/worksheets/sheet1.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 16, dv.getUint32(central + 16, true) ^ 1, true);
    dv.setUint32(local + 14, dv.getUint32(local + 14, true) ^ 1, true);
    const r = refusal(bytes);
    expect([r.kind, r.where]).toEqual(['bad_crc', 'xl/worksheets/sheet1.xml']);
  });

  it('a stored (not deflated) part with a wrong CRC-32 is refused too', () => {
    const parts = workbookParts({ sheets: [{ name: 'Datos', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const files: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const [k, v] of Object.entries(parts)) files[k] = [typeof v === 'string' ? strToU8(v) : v, { level: 0 }];
    const bytes = zipSync(files);
    expect(readZipDirectory(bytes).every((e) => e.method === 0)).toBe(true);
    const { central } = headers(bytes, 'xl/workbook.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 16, 0x12345678, true);
    expect(refusal(bytes).kind).toBe('bad_crc');
  });

  it('two entries with the same name are refused (readers disagree on which one counts)', () => {
    const sheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const bytes = zipParts({ ...workbookParts({ sheets: [{ name: 'Datos', xml: sheet }] }), 'xl/worksheets/sheeX1.xml': sheet });
    // Rename the extra entry, in its local and central headers, to the sheet's own name.
    const { local, central } = headers(bytes, 'xl/worksheets/sheeX1.xml');
    const name = strToU8('xl/worksheets/sheet1.xml');
    bytes.set(name, local + 30);
    bytes.set(name, central + 46);
    const r = refusal(bytes);
    expect([r.kind, r.where]).toEqual(['duplicate_entry', 'xl/worksheets/sheet1.xml']);
  });

  it('names differing only in case are the same part', () => {
    const sheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const bytes = zipParts({ ...workbookParts({ sheets: [{ name: 'Datos', xml: sheet }] }), 'XL/Worksheets/Sheet1.xml': sheet });
    expect(refusal(bytes).kind).toBe('duplicate_entry');
  });
});

describe('the CLI says so in one line, exit 3, in the user language', () => {
  const dir = tempDir('tablero-guards-');
  const run = cliRunner('2024-06-30');
  const write = (name: string, bytes: Uint8Array): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it.each([
    ['es', 'grid.xlsx', () => oneSheet('<row r="5"><c r="ZZZZZZZ5"><v>1</v></c></row>'),
      'grid.xlsx no se puede leer: la hoja «Datos» llega a ZZZZZZZ5, fuera de la cuadrícula de Excel (1.048.576 filas × 16.384 columnas, hasta XFD)'],
    ['en', 'grid.xlsx', () => oneSheet('<row r="100000000"/>'),
      'grid.xlsx cannot be read: sheet "Datos" reaches 100000000:100000000, outside Excel\'s grid (1,048,576 rows × 16,384 columns, up to XFD)'],
    ['es', 'dup.xlsx', () => {
      const sheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
      return zipParts({ ...workbookParts({ sheets: [{ name: 'Datos', xml: sheet }] }), 'XL/WORKBOOK.XML': 'x' });
    }, 'dup.xlsx está dañado: el zip contiene dos veces la parte XL/WORKBOOK.XML'],
    ['en', 'crc.xlsx', () => {
      const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
      const { central } = headers(bytes, 'xl/worksheets/sheet1.xml');
      new DataView(bytes.buffer).setUint32(central + 16, 1, true);
      return bytes;
    }, 'crc.xlsx is damaged: the checksum (CRC-32) of xl/worksheets/sheet1.xml does not match'],
    ['es', 'big.xlsx', () => {
      const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
      const { central } = headers(bytes, 'xl/worksheets/sheet1.xml');
      new DataView(bytes.buffer).setUint32(central + 24, 0x7fffffff, true);
      return bytes;
    }, 'big.xlsx no se puede leer con seguridad: xl/worksheets/sheet1.xml ocupa demasiado al descomprimirlo (límite 256 MB)'],
  ])('%s: %s', async (lang, name, make, message) => {
    const file = write(name, make());
    const r = await run('check', file, '--lang', lang, '--as-of', '2024-06-30');
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', `tablero: ${message.replace(name, file)}\n`]);
  });
});

describe('the browser host reads through the same guards', () => {
  it('refuses a wrong CRC-32 when it reads, and before it copies the part into an edited workbook', async () => {
    const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const { central } = headers(bytes, 'xl/worksheets/sheet1.xml');
    new DataView(bytes.buffer).setUint32(central + 16, 1, true);
    const host = new BrowserHost(bytes, 'x.xlsx');
    await expect(host.read()).rejects.toMatchObject({ kind: 'bad_crc' });
    await expect(host.saveSettings({ a: 1 })).rejects.toMatchObject({ kind: 'bad_crc' });
  });

  it('refuses a part that inflates past its declared size when it edits parts', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Datos', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }], extra: { 'customXml/item1.xml': 'x'.repeat(100_000) } });
    const { local, central } = headers(bytes, 'customXml/item1.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 24, 10, true);
    dv.setUint32(local + 22, 10, true);
    const host = new BrowserHost(bytes, 'x.xlsx');
    await expect(host.saveSettings({ a: 1 })).rejects.toBeInstanceOf(XlsxReadError);
  });
});
