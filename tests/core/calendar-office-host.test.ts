// The tracking sheet through the Office host (a fake Excel): its status drop-down, and statuses typed
// in Excel read back by the next check.
import { OfficeHost } from '../../src/hosts/office';
import { checkWorkbook } from '../../src/core/check';
import { trackingSheet } from '../../src/core/calendar';
import { fakeFromGrid, xlsxGrid } from '../office/workbooks';
import { GUATEMALA_CALENDAR } from '../fixtures';

const upTo = (max: number) => (name: string, version?: string): boolean => name === 'ExcelApi' && Number(version?.split('.')[1]) <= max;

it('writes the tracking sheet with its status drop-down, and the next check reads what was typed', async () => {
  const wb = fakeFromGrid(xlsxGrid(GUATEMALA_CALENDAR));
  const host = new OfficeHost({ run: wb.run, isSetSupported: upTo(17), today: () => '2011-05-15', lang: 'es' });
  const first = checkWorkbook(await host.read(), { asOf: '2011-05-15' });
  expect(first.calendars?.[0]?.items.filter((m) => m.overdue).length).toBe(40);
  expect(await host.writeSheets([trackingSheet(first.calendars ?? [], [], first.asOf, 'es')])).toEqual([
    { requested: 'Seguimiento de hitos', name: 'Seguimiento de hitos' },
  ]);
  const sheet = wb.sheets.find((s) => s.name === 'Seguimiento de hitos');
  const header = sheet?.rows.findIndex((row) => row?.[5]?.value === 'Hito') ?? -1;
  expect(header).toBeGreaterThan(0);
  expect(sheet?.validations.map((v) => [v.box, v.rule])).toEqual([
    [{ r0: header + 1, c0: 6, r1: header + 61, c1: 6 }, { list: { inCellDropDown: true, source: 'Completada,En curso,Sin iniciar,Ya no aplica' } }],
  ]);
  // The user picks "Completada" for the first milestone in Excel.
  sheet!.ensure(header + 1, 6).value = 'Completada';
  const next = checkWorkbook(await host.read(), { asOf: '2011-05-15' });
  expect(next.calendars?.[0]?.items[0]).toMatchObject({ status: 'completed', overdue: false });
  expect(next.calendars?.[0]?.items.filter((m) => m.overdue).length).toBe(39);
});
