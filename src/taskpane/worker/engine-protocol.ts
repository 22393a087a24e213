// Messages between Excel's pane and its engine worker. Office.js lives in the page (every read and write
// is an Excel.run there); the engine work between those syncs runs in the worker, so a big workbook never
// freezes the pane — and with it Excel.
import type { WorkbookGrid } from '../../core/grid';

export type EngineOp = 'check' | 'seguimiento' | 'rollup' | 'rollupSheets' | 'exportWorkbook' | 'xlsxOf';

export interface EngineRequest {
  readonly id: number;
  readonly op: EngineOp;
  /** The grid the op works on, by id: sent once, then named (a roll-up after a check reuses it). */
  readonly gridId?: number;
  readonly grid?: WorkbookGrid;
  /** The op's other arguments, after the grid when it takes one. */
  readonly args: readonly unknown[];
}

export type EngineReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

/** Grids the worker keeps; the page keeps the same count of ids to know what it need not send again. */
export const KEPT_GRIDS = 2;
