// What every CLI command shares: reading the input workbook, writing outputs safely, failing cleanly.
import * as path from 'node:path';
import type { WorkbookGrid } from '../core/grid';
import { t, type Lang } from '../core/i18n';
import { readXlsx, XlsxReadError } from '../hosts/xlsx/read';
import { readFileBytes, writeFileAtomic } from '../hosts/xlsx/node-files';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Today's date (YYYY-MM-DD) where the user is: the default as-of date. */
  today(): string;
}

/** Exit codes: 0 the command ran (findings or not), 2 bad usage, 3 the input cannot be read or the output written, 4 no table. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_INPUT = 3;
/** The workbook was read but holds no key-action table. */
export const EXIT_NO_TABLE = 4;

/** A clean stop: `message` is already in the user's language and goes to stderr as one line. */
export class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export interface LoadedWorkbook {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly grid: WorkbookGrid;
}

export async function loadWorkbookFile(file: string, lang: Lang, opts: { sheets?: readonly string[] } = {}): Promise<LoadedWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliExit(EXIT_INPUT, t(lang, 'cli', 'errNotFound', { file }));
    if (code === 'EISDIR') throw new CliExit(EXIT_INPUT, t(lang, 'cli', 'errNotXlsx', { file }));
    throw new CliExit(EXIT_INPUT, t(lang, 'cli', 'errCorrupt', { file, detail: code ?? 'read error' }));
  }
  try {
    const grid = readXlsx(bytes, opts.sheets ? { sheets: opts.sheets } : undefined);
    return { file, bytes, grid };
  } catch (e) {
    throw new CliExit(EXIT_INPUT, readErrorMessage(e, file, lang));
  }
}

export function readErrorMessage(e: unknown, file: string, lang: Lang): string {
  if (e instanceof XlsxReadError) {
    switch (e.kind) {
      case 'empty':
        return t(lang, 'cli', 'errEmpty', { file });
      case 'not_xlsx':
        return t(lang, 'cli', 'errNotXlsx', { file });
      case 'encrypted':
        return t(lang, 'cli', 'errEncrypted', { file });
      case 'old_xls':
        return t(lang, 'cli', 'errOldXls', { file });
      case 'corrupt':
        return t(lang, 'cli', 'errCorrupt', { file, detail: e.detail });
    }
  }
  return t(lang, 'cli', 'errCorrupt', { file, detail: e instanceof Error ? e.message : String(e) });
}

/** Writes a new file completely or not at all, and never over the input. */
export async function writeOutputFile(out: string, input: string, bytes: Uint8Array, lang: Lang): Promise<void> {
  if (path.resolve(out) === path.resolve(input)) throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errSameFile'));
  try {
    await writeFileAtomic(out, bytes);
  } catch (e) {
    throw new CliExit(EXIT_INPUT, t(lang, 'cli', 'errWrite', { file: out, detail: (e as Error).message }));
  }
}
