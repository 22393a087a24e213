// The pane in real headless Chromium, in browser mode, against the production build.
// Builds dist/ first when it is missing or older than the sources; serves it on 127.0.0.1.
import * as fs from 'fs';
import * as path from 'path';
import { type Page } from 'playwright-core';
import { ARTIFACTS } from './harness';
import { openFile, openPlan, setAsOf, usePane, type PageOptions } from './pane-page';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { unzipParts, readText, sheetPartPath } from '../../src/hosts/xlsx/edit';
import { CF_MARKER } from '../../src/core/workbook-state';
import { cellText, type SheetGrid } from '../../src/core/grid';

import { ECUADOR_PLAN as FIXTURE, HONDURAS_MONITORING as HONDURAS } from '../fixtures';

const OVERDUE_IDS = ['1.2', '1.5', '1.7', '2.1', '2.2', '2.3', '3.1', '4.1', '4.2', '4.3', '5.1', '6.1', '8.2', '10.1', '11.2', '11.3', '11.4', '12.1', '12.2', '12.3'];

const pane = usePane();
/** The pane in a desktop browser window, in the locale given. */
const desktop = (locale: string, more: PageOptions = {}): PageOptions => ({ locale, viewport: { width: 1440, height: 960 }, ...more });

async function openFixtureAsOf(page: Page, asOf: string): Promise<void> {
  await openPlan(page, FIXTURE);
  await setAsOf(page, asOf);
}

/** Buttons, inputs, radios and tabs without an accessible name (outerHTML of each). */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nameOf = (el: Element): string => {
      const aria = el.getAttribute('aria-label');
      if (aria?.trim()) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      const labels = (el as HTMLInputElement).labels;
      if (labels?.length) return [...labels].map((l) => l.textContent ?? '').join(' ').trim();
      return (el.textContent ?? '').trim() || (el.getAttribute('title') ?? '');
    };
    return [...document.querySelectorAll('button, input, select, textarea, [role="radio"], [role="tab"]')]
      .filter((el) => !nameOf(el))
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

/** Opens the Honduras record sheets from disk and goes to the Roll-ups tab. */
async function openHonduras(page: Page): Promise<void> {
  await openFile(page, HONDURAS);
  await page.getByTestId('tab-rollups').click();
  await page.getByTestId('rollup-households').waitFor();
}

/** The figures the Roll-ups view shows: KPI values, areas above the threshold, A–D counts. */
async function rollupFigures(page: Page) {
  const kpi = async (id: string) => (await page.getByTestId(id).locator('span').first().textContent()) ?? '';
  const cats = (id: string) =>
    page.getByTestId(`rollup-${id}-cat`).evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-category'), Number(e.getAttribute('data-count'))])));
  return {
    households: await kpi('rollup-households'),
    water: await kpi('rollup-water'),
    sanitation: await kpi('rollup-sanitation'),
    aboveWater: await page.getByTestId('rollup-above-water').textContent(),
    aboveSanitation: await page.getByTestId('rollup-above-sanitation').textContent(),
    systems: await cats('systems'),
    providers: await cats('providers'),
  };
}

