// Messages between the page and the pane's worker (browser mode). The worker holds the workbook's
// bytes and its grid; the page holds only what it draws (see previewGrid).
import type { WorkbookGrid } from '../../core/grid';
import type { CheckResult } from '../../core/model';
import type { Lang } from '../../core/i18n';
import type { WrittenSheet } from '../../hosts/host';
import type { RollupOptions, RollupResult } from '../../core/rollup';
import type { Settings } from '../../core/workbook-state';
import type { DonorExportOptions, DonorExport } from '../export';

/** A step of long work, as the pane shows it ("Leyendo el libro… 40 %"). */
export interface Progress {
  /** Catalogue key (section "pane") of the step. */
  readonly step: 'progressUnzip' | 'progressSheets' | 'progressCheck' | 'progressRollup' | 'progressWrite' | 'progressZip';
  /** Steps done and in all. */
  readonly done: number;
  readonly total: number;
}

/** The host methods the worker runs on its BrowserHost, with their arguments. */
export interface HostCalls {
  loadSettings: [];
  saveSettings: [settings: unknown];
  capabilities: [];
  hasHighlights: [];
  highlightOverdue: [result: CheckResult];
  removeHighlights: [];
  addStatusDropdowns: [result: CheckResult, words: readonly string[]];
  convertTextDates: [changes: readonly import('../../hosts/pane-host').DateConversion[]];
  undoConvertTextDates: [];
  removeStatusDropdowns: [];
  writeActual: [w: import('../../core/framework/write-actual').ActualWrite];
  writeSheets: [sheets: readonly import('../../core/output').OutputSheet[]];
}

export type Request =
  | { op: 'open'; bytes: Uint8Array; name: string; lang: Lang }
  | { op: 'lang'; lang: Lang }
  | { op: 'host'; method: keyof HostCalls; args: unknown[] }
  | { op: 'check'; settings: Settings; asOf: string; lang: Lang; reuse: boolean }
  | { op: 'refresh'; settings: Settings; asOf: string; lang: Lang; highlight: boolean }
  | { op: 'writeRollups'; settings: Settings; asOf: string; lang: Lang; threshold: number }
  | { op: 'rollup'; opts: RollupOptions }
  | { op: 'grid' }
  | { op: 'userSheets' }
  | { op: 'bytes' }
  | { op: 'export'; opts: DonorExportOptions };

/** What a check sends back: the result, and the version of the grid it was made on. */
export interface CheckedMsg {
  /** A slim copy (what the pane draws); the worker keeps the full result under resultId. */
  readonly result: CheckResult;
  readonly resultId: number;
  readonly gridVersion: number;
}

export interface Responses {
  open: { sheets: number };
  lang: null;
  host: unknown;
  check: CheckedMsg;
  refresh: CheckedMsg & { written: WrittenSheet[]; history: import('../../core/refresh-history').RefreshEntry[]; change: import('../../core/refresh-history').RefreshEntry };
  writeRollups: CheckedMsg & { written: WrittenSheet[]; rollup: RollupResult };
  rollup: RollupResult;
  grid: { grid: WorkbookGrid; version: number };
  userSheets: string[];
  bytes: Uint8Array;
  export: DonorExport;
}

/** An error crossing to the page: enough to rebuild an XlsxReadError and say it in the user's language. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly kind?: string;
  readonly detail?: string;
  readonly where?: string;
  readonly sheet?: string;
  readonly limit?: number;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError } | { id: number; progress: Progress };

export type Envelope = { id: number; req: Request };
