// Results-framework bands highlighted in the user's sheet: the rules (which cells, which look), written
// by the browser host into the .xlsx (conditionalFormatting + dxfs, read back), by the Office host on the
// fake Excel, and refreshed by the ribbon's Refresh status with the band scheme saved in the workbook;
// all removed by the one "remove highlights". No value of the user's cells changes.
import * as fs from 'fs';
import { checkWorkbook } from '../../src/core/check';
import { BAND_LOOK, frameworkBandRules, schemeBands } from '../../src/core/framework/highlight';
import { indicadoresSheet, ipttSheet } from '../../src/core/framework/sheets';
import { planSheet } from '../../src/core/sheet-plan';
import { CF_MARKER, DEFAULT_SETTINGS } from '../../src/core/workbook-state';
import { BrowserHost } from '../../src/hosts/browser';
import { OfficeHost } from '../../src/hosts/office';
import { readText, sheetPartPath, unzipParts } from '../../src/hosts/xlsx/edit';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { refreshStatus } from '../../src/commands/refresh';
import { fakeFromGrid, xlsxGrid } from '../office/workbooks';
import { HONDURAS_FRAMEWORK } from '../fixtures';

const AS_OF = '2018-02-15';
const SHEET = 'Marco de resultados';
const rule = (band: string, sqref: string) => ({
  sheet: SHEET,
  sqref,
  formula: `AND(${CF_MARKER},N("band:${band}")=0)`,
  look: { fill: BAND_LOOK[band as keyof typeof BAND_LOOK].fill, font: BAND_LOOK[band as keyof typeof BAND_LOOK].font },
});
const honduras = () => readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK)));

describe('the band rules', () => {
  it("light up each indicator's text and its latest ended actual, one rule per band (Honduras, TolaData's ±15%)", () => {
    const result = checkWorkbook(honduras(), { asOf: AS_OF });
    expect(frameworkBandRules(result.frameworks)).toEqual([
      rule('on_track', 'B7:B9 B12:B13 B16 B21 B24 L7:L9 L12:L13 L16 L21 L24'),
      rule('under', 'B10 B17:B18 B23 L10 L17:L18 L23'),
      rule('over', 'B14 L14'),
      rule('no_data', 'B20 B25 L20 L25'),
    ]);
  });

  it('follow the semáforo: its at_risk band gets a rule of its own', () => {
    const result = checkWorkbook(honduras(), { asOf: AS_OF, bandScheme: 'semaforo' });
    expect(frameworkBandRules(result.frameworks).map((r) => [r.formula.match(/band:(\w+)/)?.[1], r.sqref])).toEqual([
      ['on_track', 'B7 B12 B16 B21 L7 L12 L16 L21'],
      ['at_risk', 'B8:B9 B13 B24 L8:L9 L13 L24'],
      ['under', 'B10 B17:B18 B23 L10 L17:L18 L23'],
      ['over', 'B14 L14'],
      ['no_data', 'B20 B25 L20 L25'],
    ]);
  });

  it('light nothing up while no period has ended (nothing is due yet)', () => {
    const result = checkWorkbook(honduras(), { asOf: '2015-06-30' });
    expect(result.frameworks?.frameworks[0]?.latestEndedPeriod).toBeNull();
    expect(frameworkBandRules(result.frameworks)).toEqual([]);
    expect(frameworkBandRules(undefined)).toEqual([]);
  });

  it('each band its own look, light fill and dark text; at risk only under the semáforo', () => {
    const fills = Object.values(BAND_LOOK).map((l) => l.fill);
    expect(new Set(fills).size).toBe(5);
    expect(schemeBands('toladata')).toEqual(['on_track', 'under', 'over', 'no_data']);
    expect(schemeBands('semaforo')).toEqual(['on_track', 'at_risk', 'under', 'over', 'no_data']);
    // Light fills (each channel ≥ 0xAF) under dark text (each channel ≤ 0x8A): readable whatever the hue.
    for (const l of Object.values(BAND_LOOK)) {
      expect(Math.min(...[0, 2, 4].map((i) => parseInt(l.fill.slice(i, i + 2), 16)))).toBeGreaterThanOrEqual(0xaf);
      expect(Math.max(...[0, 2, 4].map((i) => parseInt(l.font.slice(i, i + 2), 16)))).toBeLessThanOrEqual(0x8a);
    }
  });
});

