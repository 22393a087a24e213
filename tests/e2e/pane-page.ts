// The pane's page as every Chromium test drives it: one browser and server per test file (usePane), a
// fresh context per test in browser mode (Office's CDN refused, as offline), and the steps of opening a
// workbook through the file input.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, startPane, type Pane } from './harness';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every text the pane's status lines showed, in order, kept in window.__statusSeen as they change. */
const RECORD_STATUS = `
  window.__statusSeen = [];
  new MutationObserver(() => {
    for (const id of ['busy', 'progress', 'opening']) {
      const el = document.querySelector('[data-testid="' + id + '"]');
      const text = el && el.textContent ? el.textContent.trim() : '';
      if (text && window.__statusSeen[window.__statusSeen.length - 1] !== text) window.__statusSeen.push(text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

export interface PageOptions {
  /** Left out: Chromium's own locale and viewport. */
  readonly locale?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Record the status lines' texts (statusSeen) from the first paint on. */
  readonly recordStatus?: boolean;
  /** A script served as Office.js instead of refusing Office's CDN. */
  readonly officeJs?: string;
  /** How long to wait for the bundled sample's first table (ms); false: return as soon as the page loads. */
  readonly ready?: number | false;
}

export interface PanePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors in the page, as they happen. */
  readonly errors: string[];
}

/** A fresh context and page on the pane; the context is closed again if the page does not come up. */
export async function openPanePage(pane: Pane, opts: PageOptions = {}): Promise<PanePage> {
  const context = await pane.browser.newContext({
    ...(opts.locale === undefined ? {} : { locale: opts.locale }),
    ...(opts.viewport === undefined ? {} : { viewport: opts.viewport }),
    acceptDownloads: true,
  });
  try {
    if (opts.recordStatus) await context.addInitScript(RECORD_STATUS);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const office = opts.officeJs;
    await page.route('https://appsforoffice.microsoft.com/**', (r) =>
      office === undefined ? r.abort('internetdisconnected') : r.fulfill({ contentType: 'text/javascript', body: office }),
    );
    await page.goto(`${pane.baseUrl}/taskpane.html`);
    if (opts.ready !== false) await page.getByTestId('table-item').first().waitFor({ timeout: opts.ready ?? 30_000 });
    return { context, page, errors };
  } catch (e) {
    await context.close();
    throw e;
  }
}

export interface PaneSession {
  readonly browser: Browser;
  readonly baseUrl: string;
  /** Opens a page, runs the test on it, and closes its context whatever happens. */
  withPage(opts: PageOptions, test: (p: PanePage) => Promise<void>): Promise<void>;
}

/** Starts the build, server and browser before the file's tests and stops them after. */
export function usePane(startTimeout = 300_000): PaneSession {
  let pane: Pane | undefined;
  beforeAll(async () => {
    pane = await startPane();
  }, startTimeout);
  afterAll(async () => {
    await pane?.close();
  });
  const started = (): Pane => {
    if (!pane) throw new Error('usePane: the pane is started in beforeAll, use it inside a test');
    return pane;
  };
  return {
    get browser() {
      return started().browser;
    },
    get baseUrl() {
      return started().baseUrl;
    },
    async withPage(opts, test) {
      const p = await openPanePage(started(), opts);
      try {
        await test(p);
      } finally {
        await p.context.close();
      }
    },
  };
}

/** A workbook on disk, or bytes with the file name the pane is to show. */
export type Workbook = string | { readonly name: string; readonly buffer: Buffer };

/** Picks the workbook in the file input and waits until the pane names it. */
export async function openFile(page: Page, file: Workbook, timeout?: number): Promise<void> {
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  await page.getByTestId('file-input').setInputFiles(typeof file === 'string' ? file : { name, mimeType: XLSX_MIME, buffer: file.buffer });
  await page.getByTestId('file-name').filter({ hasText: name }).waitFor({ timeout });
}

/** openFile, then waits for the plan's figures (the action count). */
export async function openPlan(page: Page, file: Workbook, timeout?: number): Promise<void> {
  await openFile(page, file, timeout);
  await page.getByTestId('kpi-actions').waitFor({ timeout });
}

/** Types the as-of date and waits for the summary to state it (the plans here are checked in September). */
export async function setAsOf(page: Page, asOf: string): Promise<void> {
  const day = /^\d{4}-09-(\d\d)$/.exec(asOf)?.[1];
  if (day === undefined) throw new Error(`setAsOf: ${asOf} is not a September date`);
  await page.getByTestId('as-of').fill(asOf);
  await page.getByTestId('section-summary').getByText(new RegExp(`${Number(day)} (sept|sep)`, 'i')).first().waitFor();
}

/** Waits until nothing is being opened or checked (the status line empty, no opening bar). */
export async function idle(page: Page, timeout?: number): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent === '' && !document.querySelector('[data-testid="opening"]'), null, {
    timeout,
  });
}

/** The status texts recorded so far (a page opened with recordStatus). */
export function statusSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __statusSeen: string[] }).__statusSeen);
}

/** Forgets the status texts recorded so far. */
export async function forgetStatusSeen(page: Page): Promise<void> {
  await page.evaluate(() => void ((window as unknown as { __statusSeen: string[] }).__statusSeen = []));
}

/** Clicks Download, keeps the file in tests/artifacts under the name given, and returns its bytes. */
export async function downloadWorkbook(page: Page, name: string): Promise<Uint8Array> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const saved = path.join(ARTIFACTS, name);
  await d.saveAs(saved);
  return new Uint8Array(fs.readFileSync(saved));
}

const AXE = require.resolve('axe-core/axe.min.js');

/**
 * axe-core's violations on the page, or inside one element: "rule: target (summary)" per node. Every rule
 * runs on every element. The one result dropped is the false positive Microsoft's own Accessibility
 * Insights drops: aria-hidden-focus on Fluent's tabster "dummy inputs" (<i tabindex=0 aria-hidden
 * data-tabster-dummy>), focus redirectors that hand focus on at once and are hidden from screen readers by
 * design (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Any other rule on them counts.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (within) => {
    type Node = { target: string[]; html: string; failureSummary?: string };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; nodes: Node[] }[] }> } }).axe;
    const r = await axe.run(within ? { include: [[within]] } : document, { resultTypes: ['violations'] });
    const dummy = (id: string, n: Node) => id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(n.html);
    return r.violations.flatMap((v) =>
      v.nodes.filter((n) => !dummy(v.id, n)).map((n) => `${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)})`),
    );
  }, include ?? null);
}
