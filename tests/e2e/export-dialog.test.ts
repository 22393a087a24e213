// The donor export dialog in headless Chromium (production build, browser mode): it opens on the
// button, offers the language and the sheets, previews the Summary's figures, and what is picked is
// what the download holds; Cancel and Escape download nothing; focus goes back to the button.
import { type Download, type Page } from 'playwright-core';
import { axeViolations, openFile, setAsOf, usePane } from './pane-page';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { unzipParts } from '../../src/hosts/xlsx/edit';
import { ECUADOR_PLAN } from '../fixtures';


const pane = usePane();

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

async function bytesOf(download: Download): Promise<Uint8Array> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('export for donors: the dialog', () => {
  it('opens, previews, exports what is picked in the language picked, cancels, and gives focus back', async () => {
    await pane.withPage({ locale: 'es-EC', viewport: { width: 450, height: 900 } }, async ({ page, errors }) => {
      let downloads = 0;
      page.on('download', () => void downloads++);
      await openFile(page, ECUADOR_PLAN);
      await setAsOf(page, '2011-09-15');

      // Opens: Spanish (the pane's language), every sheet the plan has ticked, the Summary's figures.
      const button = page.getByTestId('export-donors');
      await button.click();
      const dialog = page.getByTestId('export-dialog');
      await dialog.waitFor();
      expect(await page.getByTestId('export-lang-es').isChecked()).toBe(true);
      const sheetNames = () => page.getByTestId('export-sheets').locator('label').allTextContents();
      expect(await sheetNames()).toEqual(['Acerca de', 'Acciones clave', 'Resumen', 'Hallazgos']);
      const figure = (k: string) => page.getByTestId(`export-figure-${k}`).textContent();
      expect(await figure('actions')).toBe('36');
      expect(await figure('overdue')).toBe('20');
      // 16 of 36 not overdue.
      expect(await figure('not_overdue_share')).toMatch(/^44,4\s?%$/);

      // Accessible as it stands (axe on the open dialog).
      expect(await axeViolations(page, '[data-testid="export-dialog"]')).toEqual([]);

      // Cancel: nothing downloaded, focus back on the button.
      await page.getByTestId('export-cancel').click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-donors');
      expect(await focusedTestId(page)).toBe('export-donors');
      // Escape closes it the same way.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-donors');
      expect(downloads).toBe(0);

      // English, without the Findings sheet: the names and the preview follow the language.
      await button.click();
      await page.getByTestId('export-lang-en').check();
      expect(await sheetNames()).toEqual(['About', 'Key actions', 'Summary', 'Findings']);
      expect(await figure('not_overdue_share')).toBe('44.4%');
      await page.getByTestId('export-sheet-findings').uncheck();
      // No sheet at all cannot be exported.
      for (const k of ['about', 'actions', 'summary']) await page.getByTestId(`export-sheet-${k}`).uncheck();
      expect(await page.getByTestId('export-confirm').isDisabled()).toBe(true);
      for (const k of ['about', 'actions', 'summary']) await page.getByTestId(`export-sheet-${k}`).check();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
      expect(download.suggestedFilename()).toBe('plan-de-mejora-agua-ecuador-2011 (Tablero export).xlsx');
      const bytes = await bytesOf(download);
      const wb = readXlsx(bytes);
      expect(wb.sheets.map((s) => s.name)).toEqual(['About', 'Key actions', 'Summary']);
      // The Summary's chart travels in the download.
      const parts = unzipParts(bytes);
      expect([...parts.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(1);
      // The notice speaks the pane's language; focus is back on the button.
      await page.getByTestId('notice').filter({ hasText: 'Exportación descargada: plan-de-mejora-agua-ecuador-2011 (Tablero export).xlsx' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'export-donors');

      // Opening again starts from the pane's language and every sheet.
      await button.click();
      expect(await page.getByTestId('export-lang-es').isChecked()).toBe(true);
      expect(await page.getByTestId('export-sheet-findings').isChecked()).toBe(true);
      await page.getByTestId('export-cancel').click();
      expect(downloads).toBe(1);
      expect(errors).toEqual([]);
    });
  }, 180_000);
});
