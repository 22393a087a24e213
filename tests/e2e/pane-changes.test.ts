// Issue #11 in headless Chromium against the production build (browser mode): status dropdowns undone,
// the change summary after two refreshes (read back from the workbook's own history sheet, also after
// the file is downloaded and opened again), our sheets told apart in the preview, focus back on the
// button after a dialog, and the roll-up areas drawn a page at a time with a skip link.
import * as fs from 'fs';
import { type Page } from 'playwright-core';
import { downloadWorkbook as download, idle, openFile, openPlan, setAsOf, usePane } from './pane-page';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { unzipParts, readText, sheetPartPath } from '../../src/hosts/xlsx/edit';
import { historyOf } from '../../src/core/refresh-history';
import { ECUADOR_PLAN } from '../fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateMonitoringWorkbook } = require('../../scripts/bench-rollup-data.js') as {
  generateMonitoringWorkbook: (o: { communities: number }) => { bytes: Uint8Array };
};

const PLAN = 'Plan de Mejora';

const pane = usePane();
const PAGE = { locale: 'es-EC', viewport: { width: 1280, height: 900 } } as const;

async function openEcuador(page: Page, asOf: string): Promise<void> {
  await openPlan(page, ECUADOR_PLAN);
  await setAsOf(page, asOf);
  await idle(page, 60_000);
}

const focused = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');

describe('issue #11: undo, change history, our sheets, focus, roll-up paging (production build, headless Chromium)', () => {
  it('removes exactly the status dropdowns it added', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await openEcuador(page, '2011-09-15');
      expect(await page.getByTestId('undo-dropdowns').count()).toBe(0);
      await page.getByTestId('dropdowns').click();
      await page.getByTestId('notice').filter({ hasText: 'Lista desplegable agregada' }).waitFor();
      await page.getByTestId('undo-dropdowns').click();
      await page.getByTestId('notice').filter({ hasText: 'Listas de estado de Tablero quitadas' }).waitFor();
      await page.getByTestId('undo-dropdowns').waitFor({ state: 'detached' });
      const bytes = await download(page, 'dropdowns-undone (Tablero).xlsx');
      const parts = unzipParts(bytes);
      const planXml = readText(parts, sheetPartPath(parts, PLAN) ?? '') ?? '';
      const original = unzipParts(new Uint8Array(fs.readFileSync(ECUADOR_PLAN)));
      expect(planXml).not.toContain('errorTitle="Tablero"');
      // The plan's sheet is as it came (the download adds only our sheets and their highlights are off).
      expect(planXml).toBe(readText(original, sheetPartPath(original, PLAN) ?? '') ?? '');
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('after two refreshes says what changed, keeps it in its own sheet, and reads it back from the downloaded file', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await openEcuador(page, '2011-09-15');
      await page.getByTestId('refresh').click();
      await page.getByTestId('notice').filter({ hasText: 'Hoja «Seguimiento» actualizada.' }).waitFor();
      // The preview moves to the sheet just written, and tells our sheets apart.
      await page.getByTestId('preview-selection').filter({ hasText: 'Seguimiento!A1' }).waitFor();
      expect(await page.getByTestId('sheet-preview').getByRole('heading').textContent()).toContain('Seguimiento (hoja de Tablero)');
      // Fluent's Tab draws its content twice (once hidden, to reserve the bold width): count the tabs.
      const ours = await page.locator('[data-testid="sheet-preview"] [role="tab"]').evaluateAll((els) =>
        els.map((e) => [e.querySelector('[data-testid="our-sheet-badge"]') !== null, e.getAttribute('data-ours') === 'true']),
      );
      expect(ours).toEqual([
        [false, false],
        [true, true],
        [true, true],
      ]);
      await page.getByTestId('history-last').getByText('Primera actualización registrada').waitFor();

      await setAsOf(page, '2011-09-25');
      await idle(page, 60_000);
      await page.getByTestId('refresh').click();
      await page.getByTestId('notice').filter({ hasText: 'acciones vencidas nuevas' }).waitFor();
      expect(await page.getByTestId('notice').textContent()).toBe(
        'Hoja «Seguimiento» actualizada. Desde la última actualización: 5 acciones vencidas nuevas (3.2, 5.2, 7.1, 7.2, 11.6), 0 acciones concluidas.',
      );
      expect(await page.getByTestId('history-change').allTextContents()).toEqual(['5 acciones vencidas nuevas: 3.2, 5.2, 7.1, 7.2, 11.6']);
      expect(await page.getByTestId('history-earlier').locator('li').count()).toBe(1);

      // The history is the workbook's: the downloaded file carries it, and the pane reads it from there.
      const bytes = await download(page, 'history (Tablero).xlsx');
      const history = historyOf(readXlsx(bytes));
      expect(history.map((e) => [e.asOf, e.compared, [...e.newlyOverdue]])).toEqual([
        ['2011-09-25', true, ['3.2', '5.2', '7.1', '7.2', '11.6']],
        ['2011-09-15', false, []],
      ]);
      await openFile(page, { name: 'reabierto.xlsx', buffer: Buffer.from(bytes) });
      await idle(page, 60_000);
      await page.getByTestId('history-change').first().waitFor();
      expect(await page.getByTestId('history-change').allTextContents()).toEqual(['5 acciones vencidas nuevas: 3.2, 5.2, 7.1, 7.2, 11.6']);
      expect(errors).toEqual([]);
    });
  }, 180_000);

  it('returns focus to the button that opened the dialog, however it closes', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await openEcuador(page, '2011-09-15');
      const convert = page.getByTestId('convert');
      await convert.click();
      await page.getByTestId('convert-table').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('convert-table').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'convert');
      await convert.click();
      await page.getByTestId('convert-cancel').click();
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'convert');
      await convert.click();
      await page.getByTestId('convert-confirm').click();
      await page.getByTestId('undo-convert').waitFor();
      await idle(page, 60_000);
      expect(await focused(page)).toBe('convert');
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('draws the roll-up areas 50 at a time, with a skip link past them', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      const { bytes } = generateMonitoringWorkbook({ communities: 2000 });
      await openFile(page, { name: 'registros.xlsx', buffer: Buffer.from(bytes) });
      await page.getByTestId('rollup-areas').waitFor({ timeout: 60_000 });
      await idle(page, 60_000);
      expect(await page.getByTestId('rollup-area').count()).toBe(50);
      const shown = (await page.getByTestId('rollup-areas-shown').textContent()) ?? '';
      expect(shown).toMatch(/^Se muestran 50 de \d+$/);
      await page.getByTestId('rollup-areas-more').click();
      expect(await page.getByTestId('rollup-area').count()).toBe(100);
      // The skip link, reached by keyboard, moves focus past the list.
      const skip = page.getByTestId('section-rollup-areas').getByTestId('skip-link');
      await skip.focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('rollup-areas-end');
      expect(errors).toEqual([]);
    });
  }, 180_000);
});
