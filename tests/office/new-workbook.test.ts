// "Export for donors" inside Excel: the workbook's name for the export's file name, and the export
// opened as a new workbook through Excel.createWorkbook (ExcelApi 1.8), never touching the open one.
import { OfficeHost, OfficeHostError } from '../../src/hosts/office';
import { toBase64 } from '../../src/hosts/office/office-host';
import { FakeWorkbook } from './fake-excel';

const upTo =
  (max: number) =>
  (name: string, version?: string): boolean =>
    name === 'ExcelApi' && Number(version?.split('.')[1]) <= max;

function setup(max: number, createWorkbook?: (b64: string) => Promise<void>) {
  const wb = new FakeWorkbook();
  wb.addSheet('Plan', [['x']]);
  const opened: string[] = [];
  const host = new OfficeHost({
    run: wb.run,
    isSetSupported: upTo(max),
    lang: 'en',
    createWorkbook: createWorkbook ?? (async (b64) => void opened.push(b64)),
  });
  return { wb, host, opened };
}

describe('a new workbook for the export', () => {
  it('reads the workbook name Excel shows', async () => {
    const { wb, host } = setup(17);
    wb.fileName = 'plan-de-mejora.xlsx';
    expect(await host.workbookName()).toBe('plan-de-mejora.xlsx');
    expect(wb.syncCount).toBe(1);
  });

  it('hands Excel the bytes as base64 and leaves the open workbook alone', async () => {
    const { wb, host, opened } = setup(8);
    const before = wb.sheets.map((s) => s.snapshot());
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    await host.openWorkbook(bytes);
    expect(opened).toHaveLength(1);
    expect(new Uint8Array(Buffer.from(opened[0]!, 'base64'))).toEqual(bytes);
    expect(wb.sheets.map((s) => s.snapshot())).toEqual(before);
    expect(wb.syncCount).toBe(0);
  });

  it('says why below ExcelApi 1.8, and words what Excel throws', async () => {
    const old = setup(7);
    const e = await old.host.openWorkbook(new Uint8Array([1])).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OfficeHostError);
    expect((e as Error).message).toBe('This Excel cannot open the export as a new workbook (ExcelApi 1.8).');
    expect(old.opened).toEqual([]);

    const refusing = setup(17, async () => {
      throw Object.assign(new Error('The request failed\nwith details'), { code: 'GeneralException' });
    });
    const e2 = await refusing.host.openWorkbook(new Uint8Array([1])).catch((x: unknown) => x);
    expect((e2 as Error).message).toBe('Excel did not complete the operation: The request failed with details');
  });

  it.each([0, 1, 2, 3, 0x8000, 0x8001, 3 * 0x8000 + 7])('encodes %i bytes like Node does', (n) => {
    const bytes = new Uint8Array(n).map((_, i) => (i * 7 + 3) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
