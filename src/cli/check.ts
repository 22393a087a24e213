// `tablero check`: recognise improvement plans, validate deadlines and statuses, list overdue actions.
import { z } from 'zod';
import { resolveAsOf, type AsOfSource } from '../core/as-of';
import { calendarText, calendarTrackingSheets } from '../core/calendar/report';
import { checkWorkbook } from '../core/check';
import { frameworksJson } from '../core/framework/json';
import { indicadoresSheets } from '../core/framework/sheets';
import { frameworkLines } from './framework-text';
import { applyMappings, mergeVocabularies } from '../core/workbook-state';
import { findingJson } from '../core/finding-json';
import { catalogue, fill, findingMessage, t, type Lang } from '../core/i18n';
import { STATUS_IDS, type CheckResult } from '../core/model';
import { seguimientoSheet } from '../core/seguimiento';
import { statusVocabularySchema, type StatusVocabulary } from '../core/vocab/status';
import { writeXlsx } from '../hosts/xlsx/write';
import {
  CliExit,
  EXIT_NO_TABLE,
  EXIT_OK,
  EXIT_USAGE,
  isoDateOption,
  loadWorkbookFile,
  optionError,
  parseCommandLine,
  readJsonFile,
  withHelp,
  writeOutputFile,
  reportWriteFindings,
  type CliIO,
} from './common';
import { checkJsonSchema, type CheckJson } from './check-json';

export const checkOptionsSchema = z.object({
  file: z.string().min(1),
  /** Absent: the workbook's stated cut-off date, else today (src/core/as-of.ts). */
  asOf: isoDateOption.optional(),
  sheet: z.string().min(1).optional(),
  lang: z.enum(['es', 'en']),
  format: z.enum(['text', 'json']),
  vocabulary: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  /** Results frameworks' bands: TolaData's ±15% or the semáforo's ±5% / ±15%; absent: the workbook's saved setting, else TolaData's. */
  bands: z.enum(['toladata', 'semaforo']).optional(),
});
export type CheckCliOptions = z.infer<typeof checkOptionsSchema>;

export function parseCheckArgs(argv: readonly string[], io: CliIO, lang: Lang): CheckCliOptions {
  const { file, values: v } = parseCommandLine(argv, lang, ['as-of', 'sheet', 'lang', 'format', 'vocabulary', 'out', 'bands']);
  const result = checkOptionsSchema.safeParse({
    file,
    asOf: v['as-of'],
    sheet: v['sheet'],
    lang: v['lang'] ?? lang,
    format: v['format'] ?? 'text',
    vocabulary: v['vocabulary'],
    out: v['out'],
    bands: v['bands'],
  });
  if (!result.success) throw optionError(lang, result.error, { asOf: 'as-of' });
  return result.data;
}

