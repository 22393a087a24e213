// "Highlight overdue" and "Refresh status" on a calendar, through the browser host: the calendar cells
// holding an overdue milestone get a marked conditional format (removable); the tracking sheet is written.
import * as fs from 'fs';
import { BrowserHost } from '../../src/hosts/browser';
import { readText, sheetPartPath, unzipParts } from '../../src/hosts/xlsx/edit';
import { checkWorkbook } from '../../src/core/check';
import { CF_MARKER } from '../../src/core/workbook-state';
import { GUATEMALA_CALENDAR } from '../fixtures';

const calendarXml = (bytes: Uint8Array): string => {
  const parts = unzipParts(bytes);
  return readText(parts, sheetPartPath(parts, 'Calendario de metas') ?? '') ?? '';
};

it('highlights the cells of the overdue milestones, and removes them', async () => {
  const host = new BrowserHost(new Uint8Array(fs.readFileSync(GUATEMALA_CALENDAR)), 'calendario.xlsx', { lang: 'es', today: () => '2011-05-15' });
  const result = checkWorkbook(await host.read(), { asOf: '2011-05-15' });
  await host.highlightOverdue(result);
  const xml = calendarXml(host.currentBytes());
  const rules = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">[\s\S]*?<formula>([^<]+)<\/formula>/g)].map((m) => [m[1], m[2]]);
  const marker = CF_MARKER;
  expect(rules).toEqual([
    ['B6:B10 B15:B16 B24 B30:B32', `AND(${marker},DATE(2010,12,31)&lt;TODAY())`],
    ['C6:C10 C15:C19 C24:C25 C30:C32', `AND(${marker},DATE(2011,3,31)&lt;TODAY())`],
  ]);
  await host.removeHighlights();
  expect(calendarXml(host.currentBytes())).not.toContain('conditionalFormatting');
});
