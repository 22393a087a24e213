// axe-core in headless Chromium against the production build (browser mode): no violations on any
// tab of the pane, with the Ecuador plan open (and the Honduras record sheets for the roll-ups).
import { type Page } from 'playwright-core';
import { idle, openFile, usePane } from './pane-page';
import { ECUADOR_PLAN, HONDURAS_MONITORING } from '../fixtures';

const AXE = require.resolve('axe-core/axe.min.js');

const pane = usePane();

/** axe's violations on the page as it is: "rule: target (summary)" per node. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    // Every rule runs, label-in-name too: an overdue card's button shows only the words of its short
    // name ("1.2, 22 días de atraso, Ir a la fila 15"), the action's text sits beside it. Fluent's focus
    // sentinels stay excluded: tabster's "dummy inputs" (<i tabindex=0 aria-hidden>) are Fluent's own
    // focus-trap machinery inside dialogs and lists, not content; they take focus only to pass it on.
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, { resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)})`));
  });
}

async function everyTab(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const ids = await page.locator('[role="tab"][data-testid^="tab-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  for (const id of ids) {
    await page.getByTestId(id).click();
    await page.waitForTimeout(300);
    out[id] = await violations(page);
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
