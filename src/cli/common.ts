// What every CLI command shares: reading the input workbook, writing outputs safely, failing cleanly.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseISO } from '../core/dates';
import type { WorkbookGrid } from '../core/grid';
import { findingMessage, parseLang, t, type Lang } from '../core/i18n';
import type { Finding } from '../core/findings';
import { readXlsx } from '../hosts/xlsx/read';
import { readErrorText } from '../hosts/xlsx/read-error';
import { outputTarget, readFileBytes, sameFile, writeFileAtomic } from '../hosts/xlsx/node-files';
import { readSavedSettings } from '../hosts/xlsx/settings-part';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../core/workbook-state';

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
  /** What the pane saved in the workbook (column mappings, status words, roll-up map); defaults when none. */
  readonly settings: Settings;
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
    return { file, bytes, grid, settings: savedSettings(bytes) };
  } catch (e) {
    throw new CliExit(EXIT_INPUT, readErrorMessage(e, file, lang));
  }
}

/** The settings saved in the workbook; an unreadable part counts as none, as in the pane. */
function savedSettings(bytes: Uint8Array): Settings {
  try {
    return parseSettings(readSavedSettings(bytes)).settings;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function readErrorMessage(e: unknown, file: string, lang: Lang): string {
  return readErrorText(e, file, lang);
}

/**
 * Refuses an output that is the input under another spelling (symlink, "dirlink/../input", hard link:
 * compared by device and inode), or that is itself a symlink, a device, a FIFO or a folder.
 */
export async function checkOutputPath(out: string, input: string, lang: Lang): Promise<void> {
  if (path.resolve(out) === path.resolve(input) || (await sameFile(out, input))) throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errSameFile'));
  let target;
  try {
    target = await outputTarget(out);
  } catch (e) {
    throw new CliExit(EXIT_INPUT, t(lang, 'cli', 'errWrite', { file: out, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  if (target.kind === 'symlink' || target.kind === 'special' || target.kind === 'directory') {
    throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errOutNotFile', { file: out }));
  }
}

/** Writes a new file completely or not at all, and never over the input. */
export async function writeOutputFile(out: string, input: string, bytes: Uint8Array, lang: Lang): Promise<void> {
  await checkOutputPath(out, input, lang);
  try {
    await writeFileAtomic(out, bytes);
  } catch (e) {
    throw new CliExit(EXIT_INPUT, t(lang, 'cli', 'errWrite', { file: out, detail: (e as Error).message }));
  }
}

/** What the writer could not keep as it was (text_truncated…): one warning line each on stderr. */
export function reportWriteFindings(io: CliIO, lang: Lang, findings: readonly Finding[]): void {
  for (const f of findings) io.err(`${f.sheet ?? ''}!${f.cell ?? ''}: ${findingMessage(f, lang)}`);
}

/**
 * A reader that stops early (`tablero … | head -1`) closes the pipe, and the next write fails with EPIPE:
 * that is the reader's choice, not an error, so the command ends there quietly (no stack trace).
 */
export function endQuietlyOnBrokenPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (e: NodeJS.ErrnoException) => exit(e.code === 'EPIPE' ? EXIT_OK : 1));
}

/** The user's language before options are validated: --lang, else LC_ALL / LC_MESSAGES / LANG, else Spanish. */
export function guessLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromArg = i >= 0 ? (argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1]) : undefined;
  return parseLang(fromArg) ?? parseLang(env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG']) ?? 'es';
}

/** --help inside a command: it prints its usage and exits 0. */
export class HelpRequested extends Error {}

export interface CommandLine {
  /** The one positional argument: the workbook. */
  readonly file: string;
  /** String options as typed (validated by each command's zod schema). */
  readonly values: Readonly<Record<string, string | undefined>>;
}

/** Parses `<workbook.xlsx> --name value …` with string options; unknown options and a missing workbook are usage errors. */
export function parseCommandLine(argv: readonly string[], lang: Lang, names: readonly string[]): CommandLine {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const n of names) options[n] = { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (e) {
    throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errBadOption', { detail: (e as Error).message }));
  }
  if (parsed.values['help']) throw new HelpRequested();
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length) throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errMissingFile'));
  const values: Record<string, string | undefined> = {};
  for (const n of names) {
    const v = parsed.values[n];
    values[n] = typeof v === 'string' ? v : undefined;
  }
  return { file, values };
}

/** The first zod issue as a usage error naming the option as typed (`--as-of`, not `asOf`). */
export function optionError(lang: Lang, error: z.ZodError, optionNames: Readonly<Record<string, string>> = {}): CliExit {
  const issue = error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const detail = issue ? `--${optionNames[key] ?? key}: ${issue.message}` : 'options';
  return new CliExit(EXIT_USAGE, t(lang, 'cli', 'errBadOption', { detail }));
}

/** Runs a command body, answering --help with the command's usage. */
export async function withHelp(argv: readonly string[], io: CliIO, usage: (lang: Lang) => string, body: (lang: Lang) => Promise<number>): Promise<number> {
  const lang = guessLang(argv);
  try {
    return await body(lang);
  } catch (e) {
    if (!(e instanceof HelpRequested)) throw e;
    io.out(usage(lang));
    return EXIT_OK;
  }
}

/** Reads and parses a JSON file the user points at (vocabulary, column map); `fail(detail)` builds the error. */
export async function readJsonFile(file: string, lang: Lang, fail: (detail: string) => CliExit): Promise<unknown> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errNotFound', { file }));
    throw fail(code ?? 'read error');
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (e) {
    throw fail((e as Error).message);
  }
}

/** An --as-of value: a real day written YYYY-MM-DD. */
export const isoDateOption = z.string().refine((s) => parseISO(s) !== null, { message: 'YYYY-MM-DD' });
