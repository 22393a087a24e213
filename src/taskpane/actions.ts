// What the pane's buttons do, without React. "Check" and "Refresh status" are the workflow the ribbon
// command runs too (src/workflow/refresh.ts); the pane's Engine object is passed as its engine.
// A host that runs the engine itself, off the page's thread (browser mode's worker), gets the same
// steps done where the workbook is: see OffThreadEngine.
import type { WorkbookGrid } from '../core/grid';
import type { Lang } from '../core/i18n';
import type { RollupOptions } from '../core/rollup';
import type { RollupResult } from '../core/rollup/types';
import type { Settings } from '../core/workbook-state';
import type { WrittenSheet } from '../hosts/host';
import type { RefreshEntry } from '../core/refresh-history';
import type { PaneHost } from '../hosts/pane-host';
import { checkHost as checkWorkflow, refreshStatus as refreshWorkflow, type Checked, type RefreshOptions } from '../workflow/refresh';
import type { Engine } from './engine';
import { buildDonorExport, type DonorExport, type DonorExportOptions } from './export';

export type { Checked } from '../workflow/refresh';

export interface OffThreadEngine {
  check(settings: Settings, asOf: string, lang: Lang, reuse: boolean): Promise<Checked>;
  refresh(settings: Settings, asOf: string, lang: Lang, highlight: boolean): Promise<Checked & { written: WrittenSheet[]; history: RefreshEntry[]; change: RefreshEntry }>;
  writeRollups(settings: Settings, asOf: string, lang: Lang, threshold: number): Promise<Checked & { written: WrittenSheet[]; rollup: RollupResult }>;
  rollup(opts: RollupOptions): Promise<RollupResult>;
  /** Names of the sheets that are the user's (not written by Tablero), without their rows. */
  userSheets(): Promise<string[]>;
  donorExport(opts: DonorExportOptions): Promise<DonorExport>;
}

/** The host's own engine when it runs one; null: the pane runs the engine. */
export function offThread(host: object): OffThreadEngine | null {
  return 'offThread' in host ? ((host as { offThread?: OffThreadEngine }).offThread ?? null) : null;
}

/** Reads the workbook (or reuses a grid just read, e.g. when only the as-of date changed) and checks it. */
export function checkHost(host: Pick<PaneHost, 'read'>, engine: Engine, settings: Settings, asOf: string, lang: Lang, reuse?: WorkbookGrid): Promise<Checked> {
  const off = offThread(host);
  return off ? off.check(settings, asOf, lang, reuse !== undefined) : checkWorkflow(host, engine, settings, asOf, lang, reuse);
}

/** Checks again and writes the Seguimiento sheet (the ribbon's "Refresh status"), then the highlights when asked. */
export function refreshStatus(
  host: Pick<PaneHost, 'read' | 'writeSheets' | 'highlightOverdue'>,
  engine: Engine,
  settings: Settings,
  asOf: string,
  lang: Lang,
  opts: RefreshOptions = {},
): Promise<Checked & { written: WrittenSheet[]; history: RefreshEntry[]; change: RefreshEntry }> {
  const off = offThread(host);
  return off ? off.refresh(settings, asOf, lang, opts.highlight ?? false) : refreshWorkflow(host, engine, settings, asOf, lang, opts);
}

/** The roll-up of a grid (or of the workbook, where the host runs the engine). */
export function rollupOf(host: object, engine: Engine, grid: WorkbookGrid, opts: RollupOptions): Promise<RollupResult> | RollupResult {
  const off = offThread(host);
  return off ? off.rollup(opts) : engine.rollup(grid, opts);
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
  const off = offThread(host);
  if (off) return off.writeRollups(settings, asOf, lang, threshold);
  const before = await host.read();
  const rollup = await engine.rollup(before, { lang, threshold, map: settings.rollupMap });
  const sheets = await engine.rollupSheets(rollup, lang);
  const written = sheets.length ? await host.writeSheets(sheets) : [];
  const checked = await checkWorkflow(host, engine, settings, asOf, lang);
  return { ...checked, written, rollup };
}

/** The donor export, built where the workbook is. */
export function donorExport(host: Pick<PaneHost, 'read' | 'workbookName'>, engine: Engine, opts: DonorExportOptions): Promise<DonorExport> {
  const off = offThread(host);
  return off ? off.donorExport(opts) : buildDonorExport(host, engine, opts);
}
