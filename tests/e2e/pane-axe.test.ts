// axe-core in headless Chromium against the production build (browser mode): no violations on any
// tab of the pane, with the Ecuador plan open (and the Honduras record sheets for the roll-ups). Every rule
// runs, label-in-name too: an overdue card's button shows only the words of its short name ("1.2, 22 días
// de atraso, Ir a la fila 15"), the action's text sits beside it. What axeViolations drops, and why: pane-page.ts.
import { type Page } from 'playwright-core';
import { axeViolations, idle, openFile, usePane } from './pane-page';
import { ECUADOR_PLAN, HONDURAS_MONITORING } from '../fixtures';

const pane = usePane();

async function everyTab(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const ids = await page.locator('[role="tab"][data-testid^="tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  for (const id of ids) {
    await page.getByTestId(id).click();
    await page.waitForTimeout(300);
    out[id] = await axeViolations(page);
  }
  return out;
}

describe('accessibility (axe-core, production build, headless Chromium)', () => {
  it.each([
    ['the Ecuador plan', ECUADOR_PLAN],
    ['the Honduras record sheets', HONDURAS_MONITORING],
  ])('reports no violations on any tab with %s open', async (_name, file) => {
    await pane.withPage({ locale: 'es-EC', viewport: { width: 1280, height: 900 } }, async ({ page }) => {
      await openFile(page, file);
      await idle(page);
      const found = await everyTab(page);
      expect(Object.keys(found).length).toBeGreaterThanOrEqual(3);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    });
  }, 180_000);
});
