// `tablero export`: the standardized workbook for donors (and, with --csv, one CSV per table).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { csvFiles, exportFindings, exportWorkbook } from '../core/export';
import { catalogue, t, type Lang } from '../core/i18n';
import { writeXlsx } from '../hosts/xlsx/write';
import { writeFileAtomic } from '../hosts/xlsx/node-files';
import {
  CliExit,
  EXIT_INPUT,
  EXIT_NO_TABLE,
  EXIT_OK,
  EXIT_USAGE,
  isoDateOption,
  loadWorkbookFile,
  optionError,
  parseCommandLine,
  withHelp,
  writeOutputFile,
  type CliIO,
} from './common';

export const exportOptionsSchema = z.object({
  file: z.string().min(1),
  out: z
    .string()
    .min(1)
    .refine((s) => /\.xlsx$/i.test(s), { message: '.xlsx' }),
  asOf: isoDateOption,
  lang: z.enum(['es', 'en']),
  csv: z.string().min(1).optional(),
});
export type ExportCliOptions = z.infer<typeof exportOptionsSchema>;


export function parseExportArgs(argv: readonly string[], io: CliIO, lang: Lang): ExportCliOptions {
  const { file, values: v } = parseCommandLine(argv, lang, ['out', 'as-of', 'lang', 'csv']);
  if (v['out'] === undefined) throw new CliExit(EXIT_USAGE, t(lang, 'export', 'errOutRequired'));
  const result = exportOptionsSchema.safeParse({ file, out: v['out'], asOf: v['as-of'] ?? io.today(), lang: v['lang'] ?? lang, csv: v['csv'] });
  if (!result.success) {
    if (result.error.issues[0]?.path[0] === 'out') throw new CliExit(EXIT_USAGE, t(lang, 'export', 'errOutNotXlsx'));
    throw optionError(lang, result.error, { asOf: 'as-of' });
  }
  return result.data;
}

const packageSchema = z.object({ version: z.string().min(1) });

/** Tablero's version from package.json: ../../ from src/cli (tests) and from dist-cli/cli (the bin) alike. */
export async function tableroVersion(): Promise<string> {
  try {
    const raw = await fs.readFile(path.join(__dirname, '..', '..', 'package.json'), 'utf8');
    const parsed = packageSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.version : 'unknown';
  } catch {
    // A repackaged CLI without package.json still exports; the About sheet says the version is unknown.
    return 'unknown';
  }
}

export async function runExport(argv: readonly string[], io: CliIO): Promise<number> {
  return withHelp(argv, io, (lang) => catalogue(lang).export.usage, async (lang0) => exportCommand(parseExportArgs(argv, io, lang0), io));
}

async function exportCommand(opts: ExportCliOptions, io: CliIO): Promise<number> {
  const lang = opts.lang;
  // Refuse before reading anything: the export must never replace its input.
  if (path.resolve(opts.out) === path.resolve(opts.file)) throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errSameFile'));

  const wb = await loadWorkbookFile(opts.file, lang);
  const { sheets, check, rollup, hasContent } = exportWorkbook(wb.grid, {
    asOf: opts.asOf,
    sourceFile: path.basename(opts.file),
    generatedAt: io.today(),
    version: await tableroVersion(),
    lang,
  });
  // Neither a plan nor record sheets: an empty export would only mislead a donor.
  if (!hasContent) throw new CliExit(EXIT_NO_TABLE, t(lang, 'cli', 'errNoTable', { file: opts.file }));
  // Everything is built in memory first: a failure leaves no half-written export behind.
  const { bytes } = writeXlsx(null, sheets);
  const csvDir = opts.csv;
  const csv = csvDir !== undefined ? csvFiles(sheets) : [];
  if (csvDir !== undefined) {
    for (const f of csv) {
      if (path.resolve(csvDir, f.name) === path.resolve(opts.file)) throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errSameFile'));
    }
    try {
      await fs.mkdir(csvDir, { recursive: true });
    } catch (e) {
      throw new CliExit(EXIT_INPUT, t(lang, 'export', 'errCsvDir', { dir: csvDir, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  }

  await writeOutputFile(opts.out, opts.file, bytes, lang);
  const actions = check.tables.reduce((n, tb) => n + tb.actions.length, 0);
  const findings = exportFindings({ check, rollup }).length;
  io.out(t(lang, 'export', 'wrote', { file: opts.out, sheets: sheets.length, actions, findings }));

  if (csvDir !== undefined) {
    const encoder = new TextEncoder();
    for (const f of csv) {
      const file = path.join(csvDir, f.name);
      try {
        await writeFileAtomic(file, encoder.encode(f.text));
      } catch (e) {
        throw new CliExit(EXIT_INPUT, t(lang, 'cli', 'errWrite', { file, detail: (e as Error).message }));
      }
    }
    io.out(t(lang, 'export', 'wroteCsv', { count: csv.length, dir: csvDir }));
  }
  return EXIT_OK;
}
