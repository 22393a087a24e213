// The Results tab in real headless Chromium (browser mode, production build): the Honduras results
// framework, its bands and charts, actuals computed from the whole record sheets in the worker.
import * as fs from 'fs';
import * as path from 'path';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { readText, sheetPartPath, unzipParts } from '../../src/hosts/xlsx/edit';
import { type Page } from 'playwright-core';
import { ARTIFACTS } from './harness';
import { downloadWorkbook, openFile, usePane } from './pane-page';
import { HONDURAS_FRAMEWORK } from '../fixtures';

const pane = usePane(600_000);
const PAGE = { locale: 'en-GB', viewport: { width: 1440, height: 960 } } as const;

/** The pane on the Honduras framework: no date picked, so the framework's own "Corte: 15 de febrero de
 * 2018" is the as-of date, and a workbook whose only table is a framework opens on the Results tab. */
async function openHonduras(page: Page): Promise<void> {
  await openFile(page, HONDURAS_FRAMEWORK);
  await page.getByRole('tab', { name: 'Results', selected: true }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="pane"]')?.getAttribute('aria-busy') !== 'true');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="result-indicator"]').length === 15, undefined, { timeout: 60_000 });
}

it('shows the Honduras framework: 15 indicators, their bands, and 1.1 from the records', async () => {
  await pane.withPage(PAGE, async ({ page, errors }) => {
    await openHonduras(page);
    const rows = page.getByTestId('result-indicator');
    expect(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-band')]))).toEqual([
      ['1.1', 'on_track'], ['1.2', 'on_track'], ['1.3', 'on_track'], ['1.4', 'under'], ['2.1', 'on_track'], ['2.2', 'on_track'],
      ['2.3', 'over'], ['3.1', 'on_track'], ['3.2', 'under'], ['3.3', 'under'], ['4.1', 'no_data'], ['4.2', 'on_track'],
      ['5.1', 'under'], ['5.2', 'on_track'], ['5.3', 'no_data'],
    ]);
    // The records (695 communities: more than the page's preview holds) give 1.1's 2017 actual.
    const chart = rows.first().getByTestId('target-actual-chart');
    expect(Number(await chart.getAttribute('data-actual'))).toBeCloseTo(84.100164, 5);
    expect(await rows.first().textContent()).toContain('actual from the records');
    await page.screenshot({ path: path.join(ARTIFACTS, 'results-en.png'), fullPage: false });
    expect(errors).toEqual([]);
  });
});

it('saves the semáforo in Settings, highlights the bands in the sheet, and the download carries them (values unchanged)', async () => {
  await pane.withPage(PAGE, async ({ page, errors }) => {
    await openHonduras(page);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByTestId('settings-band-scheme').selectOption('semaforo');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('notice').filter({ hasText: 'Settings saved in the workbook.' }).waitFor();
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="result-indicator"][data-band="at_risk"]').length === 4, undefined, { timeout: 60_000 });
    await page.getByTestId('results-highlight').click();
    await page.getByTestId('results-remove-highlights').waitFor();
    // The preview shows the bands as the workbook will: 2.3 (row 14) over target, in blue.
    const b14 = page.locator('[data-testid="sheet-preview"] tr[data-row="14"] td').nth(1);
    expect(await b14.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(204, 227, 244)');
    const bytes = await downloadWorkbook(page, 'results-highlighted.xlsx');
    const parts = unzipParts(bytes);
    const xml = readText(parts, sheetPartPath(parts, 'Marco de resultados') ?? '') ?? '';
    const bands = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">[\s\S]*?band:(\w+)/g)].map((m) => [m[2], m[1]]);
    expect(bands).toEqual([
      ['on_track', 'B7 B12 B16 B21 L7 L12 L16 L21'],
      ['at_risk', 'B8:B9 B13 B24 L8:L9 L13 L24'],
      ['under', 'B10 B17:B18 B23 L10 L17:L18 L23'],
      ['over', 'B14 L14'],
      ['no_data', 'B20 B25 L20 L25'],
    ]);
    const before = readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK)));
    const after = readXlsx(bytes);
    expect(after.sheets.find((s) => s.name === 'Marco de resultados')?.rows).toEqual(before.sheets.find((s) => s.name === 'Marco de resultados')?.rows);
    expect(errors).toEqual([]);
  });
});

it('writes a figure from the records into its one cell when asked, and the download carries it (nothing else changes)', async () => {
  await pane.withPage(PAGE, async ({ page, errors }) => {
    await openHonduras(page);
    const offers = page.getByTestId('results-write');
    expect(await offers.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')))).toEqual(['L7', 'L8', 'L12', 'L16']);
    await offers.first().getByRole('button', { name: 'Write 84.1002 in L7' }).click();
    await page.getByTestId('notice').filter({ hasText: 'Wrote 84.1002 in Marco de resultados!L7.' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="results-write"]').length === 3, undefined, { timeout: 60_000 });
    const bytes = await downloadWorkbook(page, 'results-written.xlsx');
    const before = readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK)));
    const after = readXlsx(bytes);
    const rows = (wb: typeof after) => wb.sheets.find((s) => s.name === 'Marco de resultados')!.rows;
    expect(rows(after)[6]![11]).toBeCloseTo(84.100164, 6);
    const changed: string[] = [];
    rows(after).forEach((row, r) => row.forEach((v, c) => v !== (rows(before)[r]?.[c] ?? null) && changed.push(`${r + 1}:${c + 1}`)));
    expect(changed).toEqual(['7:12']);
    expect(errors).toEqual([]);
  });
});
