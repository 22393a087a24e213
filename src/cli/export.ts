// `tablero export`: the standardized workbook for donors (and, with --csv, one CSV per table).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { resolveAsOf } from '../core/as-of';
import { EXPORT_SHEET_KEYS, csvFiles, exportFindings, exportSheetKeySchema, exportWorkbook } from '../core/export';
import { iatiResultRows, iatiResultsCsv } from '../core/framework/iati';
import { applyMappings } from '../core/workbook-state';
import { catalogue, t, type Lang } from '../core/i18n';
import { writeXlsx } from '../hosts/xlsx/write';
import { writeFileSetAtomic } from '../hosts/xlsx/node-files';
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
  checkOutputPath,
  reportWriteFindings,
  type CliIO,
} from './common';

export const exportOptionsSchema = z.object({
  file: z.string().min(1),
  out: z
    .string()
    .min(1)
    .refine((s) => /\.xlsx$/i.test(s), { message: '.xlsx' }),
  /** Absent: the workbook's stated cut-off date, else today (src/core/as-of.ts). */
  asOf: isoDateOption.optional(),
  lang: z.enum(['es', 'en']),
  csv: z.string().min(1).optional(),
  /** The IATI 2.03 results CSV (AidStream's V203 template) of the results frameworks. */
  iatiCsv: z
    .string()
    .min(1)
    .refine((s) => /\.csv$/i.test(s), { message: '.csv' })
    .optional(),
  /** Only these sheets (those the workbook has content for), as the pane's export dialog picks them. */
  sheets: z.array(exportSheetKeySchema).min(1).optional(),
});
export type ExportCliOptions = z.infer<typeof exportOptionsSchema>;


export function parseExportArgs(argv: readonly string[], io: CliIO, lang: Lang): ExportCliOptions {
  const { file, values: v } = parseCommandLine(argv, lang, ['out', 'as-of', 'lang', 'csv', 'iati-csv', 'sheets']);
  if (v['out'] === undefined) throw new CliExit(EXIT_USAGE, t(lang, 'export', 'errOutRequired'));
  const result = exportOptionsSchema.safeParse({ file, out: v['out'], asOf: v['as-of'], lang: v['lang'] ?? lang, csv: v['csv'], iatiCsv: v['iati-csv'],
    sheets: v['sheets']?.split(',').map((k) => k.trim()).filter(Boolean),
  });
  if (!result.success) {
    if (result.error.issues[0]?.path[0] === 'out') throw new CliExit(EXIT_USAGE, t(lang, 'export', 'errOutNotXlsx'));
    if (result.error.issues[0]?.path[0] === 'iatiCsv') throw new CliExit(EXIT_USAGE, t(lang, 'framework', 'errIatiCsv'));
    if (result.error.issues[0]?.path[0] === 'sheets') throw new CliExit(EXIT_USAGE, t(lang, 'export', 'errSheets', { keys: EXPORT_SHEET_KEYS.join(',') }));
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
  // Refuse before reading anything: the export must never replace its input (whatever the spelling).
  await checkOutputPath(opts.out, opts.file, lang);
  if (opts.iatiCsv !== undefined) await checkOutputPath(opts.iatiCsv, opts.file, lang);

  const wb = await loadWorkbookFile(opts.file, lang);
  // What the pane saved in the workbook (mappings, status words, roll-up map) counts as in the pane's export.
  const mapped = applyMappings(wb.grid, wb.settings.columnMappings);
  const { sheets, check, rollup, frameworks, hasContent } = exportWorkbook(mapped, {
    vocabulary: wb.settings.extraStatusWords,
    map: wb.settings.rollupMap,
    bandScheme: wb.settings.bandScheme,
    // --as-of always wins; else the cut-off the plan states; else today.
    asOf: resolveAsOf(mapped, { option: opts.asOf, today: io.today() }).asOf,
    sourceFile: path.basename(opts.file),
    generatedAt: io.today(),
    version: await tableroVersion(),
    lang,
    sheets: opts.sheets,
  });
  // Neither a plan nor record sheets: an empty export would only mislead a donor.
  if (!hasContent) throw new CliExit(EXIT_NO_TABLE, t(lang, 'cli', 'errNoTable', { file: opts.file }));
  // Everything is built in memory first: a failure leaves no half-written export behind.
  const { bytes, findings: written } = writeXlsx(null, sheets);
  const csvDir = opts.csv;
  // The CSV set goes first, completely or not at all; if the workbook then fails, the set is taken back.
  let csvSet: { commit(): Promise<void>; rollback(): Promise<void> } | null = null;
  let csvCount = 0;
  if (csvDir !== undefined) {
    const encoder = new TextEncoder();
    const csv = csvFiles(sheets).map((f) => ({ name: f.name, bytes: encoder.encode(f.text) }));
    csvCount = csv.length;
    for (const f of csv) await checkOutputPath(path.join(csvDir, f.name), opts.file, lang);
    try {
      csvSet = await writeFileSetAtomic(csvDir, csv, (target) => checkOutputPath(target, opts.file, lang));
    } catch (e) {
      if (e instanceof CliExit) throw e;
      throw new CliExit(EXIT_INPUT, t(lang, 'export', 'errCsvDir', { dir: csvDir, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
    }
  }
  try {
    await writeOutputFile(opts.out, opts.file, bytes, lang);
  } catch (e) {
    await csvSet?.rollback();
    throw e;
  }
  await csvSet?.commit();
  if (opts.iatiCsv !== undefined) {
    await writeOutputFile(opts.iatiCsv, opts.file, new TextEncoder().encode(iatiResultsCsv(frameworks)), lang);
  }
  reportWriteFindings(io, lang, written);
  const actions = check.tables.reduce((n, tb) => n + tb.actions.length, 0);
  const findings = exportFindings({ check, rollup }).length;
  io.out(t(lang, 'export', 'wrote', { file: opts.out, sheets: sheets.length, actions, findings }));
  if (csvDir !== undefined) io.out(t(lang, 'export', 'wroteCsv', { count: csvCount, dir: csvDir }));
  if (opts.iatiCsv !== undefined) io.out(t(lang, 'framework', 'wroteIati', { file: opts.iatiCsv, rows: iatiResultRows(frameworks).length }));
  return EXIT_OK;
}