describe('the browser host (the .xlsx written and read back)', () => {
  const partsOf = (bytes: Uint8Array) => {
    const parts = unzipParts(bytes);
    return { sheet: readText(parts, sheetPartPath(parts, SHEET) ?? '') ?? '', styles: readText(parts, parts.stylesPath() ?? 'xl/styles.xml') ?? '' };
  };

  it('writes one marked conditional format per band with its own dxf, keeps every value, and removes them all', async () => {
    const original = new Uint8Array(fs.readFileSync(HONDURAS_FRAMEWORK));
    const host = new BrowserHost(original, 'marco.xlsx', { lang: 'es', today: () => AS_OF });
    const result = checkWorkbook(await host.read(), { asOf: AS_OF, bandScheme: 'semaforo' });
    await host.highlightOverdue(result);
    const { sheet, styles } = partsOf(host.currentBytes());
    const dxfs = [...(/<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map((m) => m[1]);
    const rules = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule type="expression" dxfId="(\d+)" priority="\d+"><formula>([^<]+)<\/formula>/g)].map((m) => {
      const dxf = dxfs[Number(m[2])] ?? '';
      return [m[1], m[3]?.replace(/&quot;/g, '"'), /<color rgb="FF(\w{6})"/.exec(dxf)?.[1], /<bgColor rgb="FF(\w{6})"/.exec(dxf)?.[1]];
    });
    expect(rules).toEqual(
      (['on_track', 'at_risk', 'under', 'over', 'no_data'] as const).map((b, i) => [
        ['B7 B12 B16 B21 L7 L12 L16 L21', 'B8:B9 B13 B24 L8:L9 L13 L24', 'B10 B17:B18 B23 L10 L17:L18 L23', 'B14 L14', 'B20 B25 L20 L25'][i],
        `AND(${CF_MARKER},N("band:${b}")=0)`,
        BAND_LOOK[b].font,
        BAND_LOOK[b].fill,
      ]),
    );
    // Formats only: every cell of every sheet reads as before.
    const before = readXlsx(original);
    const after = readXlsx(host.currentBytes());
    expect(after.sheets.map((s) => s.rows)).toEqual(before.sheets.map((s) => s.rows));

    // Highlighting again replaces our rules and reuses the dxfs.
    await host.highlightOverdue(result);
    const again = partsOf(host.currentBytes());
    expect(again.sheet.match(/<conditionalFormatting /g)).toHaveLength(5);
    expect(again.styles).toBe(styles);

    await host.removeHighlights();
    expect(partsOf(host.currentBytes()).sheet).not.toContain('conditionalFormatting');
    expect(await host.hasHighlights()).toBe(false);
  });
});

