// The pane's worker reads with readXlsxAsync: the platform's native inflater (DecompressionStream) for the
// big parts, behind the same guards as readXlsx (declared size, lying size, CRC-32, total). Each case
// checks that the native stream did the inflating, so a silent fallback to fflate cannot pass for it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readXlsx, readXlsxAsync, XlsxReadError } from '../../src/hosts/xlsx/read';
import { extractEntry, extractEntryAsync, readZipDirectory, useNativeInflate } from '../../src/hosts/xlsx/zip';
import { entryHeaders as headers, HONDURAS, makeXlsx, sheetXml } from './xlsx-helpers';

type Stream = new (format: string) => TransformStream<Uint8Array, Uint8Array>;
const NativeDS = (globalThis as { DecompressionStream?: Stream }).DecompressionStream;
/** Streams made since the last reset: proof the native path ran. */
let streams = 0;

beforeAll(async () => {
  // Node registers zlib for the CLI; the worker has none, so the stream path is the one to test.
  useNativeInflate(null);
  if (!NativeDS) throw new Error('this Node has no DecompressionStream');
  (globalThis as { DecompressionStream?: Stream }).DecompressionStream = class extends NativeDS {
    constructor(format: string) {
      super(format);
      streams++;
    }
  };
  // The first use probes for "deflate-raw" with a stream of its own: done here, before any count.
  const bytes = makeXlsx({ sheets: [{ name: 'Uno', xml: bigSheet(1000, 0) }] });
  await extractEntryAsync(bytes, readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!);
});
afterAll(() => {
  (globalThis as { DecompressionStream?: Stream }).DecompressionStream = NativeDS;
});
beforeEach(() => {
  streams = 0;
});

/** A sheet of `n` rows of mixed cells: well over the 64 KB under which parts are inflated in line. */
function bigSheet(n: number, seed: number): string {
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Comunidad ${seed}-${r}</t></is></c><c r="B${r}"><v>${(r * 7919 + seed) % 1000}</v></c><c r="C${r}" t="b"><v>${r % 2}</v></c></row>`);
  }
  return sheetXml(rows.join(''));
}

async function refusal(bytes: Uint8Array): Promise<{ kind: string; where: string; detail: string }> {
  try {
    await readXlsxAsync(bytes);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return { kind: e.kind, where: e.where, detail: e.message };
  }
  throw new Error('the workbook was read');
}

describe('readXlsxAsync reads what readXlsx reads', () => {
  it('the same grids for a workbook of big sheets, inflated by the native stream, with progress per sheet', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Uno', xml: bigSheet(4000, 1) }, { name: 'Dos', xml: bigSheet(3000, 2) }] });
    const seen: [number, number][] = [];
    const wb = await readXlsxAsync(bytes, { onSheet: (done, total) => seen.push([done, total]) });
    expect(streams).toBe(2);
    expect(wb).toEqual(readXlsx(bytes));
    expect(seen).toEqual([[1, 2], [2, 2]]);
    expect([wb.sheets[1]!.rows.length, wb.sheets[1]!.rows[2999]]).toEqual([3000, ['Comunidad 2-3000', (3000 * 7919 + 2) % 1000, false]]);
  });

  it('the same grids for the Honduras monitoring fixture', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(HONDURAS)));
    expect(await readXlsxAsync(bytes)).toEqual(readXlsx(bytes));
  });

  it('extractEntryAsync and extractEntry give the same bytes', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Uno', xml: bigSheet(4000, 3) }] });
    const entry = readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const out = await extractEntryAsync(bytes, entry);
    expect(streams).toBe(1);
    expect(Buffer.from(out).equals(Buffer.from(extractEntry(bytes, entry)))).toBe(true);
  });
});

describe('readXlsxAsync keeps the guards', () => {
  it('a sheet that lies about its size stops the stream at the declared size', async () => {
    // ~60 MB of blank cells deflate to ~60 KB; the directory says 100,000 bytes (enough to take the stream path).
    const bytes = makeXlsx({ sheets: [{ name: 'Datos', xml: sheetXml(`<row r="1">${'<c/>'.repeat(15_000_000)}</row>`) }] });
    const { local, central } = headers(bytes, 'xl/worksheets/sheet1.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 24, 100_000, true);
    dv.setUint32(local + 22, 100_000, true);
    const r = await refusal(bytes);
    expect(streams).toBe(1);
    expect([r.kind, r.detail]).toEqual(['corrupt', expect.stringContaining('inflates past its declared size of 100000 bytes')]);
  });

  it('a wrong CRC-32 is refused', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Datos', xml: bigSheet(4000, 4) }] });
    const { local, central } = headers(bytes, 'xl/worksheets/sheet1.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 16, dv.getUint32(central + 16, true) ^ 1, true);
    dv.setUint32(local + 14, dv.getUint32(local + 14, true) ^ 1, true);
    const r = await refusal(bytes);
    expect(streams).toBe(1);
    expect([r.kind, r.where]).toEqual(['bad_crc', 'xl/worksheets/sheet1.xml']);
  });

  it('damaged compressed data is refused, not read short', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Datos', xml: bigSheet(4000, 5) }] });
    const entry = readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    // Garble the middle of the deflated data.
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const start = entry.localOffset + 30 + dv.getUint16(entry.localOffset + 26, true) + dv.getUint16(entry.localOffset + 28, true);
    for (let i = start + 2000; i < start + 2400; i++) bytes[i] = 0xff;
    const r = await refusal(bytes);
    expect(streams).toBe(1);
    expect(['corrupt', 'bad_crc']).toContain(r.kind);
    expect(r.where).toBe('xl/worksheets/sheet1.xml');
  });

  it('a declared size over the part limit is refused before any stream is made', async () => {
    const bytes = makeXlsx({ sheets: [{ name: 'Datos', xml: bigSheet(4000, 6) }] });
    const { local, central } = headers(bytes, 'xl/worksheets/sheet1.xml');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    dv.setUint32(central + 24, 0xfffffff0, true);
    dv.setUint32(local + 22, 0xfffffff0, true);
    const r = await refusal(bytes);
    expect([streams, r.kind, r.where]).toEqual([0, 'too_large', 'xl/worksheets/sheet1.xml']);
  });

  it('the parts read together may not exceed the total limit', async () => {
    const bytes = makeXlsx({ sheets: [1, 2, 3].map((k) => ({ name: `S${k}`, xml: bigSheet(2000, k) })) });
    const size = readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.size;
    await expect(readXlsxAsync(bytes, { limits: { maxTotalBytes: size * 2 + 10_000 } })).rejects.toMatchObject({ kind: 'too_large' });
    expect((await readXlsxAsync(bytes)).sheets.map((s) => s.rows[0]![1])).toEqual([7920, 7921, 7922].map((v) => v % 1000));
  });
});
