// The one interface every host implements: the pane, the ribbon command and the CLI talk to this.
import type { WorkbookGrid } from '../core/grid';
import type { OutputSheet } from '../core/output';

export interface WrittenSheet {
  /** The name requested (e.g. "Seguimiento"). */
  readonly requested: string;
  /** The name used: the same, or "Seguimiento (2)" when a user sheet already had the name. */
  readonly name: string;
  /** Sheets with charts (roll-ups): whether they were drawn (absent on sheets without one). */
  readonly chart?: 'added' | 'failed';
}

export interface WorkbookHost {
  /** Reads every sheet as a plain grid (values, date cells, merges, hidden rows, Tablero's mark). */
  read(): Promise<WorkbookGrid>;
  /**
   * Writes Tablero's sheets as Excel tables and marks them as ours. A sheet of that name that we
   * created is replaced; one the user owns is left alone and ours gets a free name.
   */
  writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]>;
}
