// What the task pane needs from a workbook beyond reading and writing Tablero's sheets.
// Implemented by the Office host (Excel.run) and by the browser host (an in-memory .xlsx).
import type { WorkbookHost } from './host';
import type { CheckResult } from '../core/model';
import type { DateConversion } from '../core/workbook-state';
import type { ActualWrite } from '../core/framework/write-actual';

export type { DateConversion };

export interface HostCapabilities {
  /** Worksheet custom properties (ExcelApi 1.12) to mark our sheets; else a hidden registry sheet. */
  readonly customProperties: boolean;
  readonly conditionalFormats: boolean;
  readonly dataValidation: boolean;
  /** Excel.createWorkbook (open an export as a new workbook). */
  readonly createWorkbook: boolean;
  /** Catalogue keys (section "pane") of notes to show for features that degrade on this host. */
  readonly notes: readonly string[];
}

export interface PaneHost extends WorkbookHost {
  readonly kind: 'office' | 'browser';
  capabilities(): Promise<HostCapabilities>;
  /** Selects a cell or a row range (e.g. "A14:G14") in the sheet. */
  select(sheet: string, address: string): Promise<void>;
  /** Conditional formats on the action rows (formula-based where deadlines are real dates). */
  highlightOverdue(result: CheckResult): Promise<void>;
  removeHighlights(): Promise<void>;
  /**
   * List validation on each status column: canonical words plus the variants already in use. Cells
   * under a validation of the user's are left alone. The ranges that got ours are recorded in our
   * sheet (src/core/workbook-state/dropdown-record.ts); resolves to their number where the host says.
   */
  addStatusDropdowns(result: CheckResult, words: readonly string[]): Promise<number | void>;
  /** Removes exactly the dropdowns Tablero added (the recorded ranges still holding ours); resolves to how many ranges. */
  removeStatusDropdowns(): Promise<number>;
  /**
   * Writes one figure from the records into the user's cell, asked for in the pane (Results tab): only
   * while the cell still holds what the check saw. Resolves false when it was left alone.
   */
  writeActual(w: ActualWrite): Promise<boolean>;
  /** Writes real dates; the original texts are kept in Tablero's sheet so undo can restore them. */
  convertTextDates(changes: readonly DateConversion[]): Promise<void>;
  undoConvertTextDates(): Promise<void>;
  /** Settings saved with the workbook (raw; the caller validates with zod). */
  loadSettings(): Promise<unknown>;
  saveSettings(settings: unknown): Promise<void>;
  /** The workbook's file name when the host knows it (the donor export is named after it). */
  workbookName?(): Promise<string | null>;
  /** Opens an .xlsx as a new workbook (Excel.createWorkbook); only where capabilities().createWorkbook. */
  openWorkbook?(bytes: Uint8Array): Promise<void>;
}
