// "Export for donors" in the pane: the same export as `tablero export`, built in memory, then opened
// as a new workbook where Excel can (ExcelApi 1.8), else downloaded. The open workbook is not changed.
import { resolveAsOfChoice } from '../core/as-of';
import pkg from '../../package.json';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import type { HostCapabilities, PaneHost } from '../hosts/pane-host';
import type { Engine } from './engine';
import { applyMappings, type Settings } from '../core/workbook-state';
import type { SaveFile } from './download';
import type { CheckResult } from '../core/model';
import type { RollupResult } from '../core/rollup/types';
import { exportHasContent, exportSheetKeys, exportSheetName, exportSummaryFigures, type ExportSheetKey, type SummaryFigures } from '../core/export';

/** Written in the export's About sheet. */
export const TABLERO_VERSION: string = pkg.version;

export interface DonorExport {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** False when the workbook has neither a key-action table nor a record sheet. */
  readonly hasContent: boolean;
  readonly sheets: readonly string[];
}

export interface DonorExportOptions {
  readonly settings: Settings;
  readonly asOf: string;
  readonly lang: Lang;
  readonly threshold: number;
  /** YYYY-MM-DD. */
  readonly generatedAt: string;
  /** The file name the user knows (browser mode); else the host is asked. */
  readonly sourceFile?: string;
  /** The sheets picked in the export dialog; all the content has when absent. */
  readonly sheets?: readonly ExportSheetKey[];
}

/** Characters Windows and macOS refuse in a file name. */
const BAD_FILE_CHARS = /[\\/:*?"<>|]/g;

/** "plan.xlsx" → "plan (Tablero export).xlsx" / "plan (exportación Tablero).xlsx". */
export function exportFileName(source: string, lang: Lang): string {
  const base = source.replace(/\.(xlsx|xlsm|xls|csv)$/i, '').replace(BAD_FILE_CHARS, ' ').trim() || 'Tablero';
  return `${base} ${t(lang, 'pane', 'exportFileSuffix')}.xlsx`;
}

export async function buildDonorExport(host: Pick<PaneHost, 'read' | 'workbookName'>, engine: Engine, opts: DonorExportOptions): Promise<DonorExport> {
  const grid = await host.read();
  const source = opts.sourceFile ?? (await host.workbookName?.()) ?? 'Tablero';
  const mapped = applyMappings(grid, opts.settings.columnMappings);
  const out = await engine.exportWorkbook(mapped, {
    // The pane's choice: a picked date, or autoAsOf(today) for the workbook's stated cut-off.
    asOf: resolveAsOfChoice(mapped, opts.asOf).asOf,
    sourceFile: source,
    generatedAt: opts.generatedAt,
    version: TABLERO_VERSION,
    lang: opts.lang,
    vocabulary: opts.settings.extraStatusWords,
    threshold: opts.threshold,
    map: opts.settings.rollupMap,
    bandScheme: opts.settings.bandScheme,
    sheets: opts.sheets,
  });
  const bytes = out.hasContent ? await engine.xlsxOf(out.sheets) : new Uint8Array(0);
  return { fileName: exportFileName(source, opts.lang), bytes, hasContent: out.hasContent, sheets: out.sheets.map((s) => s.name) };
}

/** The export dialog's choice: the export's language and the sheets it writes. */
export interface ExportChoice {
  readonly lang: Lang;
  readonly sheets: readonly ExportSheetKey[];
}

/** What the export dialog shows before anything is built: the sheets offered and the Summary's total row. */
export interface ExportPreview {
  readonly hasContent: boolean;
  readonly sheets: readonly { readonly key: ExportSheetKey; readonly name: string }[];
  readonly figures: SummaryFigures;
}

/** From the pane's own check and roll-up (the export computes the same from the same workbook and settings). */
export function exportPreview(check: CheckResult, rollup: RollupResult | null, lang: Lang): ExportPreview {
  const content = { check, rollup, frameworks: check.frameworks ?? null };
  return {
    hasContent: exportHasContent(content),
    sheets: exportSheetKeys(content).map((key) => ({ key, name: exportSheetName(key, lang) })),
    figures: exportSummaryFigures(check),
  };
}

export type Delivery = 'opened' | 'downloaded';

/**
 * Excel with createWorkbook: the export opens as a new workbook. Anywhere else — browser mode,
 * older Excel, or an Excel that refuses — the file is downloaded instead.
 */
export async function deliverExport(
  host: Pick<PaneHost, 'kind' | 'openWorkbook'>,
  caps: HostCapabilities | null,
  exp: DonorExport,
  save: SaveFile,
): Promise<Delivery> {
  if (host.kind === 'office' && caps?.createWorkbook && host.openWorkbook) {
    try {
      await host.openWorkbook(exp.bytes);
      return 'opened';
    } catch {
      // Refused (e.g. a pop-up blocker in Excel on the web): the download still gets the file out.
    }
  }
  save(exp.bytes, exp.fileName);
  return 'downloaded';
}
