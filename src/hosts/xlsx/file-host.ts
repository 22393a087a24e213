// A WorkbookHost over .xlsx bytes held in memory: the CLI (bytes from a file) and the pane outside
// Office (bytes from a file picker) both use it. No Node APIs.
import type { WorkbookGrid } from '../../core/grid';
import type { OutputSheet } from '../../core/output';
import type { WorkbookHost, WrittenSheet } from '../host';
import { readXlsx, type ReadOptions } from './read';
import { writeXlsx, type WriteOptions } from './write';

export class XlsxHost implements WorkbookHost {
  private current: Uint8Array;
  private grid: WorkbookGrid | null = null;
  private written = false;

  /** `bytes` are not copied: the caller must not change them afterwards. */
  constructor(bytes: Uint8Array, private readonly opts: ReadOptions & WriteOptions = {}) {
    this.current = bytes;
  }

  /** The workbook as plain grids (read once; read again after our sheets were written). Throws XlsxReadError. */
  async read(): Promise<WorkbookGrid> {
    if (!this.grid) this.grid = readXlsx(this.current, this.opts.sheets ? { sheets: this.opts.sheets } : {});
    return this.grid;
  }

  /** Adds (or replaces) Tablero's sheets in the in-memory workbook; see writeXlsx. */
  async writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]> {
    const { bytes, written } = writeXlsx(this.current, sheets, this.opts.level !== undefined ? { level: this.opts.level } : {});
    this.current = bytes;
    this.grid = null;
    this.written = true;
    return written;
  }

  /** The resulting workbook: the original bytes until something was written. */
  bytes(): Uint8Array {
    return this.current;
  }

  /** True once writeSheets has run. */
  get changed(): boolean {
    return this.written;
  }
}