export async function loadVocabulary(file: string, lang: Lang): Promise<StatusVocabulary> {
  const fail = (detail: string) => new CliExit(EXIT_USAGE, t(lang, 'cli', 'errVocabulary', { file, detail }));
  const parsed = statusVocabularySchema.safeParse(await readJsonFile(file, lang, fail));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(`${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/** The JSON the CLI prints (the documented shape; more fields may be added, none renamed). */
export function checkJson(file: string, result: CheckResult, lang: Lang): CheckJson {
  const noSource: AsOfSource = { kind: 'option', sheet: null, cell: null, text: null };
  return checkJsonSchema.parse({
    file,
    asOf: result.asOf,
    asOfSource: result.asOfSource ?? noSource,
    tables: result.tables.map((tb) => ({
      sheet: tb.sheet,
      layout: tb.layout,
      range: tb.range,
      columns: tb.columns,
      secondary: tb.secondary,
      blocks: tb.blocks,
      titleLines: tb.titleLines,
      actions: tb.actions.map((a) => ({
        id: a.id,
        recommendation: a.recommendation,
        row: a.row,
        text: a.text,
        responsible: a.responsible,
        deadline: a.deadline,
        deadlineKind: a.deadlineKind,
        deadlineText: a.deadlineText,
        status: a.status,
        statusText: a.statusText,
        overdue: a.overdue,
        daysOverdue: a.daysOverdue,
        comments: a.comments,
        cells: a.cells,
      })),
    })),
    findings: result.findings.map((f) => findingJson(f, lang)),
    summary: result.summary,
    // Results frameworks; their findings are in `findings`.
    frameworks: frameworksJson(result.frameworks),
    calendars: result.calendars ?? [],
    milestonesRemoved: result.milestonesRemoved ?? [],
  });
}

export function checkText(result: CheckResult, lang: Lang): string {
  const c = catalogue(lang);
  const src = result.asOfSource;
  const asOfLine =
    src?.kind === 'workbook'
      ? fill(c.cli.asOfWorkbook, { asOf: result.asOf, where: `${src.sheet ?? ''}!${src.cell ?? ''}`, text: src.text ?? '' })
      : src?.kind === 'today'
        ? fill(c.cli.asOfToday, { asOf: result.asOf })
        : fill(c.cli.asOf, { asOf: result.asOf });
  const lines: string[] = [asOfLine, fill(c.cli.tablesFound, { count: result.tables.length })];
  for (const tb of result.tables) {
    lines.push(fill(c.cli.tableLine, { sheet: tb.sheet, range: tb.range, layout: tb.layout, actions: tb.actions.length }));
  }
  // A workbook holding only a calendar or a framework has no actions: no status block, no "0 overdue".
  const onlyOthers = !result.tables.length && ((result.calendars ?? []).length > 0 || (result.frameworks?.frameworks.length ?? 0) > 0);
  if (!onlyOthers) {
    lines.push('', c.cli.byStatus);
    for (const s of STATUS_IDS) lines.push(fill(c.cli.statusLine, { label: c.status[s], count: result.summary.byStatus[s] }));
    lines.push('', fill(c.cli.overdueTitle, { count: result.summary.overdue }));
    const overdue = result.tables.flatMap((tb) => tb.actions.filter((a) => a.overdue));
    if (!overdue.length) lines.push(c.cli.noneOverdue);
    for (const a of overdue) {
      lines.push(fill(c.cli.overdueLine, { id: a.id ?? `${a.cells.action ?? ''}`, days: a.daysOverdue ?? 0, deadline: a.deadline ?? '', responsible: a.responsible ?? '—' }));
    }
  }
  lines.push(...calendarText(result.calendars ?? [], lang));
  lines.push(...frameworkLines(result.frameworks, lang));
  lines.push('', fill(c.cli.findingsTitle, { count: result.findings.length }));
  for (const f of result.findings) {
    const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? '');
    lines.push(fill(c.cli.findingLine, { severity: c.severity[f.severity], where, message: findingMessage(f, lang) }));
  }
  return lines.join('\n');
}

export async function runCheck(argv: readonly string[], io: CliIO): Promise<number> {
  return withHelp(argv, io, (lang) => catalogue(lang).cli.usage, async (lang0) => checkCommand(parseCheckArgs(argv, io, lang0), io));
}

async function checkCommand(opts: CheckCliOptions, io: CliIO): Promise<number> {
  const lang = opts.lang;
  const vocabulary = opts.vocabulary ? await loadVocabulary(opts.vocabulary, lang) : undefined;
  const wb = await loadWorkbookFile(opts.file, lang);
  if (opts.sheet !== undefined && !wb.grid.sheets.some((s) => s.name === opts.sheet)) {
    throw new CliExit(EXIT_USAGE, t(lang, 'cli', 'errSheetNotFound', { sheet: opts.sheet }));
  }
  // --as-of always wins; else the cut-off the plan states about itself; else today.
  const { asOf, source } = resolveAsOf(wb.grid, { option: opts.asOf, today: io.today(), sheet: opts.sheet });
  // The column mappings and status words the pane saved in the workbook count here too.
  const grid = applyMappings(wb.grid, wb.settings.columnMappings);
  const words = mergeVocabularies(wb.settings.extraStatusWords, vocabulary);
  const result = checkWorkbook(grid, { asOf, asOfSource: source, sheet: opts.sheet, vocabulary: words, lang, bandScheme: opts.bands ?? wb.settings.bandScheme });
  if (opts.out) {
    const { bytes, findings: written } = writeXlsx(wb.bytes, [seguimientoSheet(result, lang), ...calendarTrackingSheets(result, wb.grid, lang), ...indicadoresSheets(result, lang)], { keepMacros: /\.xlsm$/i.test(opts.out) });
    await writeOutputFile(opts.out, opts.file, bytes, lang);
    reportWriteFindings(io, lang, written);
  }
  io.out(opts.format === 'json' ? JSON.stringify(checkJson(opts.file, result, lang), null, 2) : checkText(result, lang));
  if (opts.out && opts.format === 'text') io.out(t(lang, 'cli', 'wrote', { file: opts.out }));
  // A workbook whose only content is a milestone calendar was checked too.
  // So was a results framework.
  if (!result.tables.length && !result.calendars?.length && !result.frameworks?.frameworks.length) {
    // The report is printed, but batch scripts must see that nothing was checked.
    io.err(`tablero: ${t(lang, 'cli', 'errNoTable', { file: opts.file })}`);
    return EXIT_NO_TABLE;
  }
  return EXIT_OK;
}