function sheetByName(sheets: readonly SheetGrid[], name: string): SheetGrid {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${sheets.map((x) => x.name).join(', ')}`);
  return s;
}

describe('pane in browser mode (production build, headless Chromium)', () => {
  it('starts on the bundled sample plan without Office.js', async () => {
    await pane.withPage(desktop('es-EC', { ready: 20_000 }), async ({ page, errors }) => {
      expect(await page.getByTestId('file-name').textContent()).toContain('plan-de-mejora-ecuador-2011.xlsx');
      expect(await page.getByTestId('table-item').count()).toBe(1);
      expect(await page.getByTestId('table-item').textContent()).toMatch(/Plan de Mejora.*36 acciones/);
      // Spanish by default for a Spanish-speaking browser.
      expect(await page.getByTestId('refresh').textContent()).toBe('Actualizar seguimiento');
      expect(await page.evaluate(() => document.body.dataset.mode)).toBe('browser');
      // A file that is not a workbook gets one clear line; the open workbook stays.
      await page.getByTestId('file-input').setInputFiles({ name: 'notas.xlsx', mimeType: 'text/plain', buffer: Buffer.from('hola, no soy un libro') });
      expect(await page.getByTestId('open-error').textContent()).toBe('notas.xlsx no es un libro .xlsx');
      expect(await page.getByTestId('file-name').textContent()).toContain('plan-de-mejora-ecuador-2011.xlsx');
      expect(errors).toEqual([]);
    });
  });

  it('runs in browser mode when Office.js loads outside Office, and on the Office host when Office reports Excel', async () => {
    const stub = (host: string | null) => `
      window.Office = {
        onReady: () => Promise.resolve({ host: ${JSON.stringify(host)}, platform: 'OfficeOnline' }),
        context: ${host ? "{ displayLanguage: 'en-US', requirements: { isSetSupported: () => true } }" : 'undefined'},
      };
      window.Excel = { run: () => Promise.reject(new Error('fake Excel: no workbook here')) };`;
    for (const host of [null, 'Excel']) {
      await pane.withPage({ locale: 'es-EC', officeJs: stub(host), ready: false }, async ({ page }) => {
        if (host === null) {
          await page.getByTestId('table-item').first().waitFor();
          expect(await page.getByTestId('browser-bar').count()).toBe(1);
        } else {
          // The Office branch: no browser controls, Office's language, and Excel's failure shown, not thrown.
          await page.getByTestId('notice').waitFor();
          expect(await page.getByTestId('notice').textContent()).toContain('fake Excel: no workbook here');
          expect(await page.getByTestId('browser-bar').count()).toBe(0);
          expect(await page.getByTestId('refresh').textContent()).toBe('Refresh status');
        }
      });
    }
  });

  it('opens the Ecuador plan from disk: 36 actions and the 20 overdue ones as of 2011-09-15', async () => {
    await pane.withPage(desktop('es-EC'), async ({ page, errors }) => {
      await openFixtureAsOf(page, '2011-09-15');
      expect(await page.getByTestId('kpi-actions').textContent()).toMatch(/^36/);
      expect(await page.getByTestId('kpi-overdue').textContent()).toMatch(/^20/);
      const ids = await page.getByTestId('overdue-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-action-id')));
      expect([...ids].sort()).toEqual([...OVERDUE_IDS].sort());
      // The chart carries the same figures as the fixture's README.
      const bars = await page.locator('[data-testid="status-chart"] [data-bar]').evaluateAll((els) =>
        Object.fromEntries(els.map((e) => [e.getAttribute('data-bar'), Number(e.getAttribute('data-count'))])),
      );
      expect(bars).toEqual({ completed: 5, in_progress: 19, not_started: 11, missing: 1, overdue: 20 });
      // Grouped by lead organisation, every overdue action is still listed once.
      await page.getByRole('radio', { name: 'Organización líder' }).check();
      expect(await page.getByTestId('overdue-item').count()).toBe(20);

      // Clicking an overdue action selects its row in the sheet (the preview in browser mode).
      await page.locator('[data-testid="overdue-item"][data-action-id="1.2"]').click();
      expect(await page.getByTestId('preview-selection').textContent()).toContain('Plan de Mejora!A15:G15');
      expect(await page.locator('[data-testid="sheet-preview"] td[data-selected]').count()).toBeGreaterThan(0);
      // Clicking a finding selects its cell.
      await page.getByTestId('finding-item').first().click();
      expect(await page.getByTestId('preview-selection').textContent()).toMatch(/Plan de Mejora![A-G]\d+$/);
      expect(errors).toEqual([]);
    });
  });

  it('switches to English and back', async () => {
    await pane.withPage(desktop('es-EC'), async ({ page }) => {
      expect(await page.getByRole('tab', { name: 'Ajustes' }).count()).toBe(1);
      await page.getByTestId('lang-en').click();
      expect(await page.getByTestId('refresh').textContent()).toBe('Refresh status');
      expect(await page.getByRole('tab', { name: 'Settings' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: /Overdue actions/ }).count()).toBe(1);
      expect(await page.getByTestId('table-item').textContent()).toContain('36 actions');
      expect(await page.locator('html').getAttribute('lang')).not.toBeNull();
      await page.getByTestId('lang-es').click();
      expect(await page.getByTestId('refresh').textContent()).toBe('Actualizar seguimiento');
    });
  });

  it('downloads a valid workbook with the Seguimiento table, highlights and dropdowns, user cells unchanged', async () => {
    await pane.withPage(desktop('en-US'), async ({ page, errors }) => {
      await openFixtureAsOf(page, '2011-09-15');
      // Highlight, then remove in one click, then "Refresh status" (which highlights, like the ribbon).
      await page.getByTestId('highlight').click();
      await page.getByTestId('remove-highlights').click();
      await page.getByTestId('notice').filter({ hasText: 'Highlights removed.' }).waitFor();
      await page.getByTestId('refresh').click();
      await page.getByTestId('notice').filter({ hasText: 'Sheet "Seguimiento" updated.' }).waitFor();
      await page.getByTestId('remove-highlights').waitFor();
      // The preview moves to the sheet just written; the plan's table takes it back to the plan.
      await page.getByTestId('preview-selection').filter({ hasText: 'Seguimiento!A1' }).waitFor();
      await page.getByTestId('sheet-preview').getByRole('tab', { name: 'Plan de Mejora' }).click();
      await page.getByTestId('preview-selection').filter({ hasText: 'Plan de Mejora!A1' }).waitFor();
      expect(await page.locator('[data-testid="sheet-preview"] tr[data-row="15"] td').first().evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 199, 206)');
      await page.getByTestId('dropdowns').click();
      await page.getByTestId('notice').filter({ hasText: 'Dropdown added' }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'pane-en.png'), fullPage: false });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
      expect(download.suggestedFilename()).toBe('plan-de-mejora-agua-ecuador-2011 (Tablero).xlsx');
      const saved = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(saved);
      const bytes = new Uint8Array(fs.readFileSync(saved));

      const wb = readXlsx(bytes);
      const original = readXlsx(new Uint8Array(fs.readFileSync(FIXTURE)));
      // The user's sheet keeps every value; ours is added and marked.
      expect(sheetByName(wb.sheets, 'Plan de Mejora').rows).toEqual(sheetByName(original.sheets, 'Plan de Mejora').rows);
      const seg = sheetByName(wb.sheets, 'Seguimiento');
      expect(seg.createdByTablero).toBe(true);
      const header = seg.rows.findIndex((r) => r.some((c) => cellText(c) === 'Key action'));
      expect(header).toBeGreaterThanOrEqual(0);
      const idCol = (seg.rows[header] ?? []).findIndex((c) => cellText(c) === 'No.');
      const ids = seg.rows.slice(header + 1, header + 37).map((r) => cellText(r[idCol]));
      expect(ids).toHaveLength(36);
      expect(ids[0]).toBe('1.1');
      expect(ids[35]).toBe('12.6');

      const parts = unzipParts(bytes);
      const segPath = sheetPartPath(parts, 'Seguimiento') ?? '';
      const segXml = readText(parts, segPath) ?? '';
      expect(segXml).toMatch(/<tableParts count="\d+">/);
      expect([...parts.keys()].some((k) => /^xl\/tables\/table\d+\.xml$/.test(k))).toBe(true);
      const planXml = readText(parts, sheetPartPath(parts, 'Plan de Mejora') ?? '') ?? '';
      expect(planXml).toContain('<conditionalFormatting');
      // Element text: quotes need no escaping (src/core/xml-text.ts escapeText).
      expect(planXml).toContain(CF_MARKER);
      expect(planXml).toMatch(/<dataValidation type="list"[^>]*errorTitle="Tablero"/);
      // Conditional formats come before validations, both after mergeCells and before pageMargins.
      const order = ['</mergeCells>', '<conditionalFormatting', '<dataValidations', '<pageMargins'].map((t) => planXml.indexOf(t));
      expect(order.every((v, i) => v >= 0 && (i === 0 || v > (order[i - 1] ?? -1)))).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('converts text dates on request, keeps the originals in its own sheet, and undoes', async () => {
    await pane.withPage(desktop('en-US'), async ({ page }) => {
      await openFixtureAsOf(page, '2011-09-15');
      const label = (await page.getByTestId('convert').textContent()) ?? '';
      const n = Number(/\((\d+)\)/.exec(label)?.[1]);
      expect(n).toBeGreaterThan(0);
      await page.getByTestId('convert').click();
      const rows = page.locator('[data-testid="convert-table"] tbody tr');
      expect(await rows.count()).toBe(n);
      expect(await rows.first().textContent()).toMatch(/Aug-11.*2011/);
      await page.getByTestId('convert-confirm').click();
      await page.getByTestId('undo-convert').waitFor();
      expect(await page.getByTestId('convert').textContent()).toBe('Convert text dates (0)');
      // Same plan, same verdicts once the deadlines are real dates.
      expect(await page.getByTestId('kpi-overdue').textContent()).toMatch(/^20/);
      await page.getByTestId('undo-convert').click();
      await page.getByTestId('notice').filter({ hasText: 'Original texts restored' }).waitFor();
      expect(await page.getByTestId('convert').textContent()).toBe(`Convert text dates (${n})`);
    });
  });

  it('labels every control and reaches the main ones with the keyboard alone', async () => {
    await pane.withPage(desktop('en-US'), async ({ page }) => {
      await openFixtureAsOf(page, '2011-09-15');
      const unlabelled = await unlabelledControls(page);
      expect(unlabelled).toEqual([]);

      // Tab from the top of the page: the pane's controls come in reading order.
      // Clicking the title moves the sequential focus starting point to the top of the pane.
      await page.getByRole('heading', { level: 1 }).click();
      const reached = new Set<string>();
      for (let i = 0; i < 40 && !reached.has('convert'); i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
        if (id) reached.add(id);
      }
      for (const id of ['lang-es', 'lang-en', 'open-file', 'download', 'as-of', 'refresh', 'table-item', 'highlight', 'dropdowns', 'convert']) {
        expect([id, reached.has(id)]).toEqual([id, true]);
      }
      // Enter on a focused overdue action selects its row.
      await page.locator('[data-testid="overdue-item"][data-action-id="2.1"]').focus();
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('preview-selection').textContent()).toContain('Plan de Mejora!A27:G27');
    });
  });

  it('saves a screenshot of the pane in Spanish', async () => {
    await pane.withPage(desktop('es-EC'), async ({ page }) => {
      await openFixtureAsOf(page, '2011-09-15');
      await page.getByTestId('highlight').click();
      await page.getByTestId('remove-highlights').waitFor();
      await page.locator('[data-testid="overdue-item"][data-action-id="1.5"]').click();
      await page.getByTestId('pane-scroll').evaluate((e) => e.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'pane.png'), fullPage: false });
      await page.getByTestId('pane-scroll').evaluate((e) => e.scrollTo(0, 900));
      await page.screenshot({ path: path.join(ARTIFACTS, 'pane-es.png'), fullPage: false });
      // The pane alone at Excel's task-pane width.
      await page.setViewportSize({ width: 420, height: 1600 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'pane-narrow-es.png'), fullPage: false });
      expect(fs.statSync(path.join(ARTIFACTS, 'pane.png')).size).toBeGreaterThan(10_000);
    });
  });
});

describe('roll-ups and the donor export in browser mode (same build, same browser)', () => {
  it('shows the Honduras roll-ups in Spanish and writes the three marked sheets with their tables', async () => {
    await pane.withPage(desktop('es-EC'), async ({ page, errors }) => {
      await openHonduras(page);
      expect(await rollupFigures(page)).toEqual({
        households: '153.228',
        water: '84,1\u00a0%',
        sanitation: '80,7\u00a0%',
        aboveWater: '18 de 26',
        aboveSanitation: '16 de 26',
        systems: { A: 410, B: 176, C: 8, D: 0 },
        providers: { A: 54, B: 422, C: 109, D: 9 },
      });
      expect(await page.getByTestId('rollup-source').evaluateAll((els) => els.map((e) => e.textContent))).toEqual([
        expect.stringMatching(/Viviendas por comunidad.*Comunidades · A1:J696.*695 registros/),
        expect.stringMatching(/Sistemas de agua.*Sistemas · A1:I595.*594 registros/),
        expect.stringMatching(/Prestadores de servicio.*Prestadores · A1:G595.*594 registros/),
      ]);
      expect(await page.getByTestId('rollup-write-hint').textContent()).toContain('El libro descargado lleva además un gráfico en cada hoja');
      await page.getByTestId('pane-scroll').evaluate((e) => e.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'rollups-es.png'), fullPage: false });

      await page.getByTestId('write-rollups').click();
      await page.getByTestId('notice').filter({ hasText: 'Hojas escritas con sus gráficos: «Cobertura», «Niveles de servicio», «Desempeño de prestadores».' }).waitFor();
      // The preview goes to the first sheet written.
      expect(await page.getByTestId('preview-selection').textContent()).toContain('Cobertura!A1');
      await page.screenshot({ path: path.join(ARTIFACTS, 'rollups-written-es.png'), fullPage: false });
      // Nothing changed in the figures: our own sheets are never read as records.
      expect((await rollupFigures(page)).households).toBe('153.228');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
      expect(download.suggestedFilename()).toBe('monitoreo-ptps-honduras-2017 (Tablero).xlsx');
      const saved = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(saved);
      const bytes = new Uint8Array(fs.readFileSync(saved));
      const wb = readXlsx(bytes);
      const original = readXlsx(new Uint8Array(fs.readFileSync(HONDURAS)));
      for (const name of ['Comunidades', 'Sistemas', 'Prestadores']) expect(sheetByName(wb.sheets, name).rows).toEqual(sheetByName(original.sheets, name).rows);
      const parts = unzipParts(bytes);
      const tableNames = [...parts.keys()].filter((k) => /^xl\/tables\/table\d+\.xml$/.test(k)).map((k) => /\bname="([^"]+)"/.exec(readText(parts, k) ?? '')?.[1]);
      // The download carries the charts Excel would draw: one per roll-up sheet.
      expect([...parts.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(3);
      const expected = {
        Cobertura: ['Tablero_Coverage_department', 'Tablero_Coverage_municipality'],
        'Niveles de servicio': ['Tablero_ServiceLevels_department', 'Tablero_ServiceLevels_municipality'],
        'Desempeño de prestadores': ['Tablero_Providers_department', 'Tablero_Providers_municipality'],
      };
      for (const [name, tables] of Object.entries(expected)) {
        const sheet = sheetByName(wb.sheets, name);
        expect([name, sheet.createdByTablero]).toEqual([name, true]);
        expect(readText(parts, sheetPartPath(parts, name) ?? '')).toMatch(/<tableParts count="2">/);
        for (const t of tables) expect(tableNames).toContain(t);
      }
      // The coverage total row: 153,228 households and water coverage as a fraction, not an average of percentages.
      const cov = sheetByName(wb.sheets, 'Cobertura');
      const total = cov.rows.find((r) => cellText(r[0]) === 'Total');
      expect(total?.slice(1, 5)).toEqual([695, 153228, 128865, expect.closeTo(0.841002, 6)]);
      expect(cov.rows.some((r) => r.some((c) => /^Fuente: hoja «Comunidades»/.test(cellText(c))))).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('shows the roll-ups in English, follows the threshold, and fits the task-pane width', async () => {
    await pane.withPage(desktop('en-US'), async ({ page, errors }) => {
      await openHonduras(page);
      const en = await rollupFigures(page);
      expect([en.households, en.water, en.sanitation, en.aboveWater]).toEqual(['153,228', '84.1%', '80.7%', '18 of 26']);
      // A record sheet in the list selects the rows it read.
      await page.locator('[data-testid="rollup-source"][data-kind="systems"]').click();
      expect(await page.getByTestId('preview-selection').textContent()).toContain('Sistemas!A1:I595');
      await page.getByTestId('threshold').fill('85');
      await page.getByText(/Areas at or above 85\.0%/).waitFor();
      expect(Number(/^(\d+) of 26$/.exec((await page.getByTestId('rollup-above-water').textContent()) ?? '')?.[1])).toBeLessThan(18);
      await page.getByTestId('threshold').fill('80');
      await page.getByTestId('rollup-above-water').filter({ hasText: '18 of 26' }).waitFor();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'rollups-en.png'), fullPage: false });
      // "Map columns", opened by hand: pre-filled with the columns recognition found.
      await page.locator('[data-testid="rollup-map-toggle"][data-kind="coverage"]').click();
      const mapper = page.locator('[data-testid="rollup-mapper"][data-kind="coverage"]');
      expect(await mapper.getByTestId('rollup-map-households').inputValue()).toBe('D');
      expect(await mapper.getByTestId('rollup-map-water').locator('option:checked').textContent()).toBe('Column E: Viviendas con agua');
      await page.getByTestId('section-rollup-map').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, 'rollups-mapper-en.png'), fullPage: false });
      await page.setViewportSize({ width: 420, height: 1500 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'rollups-narrow-en.png'), fullPage: false });
      expect(await unlabelledControls(page)).toEqual([]);
      // Nothing spills sideways at Excel's pane width.
      expect(await page.getByTestId('pane').evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('exports the Ecuador plan for donors as a download with the 36 key actions', async () => {
    await pane.withPage(desktop('es-EC'), async ({ page, errors }) => {
      await openFixtureAsOf(page, '2011-09-15');
      await page.getByTestId('export-donors').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()]);
      expect(download.suggestedFilename()).toBe('plan-de-mejora-agua-ecuador-2011 (exportación Tablero).xlsx');
      await page.getByTestId('notice').filter({ hasText: 'Exportación descargada: plan-de-mejora-agua-ecuador-2011 (exportación Tablero).xlsx' }).waitFor();
      const saved = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(saved);
      const wb = readXlsx(new Uint8Array(fs.readFileSync(saved)));
      expect(wb.sheets.map((x) => x.name)).toEqual(['Acerca de', 'Acciones clave', 'Resumen', 'Hallazgos']);
      const actions = sheetByName(wb.sheets, 'Acciones clave');
      const header = actions.rows.findIndex((r) => r.some((c) => cellText(c) === 'Acción clave'));
      const head = actions.rows[header] ?? [];
      const idCol = head.findIndex((c) => cellText(c) === 'N° de acción');
      expect(idCol).toBeGreaterThanOrEqual(0);
      const ids = actions.rows.slice(header + 1).map((r) => cellText(r[idCol])).filter(Boolean);
      expect(ids).toHaveLength(36);
      expect([ids[0], ids[35]]).toEqual(['1.1', '12.6']);
      const overdueCol = head.findIndex((c) => cellText(c) === 'Atrasada');
      expect(actions.rows.slice(header + 1).filter((r) => cellText(r[overdueCol]) === 'Sí')).toHaveLength(20);
      const about = sheetByName(wb.sheets, 'Acerca de');
      expect(about.rows.some((r) => cellText(r[1]) === 'plan-de-mejora-agua-ecuador-2011.xlsx')).toBe(true);
      // The open workbook is not changed by an export.
      expect(await page.locator('[data-testid="sheet-preview"] [role="tab"]').count()).toBe(0);
      await page.getByTestId('pane-scroll').evaluate((e) => e.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ARTIFACTS, 'export-es.png'), fullPage: false });
      expect(errors).toEqual([]);
    });
  });
});
