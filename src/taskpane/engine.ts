// The engine functions the pane uses, passed to <App> as one object so tests can see the wiring.
import type { AsOfSource } from '../core/as-of';
import type { WorkbookGrid } from '../core/grid';
import type { CheckResult } from '../core/model';
import type { OutputSheet } from '../core/output';
import type { Lang } from '../core/i18n';
import type { StatusVocabulary } from '../core/vocab/status';
import type { BandScheme } from '../core/framework/model';
import { checkWorkbook } from '../core/check';
import { seguimientoSheet } from '../core/seguimiento';
import { leadOrganisation } from '../core/responsible';
import { rollupSheets, rollupWorkbook, type RollupOptions, type RollupResult } from '../core/rollup';
import { exportWorkbook, type WorkbookExport } from '../core/export';
import { writeXlsx } from '../hosts/xlsx/write';

export interface EngineCheckOptions {
  readonly asOf: string;
  /** Where asOf came from (the workbook's stated cut-off adds a finding saying so). */
  readonly asOfSource?: AsOfSource;
  readonly vocabulary?: StatusVocabulary;
  readonly lang?: Lang;
  /** Results frameworks' bands (the saved setting); absent: TolaData's ±15%. */
  readonly bandScheme?: BandScheme;
}

/** A value now (the engine in the page) or later (the engine in a worker: Excel's pane). */
export type Later<T> = T | Promise<T>;

export interface Engine {
  check(wb: WorkbookGrid, opts: EngineCheckOptions): Later<CheckResult>;
  seguimiento(result: CheckResult, lang: Lang): Later<OutputSheet>;
  /** Drawn on every overdue card: always in the page (a few string operations). */
  leadOrganisation(responsible: string | null): string | null;
  rollup(wb: WorkbookGrid, opts: RollupOptions): Later<RollupResult>;
  rollupSheets(result: RollupResult, lang: Lang): Later<OutputSheet[]>;
  exportWorkbook(wb: WorkbookGrid, opts: Parameters<typeof exportWorkbook>[1]): Later<WorkbookExport>;
  /** A new .xlsx holding these sheets (the donor export's file), zipped where the engine runs. */
  xlsxOf(sheets: readonly OutputSheet[]): Later<Uint8Array>;
  /** True when results come later (a worker): the pane never computes them while drawing. */
  readonly offPage?: boolean;
}

/** The engine run where it is called: results now (the page in browser tests, the workers themselves). */
export interface NowEngine extends Engine {
  check(wb: WorkbookGrid, opts: EngineCheckOptions): CheckResult;
  seguimiento(result: CheckResult, lang: Lang): OutputSheet;
  rollup(wb: WorkbookGrid, opts: RollupOptions): RollupResult;
  rollupSheets(result: RollupResult, lang: Lang): OutputSheet[];
  exportWorkbook(wb: WorkbookGrid, opts: Parameters<typeof exportWorkbook>[1]): WorkbookExport;
  xlsxOf(sheets: readonly OutputSheet[]): Uint8Array;
}

export const engine: NowEngine = {
  check: (wb, opts) => checkWorkbook(wb, opts),
  seguimiento: (result, lang) => seguimientoSheet(result, lang),
  leadOrganisation: (responsible) => leadOrganisation(responsible),
  rollup: (wb, opts) => rollupWorkbook(wb, opts),
  rollupSheets: (result, lang) => rollupSheets(result, lang),
  exportWorkbook: (wb, opts) => exportWorkbook(wb, opts),
  xlsxOf: (sheets) => writeXlsx(null, sheets).bytes,
};
