// The pane on big workbooks, in headless Chromium against the production build (browser mode):
// progress from the moment a file is picked, cancelling, lists drawn a page at a time with search and
// filters, the next-30-days group, counts with thousands separators and short screen-reader names.
// The plans are generated (scripts/bench-check.js), not read from outside the repository.
import { type Page } from 'playwright-core';
import { forgetStatusSeen, idle, openFile, openPlan as openPlanFile, setAsOf, statusSeen, usePane, XLSX_MIME, type PageOptions } from './pane-page';
import { ECUADOR_PLAN } from '../fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generatePlan } = require('../../scripts/bench-check.js') as { generatePlan: (actions: number) => Uint8Array };

const pane = usePane();
const plan1500 = Buffer.from(generatePlan(1500));
/** Spanish, and every status line recorded from the first paint. */
const PAGE: PageOptions = { locale: 'es-EC', viewport: { width: 1280, height: 900 }, recordStatus: true };

/** A generated plan, given a minute for each step (it is large). */
async function openPlan(page: Page, name: string, buffer: Buffer): Promise<void> {
  await openPlanFile(page, { name, buffer }, 60_000);
  await idle(page, 60_000);
}

describe('the pane on big workbooks (production build, headless Chromium)', () => {
  it('after Refresh status shows the sheet it wrote and says what changed since the last refresh', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await openFile(page, ECUADOR_PLAN);
      await setAsOf(page, '2011-09-15');
      await page.getByTestId('refresh').click();
      await page.getByTestId('notice').filter({ hasText: 'Hoja «Seguimiento» actualizada.' }).waitFor();
      await page.getByTestId('preview-selection').filter({ hasText: 'Seguimiento!A1' }).waitFor();
      // Ten days later five open actions have passed their deadline.
      await setAsOf(page, '2011-09-25');
      await page.getByTestId('refresh').click();
      await page.getByTestId('notice').filter({ hasText: 'acciones vencidas nuevas' }).waitFor();
      expect(await page.getByTestId('notice').textContent()).toBe(
        'Hoja «Seguimiento» actualizada. Desde la última actualización: 5 acciones vencidas nuevas (3.2, 5.2, 7.1, 7.2, 11.6), 0 acciones concluidas.',
      );
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('says what it is doing from the moment a file is picked, and counts with thousands separators', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await forgetStatusSeen(page);
      await openPlan(page, 'plan-1500.xlsx', plan1500);
      const seen = await statusSeen(page);
      // Opening names the file and the step; then the plan is checked.
      expect(seen.some((t) => /^Abriendo plan-1500\.xlsx…/.test(t) && t.includes('Leyendo las hojas…'))).toBe(true);
      expect(seen).toContain('Revisando el plan…');
      expect(seen.findIndex((t) => t.includes('Leyendo las hojas…'))).toBeLessThan(seen.indexOf('Revisando el plan…'));
      expect(await page.getByTestId('kpi-actions').locator('span').first().textContent()).toBe('1.500');
      expect(await page.locator('#overdue-title').textContent()).toMatch(/\(\d\.\d{3}\)$/);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('cancels opening a file and keeps the workbook that was open', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await page.getByTestId('file-input').setInputFiles({ name: 'plan-5000.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(generatePlan(5000)) });
      await page.getByTestId('open-cancel').click();
      await page.getByTestId('opening').waitFor({ state: 'detached' });
      expect(await page.getByTestId('file-name').textContent()).toContain('plan-de-mejora-ecuador-2011.xlsx');
      expect(await page.getByTestId('open-error').count()).toBe(0);
      // The open workbook still works.
      await setAsOf(page, '2011-09-15');
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('draws the overdue list a page at a time, with search, filters and short names, the responsible on every card', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await openPlan(page, 'plan-1500.xlsx', plan1500);
      const overdue = Number((await page.getByTestId('kpi-overdue').locator('span').first().textContent())!.replace(/\./g, ''));
      expect(overdue).toBeGreaterThan(1000);
      expect(await page.getByTestId('overdue-item').count()).toBe(50);
      expect(await page.getByTestId('overdue-shown').textContent()).toBe(`Se muestran 50 de ${overdue.toLocaleString('es-EC')}`);
      await page.getByTestId('overdue-more').click();
      expect(await page.getByTestId('overdue-item').count()).toBe(100);
      // Every card shows who is responsible; its name for screen readers is short.
      expect(await page.getByTestId('item-responsible').count()).toBe(await page.getByTestId('overdue-item').count() + (await page.getByTestId('upcoming-item').count()));
      const label = await page.getByTestId('overdue-item').first().getAttribute('aria-label');
      expect(label).toMatch(/^\d+\.\d+, [\d.]+ días? de atraso, Ir a la fila \d+$/);
      // The whole page stays small: no card drawn that is not on the page.
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(8000);

      // Search: one action by its words.
      await page.getByTestId('overdue-search').fill('número 1234:');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="overdue-item"]').length <= 1);
      const found = await page.locator('li:has([data-testid="overdue-item"])').allTextContents();
      expect(found.length).toBeLessThanOrEqual(1);
      if (found.length) expect(found[0]).toContain('Acción clave número 1234:');
      await page.getByTestId('overdue-search').fill('');

      // Status filter: only the chosen status is listed.
      await page.getByTestId('filter-status').selectOption('not_started');
      const shown = await page.getByTestId('overdue-shown').textContent();
      expect(shown).toMatch(/^Se muestran 50 de [\d.]+$/);
      const n = Number(shown!.replace(/^.* de /, '').replace(/\./g, ''));
      expect(n).toBeLessThan(overdue);
      // Recommendation filter on top: the ten actions of recommendation 3 at most.
      await page.getByTestId('filter-recommendation').selectOption('3');
      expect(await page.getByTestId('overdue-item').count()).toBeLessThanOrEqual(10);
      const ids = await page.getByTestId('overdue-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id')));
      for (const id of ids) expect(id).toMatch(/^3\./);
      expect(errors).toEqual([]);
    });
  }, 120_000);

  it('lists the actions due in the next 30 days, and checks once after a date is typed', async () => {
    await pane.withPage(PAGE, async ({ page, errors }) => {
      await openPlanFile(page, ECUADOR_PLAN);
      await idle(page);
      await forgetStatusSeen(page);
      // Typed key by key (each key a valid date, as in a date field), the plan is checked once, after the typing stops.
      for (const d of ['2011-09-11', '2011-09-12', '2011-09-13', '2011-09-14', '2011-09-15']) await page.getByTestId('as-of').fill(d);
      await page.getByTestId('section-summary').getByText(/15 (sept|sep)/i).first().waitFor();
      await idle(page);
      const seen = await statusSeen(page);
      // Never one check per key (a quick check may come and go between two observations of the page).
      expect(seen.filter((t) => t === 'Revisando el plan…').length).toBeLessThanOrEqual(1);
      // Due by 2011-10-15, not overdue and not done: the upcoming group, soonest first, each with its days left.
      const upcoming = await page.getByTestId('upcoming-item').evaluateAll((els) => els.map((e) => [e.getAttribute('data-action-id'), e.getAttribute('aria-label')]));
      expect(upcoming.map(([id]) => id)).toEqual(['3.2', '5.2', '11.6', '7.2', '7.1', '10.2']);
      expect(upcoming[0]![1]).toMatch(/^3\.2, vence en 4 días, Ir a la fila \d+$/);
      expect(upcoming[5]![1]).toMatch(/^10\.2, vence en 19 días, Ir a la fila \d+$/);
      expect(errors).toEqual([]);
    });
  }, 120_000);
});
