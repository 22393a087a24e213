// What "check" and "Refresh status" do, without React: the pane uses these, the ribbon command can too.
import type { WorkbookGrid } from '../core/grid';
import type { CheckResult } from '../core/model';
import type { Lang } from '../core/i18n';
import type { RollupResult } from '../core/rollup/types';
import type { WrittenSheet } from '../hosts/host';
import type { PaneHost } from '../hosts/pane-host';
import type { Engine } from './engine';
import { applyMappings } from './mapping';
import type { Settings } from './settings';

export interface Checked {
  readonly grid: WorkbookGrid;
  readonly result: CheckResult;
}

/** Reads the workbook (or reuses a grid just read, e.g. when only the as-of date changed) and checks it. */
export async function checkHost(
  host: Pick<PaneHost, 'read'>,
  engine: Engine,
  settings: Settings,
  asOf: string,
  lang: Lang,
  reuse?: WorkbookGrid,
): Promise<Checked> {
  const grid = reuse ?? (await host.read());
  // Let the page paint the progress indicator before the (synchronous) check runs.
  await new Promise((r) => setTimeout(r, 0));
  const result = engine.check(applyMappings(grid, settings.columnMappings), { asOf, vocabulary: settings.extraStatusWords, lang });
  return { grid, result };
}

/** Checks again and writes the Seguimiento sheet (the ribbon's "Refresh status"). */
export async function refreshStatus(
  host: Pick<PaneHost, 'read' | 'writeSheets'>,
  engine: Engine,
  settings: Settings,
  asOf: string,
  lang: Lang,
): Promise<Checked & { written: WrittenSheet[] }> {
  const checked = await checkHost(host, engine, settings, asOf, lang);
  const written = await host.writeSheets([engine.seguimiento(checked.result, lang)]);
  return { ...checked, written };
}

/** Rolls up the workbook as it is now, writes the roll-up sheets, and checks again (they show in the grid). */
export async function writeRollups(
  host: Pick<PaneHost, 'read' | 'writeSheets'>,
  engine: Engine,
  settings: Settings,
  asOf: string,
  lang: Lang,
  threshold: number,
): Promise<Checked & { written: WrittenSheet[]; rollup: RollupResult }> {
  const before = await host.read();
  const rollup = engine.rollup(before, { lang, threshold, map: settings.rollupMap });
  const sheets = engine.rollupSheets(rollup, lang);
  const written = sheets.length ? await host.writeSheets(sheets) : [];
  const checked = await checkHost(host, engine, settings, asOf, lang);
  return { ...checked, written, rollup };
}
