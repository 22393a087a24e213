// The Results tab in real headless Chromium (browser mode, production build): the Honduras results
// framework, its bands and charts, actuals computed from the whole record sheets in the worker.
import * as path from 'path';
import { type Browser } from 'playwright-core';
import { ARTIFACTS, startPane, type Pane } from './harness';
import { HONDURAS_FRAMEWORK } from '../fixtures';


let browser: Browser;
let baseUrl: string;
let pane: Pane | undefined;

beforeAll(async () => {
  pane = await startPane();
  ({ browser, baseUrl } = pane);
}, 600_000);

afterAll(async () => {
  await pane?.close();
});

it('shows the Honduras framework: 15 indicators, their bands, and 1.1 from the records', async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('https://appsforoffice.microsoft.com/**', (r) => r.abort('internetdisconnected'));
  try {
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByTestId('table-item').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('file-input').setInputFiles(HONDURAS_FRAMEWORK);
    await page.getByTestId('file-name').filter({ hasText: 'marco-resultados-ptps-honduras-2017.xlsx' }).waitFor();
    // No date picked: the framework's own "Corte: 15 de febrero de 2018" is the as-of date, and a workbook
    // whose only table is a framework opens on the Results tab.
    await page.getByRole('tab', { name: 'Results', selected: true }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="pane"]')?.getAttribute('aria-busy') !== 'true');
    const rows = page.getByTestId('result-indicator');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="result-indicator"]').length === 15, undefined, { timeout: 60_000 });
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
  } finally {
    await context.close();
  }
});