describe('the Office host (a fake Excel) and the ribbon', () => {
  const LATEST = (name: string, v?: string) => name === 'ExcelApi' && Number(v?.split('.')[1]) <= 17;
  const ours = (cfs: { id: string; formula: string; fill?: string; fontColor?: string; boxes: { r0: number; c0: number; r1: number; c1: number }[] }[]) =>
    cfs
      .filter((c) => c.id.startsWith('{cf'))
      .map((c) => [c.formula.match(/band:(\w+)/)?.[1], c.fill, c.fontColor, c.boxes.length])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

  it('adds one custom format per band, in its colours, and removes them with the other highlights', async () => {
    const wb = fakeFromGrid(xlsxGrid(HONDURAS_FRAMEWORK));
    const host = new OfficeHost({ run: wb.run, isSetSupported: LATEST, today: () => AS_OF, lang: 'es' });
    const before = wb.sheet(SHEET).valuesOf('A1:S25');
    const result = checkWorkbook(await host.read(), { asOf: AS_OF });
    await host.highlightOverdue(result);
    const look = (b: keyof typeof BAND_LOOK) => [`#${BAND_LOOK[b].fill}`, `#${BAND_LOOK[b].font}`];
    expect(ours(wb.sheet(SHEET).cfs)).toEqual([
      ['no_data', ...look('no_data'), 4],
      ['on_track', ...look('on_track'), 10],
      ['over', ...look('over'), 2],
      ['under', ...look('under'), 6],
    ]);
    expect(wb.sheet(SHEET).cfs.every((c) => c.formula.startsWith(`=AND(${CF_MARKER},N("band:`))).toBe(true);
    expect(wb.sheet(SHEET).valuesOf('A1:S25')).toEqual(before);
    await host.removeHighlights();
    expect(wb.sheet(SHEET).cfs).toEqual([]);
  });

  it("Refresh status (the ribbon) rewrites the bands with the workbook's saved semáforo, without doubling", async () => {
    const wb = fakeFromGrid(xlsxGrid(HONDURAS_FRAMEWORK));
    const host = new OfficeHost({ run: wb.run, isSetSupported: LATEST, today: () => AS_OF });
    const done = { calls: 0, completed() { done.calls++; } };
    expect(await refreshStatus({ host, today: () => AS_OF, displayLanguage: 'es-HN' }, done)).toMatchObject({ ok: true });
    expect(ours(wb.sheet(SHEET).cfs).map((r) => r[0])).toEqual(['no_data', 'on_track', 'over', 'under']);

    await host.saveSettings({ ...DEFAULT_SETTINGS, bandScheme: 'semaforo' });
    await refreshStatus({ host, today: () => AS_OF }, done);
    await refreshStatus({ host, today: () => AS_OF }, done);
    expect(done.calls).toBe(3);
    const atRisk = wb.sheet(SHEET).cfs.filter((c) => c.formula.includes('band:at_risk'));
    expect(atRisk.map((c) => [c.fill, c.fontColor])).toEqual([[`#${BAND_LOOK.at_risk.fill}`, `#${BAND_LOOK.at_risk.font}`]]);
    // B8:B9, B13, B24 and their 2017 actuals L8:L9, L13, L24 (1-based rows).
    expect(atRisk[0]?.boxes.map((b) => [b.r0 + 1, b.c0, b.r1 + 1])).toEqual([[8, 1, 9], [13, 1, 13], [24, 1, 24], [8, 11, 9], [13, 11, 13], [24, 11, 24]]);
    expect(ours(wb.sheet(SHEET).cfs)).toHaveLength(5);
    await host.removeHighlights();
    expect(wb.sheet(SHEET).cfs).toEqual([]);
  });
});

describe('the Indicadores and IPTT sheets colour % met as the bands do', () => {
  it.each(['toladata', 'semaforo'] as const)('every quantitative indicator’s %% met fill is its band’s look (%s)', (scheme) => {
    const result = checkWorkbook(honduras(), { asOf: AS_OF, bandScheme: scheme });
    const fw = result.frameworks!;
    for (const sheet of [indicadoresSheet(fw, 'es'), ipttSheet(fw, 'en')]) {
      const table = planSheet(sheet).tables[0]!;
      const met = table.columns.find((c) => c.bands.length > 0)!;
      const colour = (v: number) => met.bands.find((b) => v >= b.atLeast)?.color ?? null;
      const seen = fw.frameworks[0]!.indicators.filter((i) => i.percentMet !== null).map((i) => [i.id, colour(i.percentMet!)]);
      const want = fw.frameworks[0]!.indicators.filter((i) => i.percentMet !== null).map((i) => [i.id, BAND_LOOK[i.band].fill]);
      expect(seen).toEqual(want);
      expect(seen.length).toBeGreaterThan(10);
    }
  });

  it.each([
    [1.15, 'on_track'],
    [1.1500001, 'over'],
    [0.85, 'on_track'],
    [0.8499, 'under'],
    [-0.4, 'under'],
  ] as const)('TolaData: %s is coloured %s (the rule decides on the unrounded value, ends included)', (v, band) => {
    const fw = checkWorkbook(honduras(), { asOf: AS_OF }).frameworks!;
    const met = planSheet(indicadoresSheet(fw, 'es')).tables[0]!.columns.find((c) => c.bands.length > 0)!;
    expect(met.bands.find((b) => v >= b.atLeast)?.color).toBe(BAND_LOOK[band].fill);
  });
});
