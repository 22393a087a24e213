// The milestone calendar in the pane, in real headless Chromium (browser mode, production build): the
// list by period, "Refresh status" writing the tracking sheet, statuses typed in the downloaded
// workbook read back when it is opened again.
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Page } from 'playwright-core';
import { ARTIFACTS, startPane, type Pane } from './harness';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { cellText } from '../../src/core/grid';
import { GUATEMALA_CALENDAR } from '../fixtures';
import { typeIntoCells } from '../helpers/edit-xlsx';


let browser: Browser;
let baseUrl: string;
let pane: Pane | undefined;

beforeAll(async () => {
  pane = await startPane();
  ({ browser, baseUrl } = pane);
}, 300_000);

afterAll(async () => {
  await pane?.close();
});

async function open(page: Page, file: string, name: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(file) });
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
}

it('lists the Guatemala milestones, writes the tracking sheet, and reads back the statuses typed in it', async () => {
  const context = await browser.newContext({ locale: 'es-EC', viewport: { width: 1440, height: 960 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('https://appsforoffice.microsoft.com/**', (r) => r.abort('internetdisconnected'));
  try {
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByTestId('table-item').first().waitFor();
    await open(page, GUATEMALA_CALENDAR, 'calendario-metas-guatemala-2011.xlsx');
    await page.getByTestId('as-of').fill('2011-05-15');
    await page.getByTestId('milestones-summary').filter({ hasText: 'Hitos: 61; vencidos: 40' }).waitFor();
    expect(await page.getByTestId('milestone-group').count()).toBe(4);
    expect(await page.locator('[data-testid="milestone-item"][data-overdue="true"]').count()).toBe(40);

    // "Actualizar estado" writes the tracking sheet; the workbook is downloaded and edited as in Excel.
    await page.getByTestId('refresh').click();
    await page.getByTestId('notice').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = path.join(ARTIFACTS, 'calendario-seguimiento.xlsx');
    await download.saveAs(saved);
    const wb = readXlsx(new Uint8Array(fs.readFileSync(saved)));
    const tracking = wb.sheets.find((s) => s.name === 'Seguimiento de hitos');
    expect(tracking?.createdByTablero).toBe(true);
    const header = tracking?.rows.findIndex((row) => cellText(row[5] ?? null) === 'Hito') ?? -1;
    expect(tracking?.rows.length).toBe(header + 1 + 61);
    const edited = path.join(ARTIFACTS, 'calendario-seguimiento-editado.xlsx');
    fs.writeFileSync(edited, typeIntoCells(new Uint8Array(fs.readFileSync(saved)), 'Seguimiento de hitos', {
      [`G${header + 2}`]: 'Completada',
      [`G${header + 3}`]: 'Ya no aplica',
      [`G${header + 4}`]: 'Completada',
    }));

    await open(page, edited, 'calendario-seguimiento-editado.xlsx');
    await page.getByTestId('as-of').fill('2011-05-15');
    await page.getByTestId('milestones-summary').filter({ hasText: 'Hitos: 61; vencidos: 37' }).waitFor();
    expect(await page.locator('[data-testid="milestone-item"][data-overdue="true"]').count()).toBe(37);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
