// Pane bench: the production build in headless Chromium, browser mode, on a generated 5,000-action plan
// and a generated 100,000-community workbook. Prints what the user waits for and what the page costs:
// first result, download, first figures, longest main-thread task, elements, JS heap.
// `npm run bench -- pane` (or `node scripts/bench-pane.js`). Figures, not a timed unit test.
'use strict';
/* global window, document */ // page.evaluate bodies run in the page.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'bench-out');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const TARGETS = { planFirstResultMs: 3000, planDownloadMs: 3000, rollupFirstFiguresMs: 6000, longestTaskMs: 200, elements: 8000, heapMB: 250 };

function log(line) {
  process.stdout.write(`${line}\n`);
}

/** The generated workbooks, cached in bench-out/ and made again when their generator changes. */
function workbook(name, generator, make) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs >= fs.statSync(generator).mtimeMs) return file;
  const t = Date.now();
  const bytes = make();
  fs.writeFileSync(file, bytes);
  log(`generated ${path.relative(ROOT, file)} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return file;
}

/** Watches long tasks from the first script on; `__tablero.longest` is the longest since the last reset. */
const OBSERVE = `
  window.__tablero = { longest: 0, tasks: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__tablero.tasks++;
        if (e.duration > window.__tablero.longest) window.__tablero.longest = e.duration;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
`;

async function pageFigures(page) {
  return page.evaluate(async () => {
    // Let pending long tasks be reported before reading them.
    await new Promise((r) => setTimeout(r, 50));
    const mem = performance.memory;
    return { longest: Math.round(window.__tablero.longest), elements: document.getElementsByTagName('*').length, heapMB: mem ? mem.usedJSHeapSize / 1e6 : NaN };
  });
}

const resetLongest = (page) => page.evaluate(() => (window.__tablero.longest = 0));

module.exports = async function benchPane() {
  const { chromium } = require('playwright-core');
  const { serve, build, buildIsStale } = require('./serve.js');
  const { generatePlan } = require('./bench-check.js');
  const { generateMonitoringWorkbook } = require('./bench-rollup-data.js');

  log('pane bench: production build in headless Chromium (browser mode)');
  if (!process.env.PANE_BENCH_NO_BUILD && buildIsStale()) {
    const t = Date.now();
    build({ quiet: true });
    log(`built dist/ in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  const plan = workbook('pane-plan-5000.xlsx', path.join(__dirname, 'bench-check.js'), () => generatePlan(5000));
  const communities = workbook(
    'pane-communities-100000.xlsx',
    path.join(__dirname, 'bench-rollup-data.js'),
    () => generateMonitoringWorkbook({ communities: 100000 }).bytes,
  );

  const server = await serve(path.join(ROOT, 'dist'), { port: 0 });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
  });
  const rows = [];
  const row = (label, value, unit, target) => {
    const ok = target === undefined || value <= target;
    rows.push({ label, value, ok });
    log(
      `  ${label.padEnd(34)} ${String(Math.round(value)).padStart(7)} ${unit.padEnd(8)} ${target === undefined ? '' : `target ≤ ${target} ${unit}  ${ok ? 'ok' : 'MISSED'}`}`,
    );
  };
  try {
    const context = await browser.newContext({ locale: 'es-EC', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('https://appsforoffice.microsoft.com/**', (r) => r.abort('internetdisconnected'));
    await page.goto(`${base}/taskpane.html`);
    await page.getByTestId('table-item').first().waitFor({ timeout: 60_000 });

    // 5,000 actions: from picking the file to the first figures of the plan, then the download.
    log(`plan, 5,000 actions (${path.basename(plan)})`);
    await resetLongest(page);
    let t = Date.now();
    await page.getByTestId('file-input').setInputFiles(plan);
    await page
      .getByTestId('file-name')
      .filter({ hasText: path.basename(plan) })
      .waitFor({ timeout: 120_000 });
    await page.getByTestId('kpi-actions').waitFor({ timeout: 120_000 });
    row('first result', Date.now() - t, 'ms', TARGETS.planFirstResultMs);
    await page.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent === '', null, { timeout: 120_000 });
    let f = await pageFigures(page);
    row('elements after opening', f.elements, '', TARGETS.elements);
    t = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('download').click()]);
    await download.path();
    row('download', Date.now() - t, 'ms', TARGETS.planDownloadMs);
    await page.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent === '', null, { timeout: 120_000 });
    f = await pageFigures(page);
    row('longest main-thread task', f.longest, 'ms', TARGETS.longestTaskMs);
    row('elements', f.elements, '', TARGETS.elements);
    row('JS heap', f.heapMB, 'MB');

    // 100,000 communities: from picking the file to the first roll-up figures.
    log(`records, 100,000 communities (${path.basename(communities)}, ${(fs.statSync(communities).size / 1e6).toFixed(1)} MB)`);
    await resetLongest(page);
    t = Date.now();
    await page.getByTestId('file-input').setInputFiles(communities);
    await page
      .getByTestId('file-name')
      .filter({ hasText: path.basename(communities) })
      .waitFor({ timeout: 180_000 });
    await page.getByTestId('rollup-households').waitFor({ timeout: 180_000 });
    row('first figures', Date.now() - t, 'ms', TARGETS.rollupFirstFiguresMs);
    await page.waitForFunction(() => document.querySelector('[data-testid="busy"]')?.textContent === '', null, { timeout: 180_000 });
    // What the page holds once the big workbook is open (garbage from the old one collected first).
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    f = await pageFigures(page);
    row('longest main-thread task', f.longest, 'ms', TARGETS.longestTaskMs);
    row('elements', f.elements, '', TARGETS.elements);
    row('JS heap after opening', f.heapMB, 'MB', TARGETS.heapMB);
    if (errors.length) log(`page errors: ${errors.join(' | ')}`);
    await context.close();
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  const ok = rows.every((r) => r.ok);
  log(
    ok
      ? 'pane bench: every target met'
      : `pane bench: missed ${rows
          .filter((r) => !r.ok)
          .map((r) => r.label)
          .join(', ')}`,
  );
  return { ok, rows };
};

if (require.main === module) {
  module.exports().then(
    (r) => (process.exitCode = r.ok ? 0 : 1),
    (e) => {
      process.stderr.write(`bench-pane: ${e && e.message ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
