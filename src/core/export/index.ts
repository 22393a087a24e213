// The donor export: the recognised plan (and the roll-ups, when there are record sheets) in one
// fixed shape — the same sheets and columns every time, in English or Spanish.
import { milestonesExportSheet } from '../calendar/export';
import { checkWorkbook, type CheckOptions } from '../check';
import { parseISO } from '../dates';
import type { Finding } from '../findings';
import { catalogue, findingMessage, type Catalogue, type Lang } from '../i18n';
import { findingLabel } from '../i18n/wording';
import type { Action, Block, CheckResult, StatusId, TableResult } from '../model';
import { isOutputDate, type ColumnType, type OutputColumn, type OutputSheet, type OutputTable, type OutputValue } from '../output';
import { leadOrganisation } from '../responsible';
import type { WorkbookGrid } from '../grid';
import { rollupWorkbook, type RollupOptions } from '../rollup';
import type { RollupResult } from '../rollup/types';
import { hasIndicators, indicatorRows } from './indicators';
import type { FrameworkResult } from '../framework';
import { ipttSheet } from '../framework/sheets';
import { SUMMARY_STATUSES, exportHasContent, exportSheetKeys, summaryFigures, withSummaryChart, type ExportSheetKey } from './sheets';

export { BOM, csvFiles, csvValue, neutraliseText, quoteField, toCsv, type CsvFile } from './csv';
export { hasIndicators } from './indicators';
export { EXPORT_SHEET_KEYS, exportHasContent, exportSheetKeySchema, exportSheetKeys, exportSheetName, exportSummaryFigures, type ExportSheetKey, type SummaryFigures } from './sheets';

export interface ExportInput {
  readonly check: CheckResult;
  /** The indicator roll-ups; no Indicators sheet when absent or when no record sheet was found. */
  readonly rollup?: RollupResult | null;
  /** Results frameworks; an IPTT sheet when at least one was found. */
  readonly frameworks?: FrameworkResult | null;
  /** The input file's name as the user knows it (no directories needed). */
  readonly sourceFile: string;
  /** When the export was made: YYYY-MM-DD or an ISO date-time (the day is what is written). */
  readonly generatedAt: string;
  readonly version: string;
  readonly lang: Lang;
  /** Only these sheets (those the content has; the pane's export dialog picks them); all when absent. */
  readonly sheets?: readonly ExportSheetKey[];
}

export interface WorkbookExport {
  readonly sheets: OutputSheet[];
  readonly check: CheckResult;
  readonly rollup: RollupResult;
  /** Results frameworks (an IPTT sheet when there is one). */
  readonly frameworks: FrameworkResult;
  /** False when the workbook holds neither a key-action table nor a record sheet: nothing to export. */
  readonly hasContent: boolean;
}

/**
 * Check, roll up and build the export in one call, for every host: the CLI and the pane write
 * `sheets` with writeXlsx(null, sheets) as a new workbook.
 */
export function exportWorkbook(
  wb: WorkbookGrid,
  opts: Omit<ExportInput, 'check' | 'rollup'> & {
    readonly asOf: string;
    readonly vocabulary?: CheckOptions['vocabulary'];
    readonly threshold?: RollupOptions['threshold'];
    readonly map?: RollupOptions['map'];
    /** The IPTT's bands (the workbook's saved setting); absent: TolaData's ±15%. */
    readonly bandScheme?: CheckOptions['bandScheme'];
  },
): WorkbookExport {
  const check = checkWorkbook(wb, { asOf: opts.asOf, vocabulary: opts.vocabulary, lang: opts.lang, bandScheme: opts.bandScheme });
  const rollup = rollupWorkbook(wb, { lang: opts.lang, threshold: opts.threshold, map: opts.map });
  const frameworks = check.frameworks ?? { asOf: opts.asOf, frameworks: [], findings: [] };
  const sheets = buildExport({ check, rollup, frameworks, sourceFile: opts.sourceFile, generatedAt: opts.generatedAt, version: opts.version, lang: opts.lang, sheets: opts.sheets });
  const hasContent = exportHasContent({ check, rollup, frameworks });
  return { sheets, check, rollup, frameworks, hasContent };
}

/** Excel table names: fixed whatever the language, so formulas and Power Query keep working. */
export const EXPORT_TABLES = {
  about: 'Tablero_About',
  actions: 'Tablero_KeyActions',
  summary: 'Tablero_Summary',
  indicators: 'Tablero_Indicators',
  findings: 'Tablero_Findings',
} as const;

/** The share UN offices are scored on: green at 90% and above, yellow at 75%, red below. */
export const NOT_OVERDUE_BANDS = [
  { atLeast: 0.9, fill: 'green' },
  { atLeast: 0.75, fill: 'yellow' },
  { atLeast: 0, fill: 'red' },
] as const;

type Texts = Catalogue['export'];

/** Status in the UN evaluation-tracking vocabulary; blank and unknown statuses are stated as such. */
export function trackingStatus(status: StatusId, lang: Lang): string {
  const x = catalogue(lang).export;
  return trackingLabels(x)[status];
}

function trackingLabels(x: Texts): Record<StatusId, string> {
  return {
    completed: x.statusCompleted,
    in_progress: x.statusInitiated,
    not_started: x.statusNotInitiated,
    not_applicable: x.statusNotApplicable,
    missing: x.statusBlank,
    unknown: x.statusUnknown,
  };
}

export function buildExport(input: ExportInput): OutputSheet[] {
  const c = catalogue(input.lang);
  const x = c.export;
  const findings = exportFindings(input);
  const actions = input.check.tables.reduce((n, t) => n + t.actions.length, 0);
  const build = (key: ExportSheetKey): OutputSheet | null => {
    switch (key) {
      case 'about':
        return aboutSheet(input, x, actions, findings.length);
      case 'actions':
        return actionsSheet(input.check, x);
      case 'summary':
        return withSummaryChart(summarySheet(input.check, x), input.lang);
      case 'indicators':
        return input.rollup ? indicatorsSheet(input.rollup, x) : null;
      case 'iptt':
        return input.frameworks ? ipttSheet(input.frameworks, input.lang) : null;
      case 'milestones':
        return milestonesExportSheet(input.check, input.lang);
      case 'findings':
        return findingsSheet(findings, input.lang, c);
    }
  };
  const keys = exportSheetKeys(input).filter((k) => !input.sheets || input.sheets.includes(k));
  return keys.map(build).filter((sh): sh is OutputSheet => sh !== null);
}

/** The export's findings: the plan's, then the roll-up's when it read at least one record sheet. */
export function exportFindings(input: Pick<ExportInput, 'check' | 'rollup'>): readonly Finding[] {
  return hasIndicators(input.rollup) ? [...input.check.findings, ...input.rollup.findings] : input.check.findings;
}

function aboutSheet(input: ExportInput, x: Texts, actions: number, findings: number): OutputSheet {
  const generatedDay = input.generatedAt.slice(0, 10);
  const rows: OutputValue[][] = [
    [x.aboutProgramme, programmeTitle(input.check.tables[0])],
    [x.aboutSource, input.sourceFile],
    [x.aboutAsOf, { date: input.check.asOf }],
    [x.aboutGenerated, parseISO(generatedDay) ? { date: generatedDay } : input.generatedAt],
    [x.aboutVersion, input.version],
    [x.aboutActions, actions],
    [x.aboutFindings, findings],
  ];
  // One column holds text, dates and counts: each cell keeps its own kind (hosts write by value).
  return sheet(x.sheetAbout, table(EXPORT_TABLES.about, [col(x.colItem, 'text'), col(x.colValue, 'text')], rows));
}

/**
 * The programme's name from the title rows above the first table: the text after "Título del
 * Programa:" when a line says so, else every title line joined.
 */
export function programmeTitle(t: TableResult | undefined): string | null {
  if (!t || !t.titleLines.length) return null;
  const lines = t.titleLines.map((l) => l.replace(/\*+/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  for (const l of lines) {
    const m = /^(?:t[ií]tulo del (?:programa|proyecto)|nombre del (?:programa|proyecto)|programme title|program title|project title)\s*:\s*(.+)$/i.exec(l);
    if (m?.[1]) return m[1].trim();
  }
  return lines.join(' — ') || null;
}

function actionsSheet(check: CheckResult, x: Texts): OutputSheet {
  const labels = trackingLabels(x);
  const rows: OutputValue[][] = [];
  for (const t of check.tables) {
    for (const a of t.actions) {
      const block: Block | undefined = a.block !== null ? t.blocks[a.block] : undefined;
      rows.push([
        recommendationValue(a.recommendation),
        block?.recommendationText ?? null,
        block?.response ?? null,
        a.id,
        a.text,
        a.responsible,
        leadOrganisation(a.responsible),
        dueValue(a, x),
        labels[a.status],
        a.overdue ? x.yes : x.no,
        a.daysOverdue,
        latestComment(a),
        sourceRef(t.sheet, a.cells.id ?? a.cells.action ?? null),
      ]);
    }
  }
  return sheet(
    x.sheetActions,
    table(
      EXPORT_TABLES.actions,
      [
        col(x.colRecommendationNo, 'text'),
        col(x.colRecommendation, 'text'),
        col(x.colResponse, 'text'),
        col(x.colActionId, 'text'),
        col(x.colAction, 'text'),
        col(x.colResponsible, 'text'),
        col(x.colLead, 'text'),
        col(x.colDue, 'date'),
        col(x.colStatus, 'text'),
        col(x.colOverdue, 'text'),
        col(x.colDaysOverdue, 'integer'),
        col(x.colComment, 'text'),
        col(x.colSource, 'text'),
      ],
      rows,
    ),
  );
}

/** "9" as the number 9 so the column sorts 1, 2 … 10; anything else as written. */
function recommendationValue(rec: string | null): string | number | null {
  return rec !== null && /^\d{1,9}$/.test(rec) ? Number(rec) : rec;
}

/** A real date (the last day of a period), "Continuous", the text of an impossible date, or blank. */
function dueValue(a: Action, x: Texts): OutputValue {
  switch (a.deadlineKind) {
    case 'date':
    case 'period':
      return a.deadline ? { date: a.deadline } : a.deadlineText || null;
    case 'continuous':
      return x.continuous;
    case 'invalid':
      return a.deadlineText || null;
    case 'missing':
      return null;
  }
}

/**
 * The most recent tracking comment: tracking groups run left to right in time (the programme's
 * "Seguimiento", then the "Secretariado"'s review), so the rightmost non-empty comment wins.
 */
export function latestComment(a: Action): string | null {
  const secondary = a.secondary.filter((s) => s.role === 'comments' && s.text.trim()).map((s) => s.text);
  return secondary[secondary.length - 1] ?? a.comments ?? null;
}

/** "'Plan de Mejora'!B12": quoted the way Excel writes references to sheets with spaces. */
export function sourceRef(sheetName: string | null, cell: string | null): string | null {
  if (!sheetName) return cell;
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !/^[A-Za-z]{1,3}\d+$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return cell ? `${name}!${cell}` : name;
}

interface Group {
  label: string | number;
  actions: Action[];
}

function summarySheet(check: CheckResult, x: Texts): OutputSheet {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const manyTables = check.tables.length > 1;
  check.tables.forEach((t, ti) => {
    for (const a of t.actions) {
      // A block is one recommendation, even when its number is missing or repeated.
      const key = `${ti}\u0000${a.block ?? `r:${a.recommendation ?? ''}`}`;
      let g = byKey.get(key);
      if (!g) {
        const rec = recommendationValue(a.recommendation) ?? x.noRecommendation;
        g = { label: manyTables ? `${t.sheet}: ${rec}` : rec, actions: [] };
        byKey.set(key, g);
        groups.push(g);
      }
      g.actions.push(a);
    }
  });
  const all = check.tables.flatMap((t) => t.actions);
  const rows = [...groups.map((g) => summaryRow(g.label, g.actions)), summaryRow(x.total, all)];
  return sheet(
    x.sheetSummary,
    table(
      EXPORT_TABLES.summary,
      [
        col(x.colRecommendationNo, 'text'),
        col(x.colActions, 'integer'),
        ...SUMMARY_STATUSES.map((s) => col(trackingLabels(x)[s], 'integer')),
        col(x.colCompletedShare, 'percent'),
        col(x.colOverdueCount, 'integer'),
        { ...col(x.colNotOverdueShare, 'percent'), bands: NOT_OVERDUE_BANDS },
      ],
      rows,
      true,
    ),
  );
}

/** Counts by status, % completed and the share not overdue (of all the group's actions). */
function summaryRow(label: string | number, actions: readonly Action[]): OutputValue[] {
  const k = summaryFigures(actions);
  return [label, k.actions, ...SUMMARY_STATUSES.map((s) => k.byStatus[s]), k.completedShare, k.overdue, k.notOverdueShare];
}

function indicatorsSheet(rollup: RollupResult, x: Texts): OutputSheet {
  return sheet(
    x.sheetIndicators,
    table(
      EXPORT_TABLES.indicators,
      [
        col(x.colAreaLevel, 'text'),
        col(x.colArea, 'text'),
        col(x.colIndicator, 'text'),
        col(x.colNumerator, 'integer'),
        col(x.colDenominator, 'integer'),
        col(x.colIndicatorValue, 'percent'),
      ],
      indicatorRows(rollup, x),
    ),
  );
}

function findingsSheet(findings: readonly Finding[], lang: Lang, c: Catalogue): OutputSheet {
  const x = c.export;
  const rows: OutputValue[][] = findings.map((f) => [findingLabel(f.code, lang), c.severity[f.severity], sourceRef(f.sheet, f.cell), f.actionId, findingMessage(f, lang)]);
  return sheet(
    x.sheetFindings,
    table(
      EXPORT_TABLES.findings,
      [col(x.colCode, 'text'), col(x.colSeverity, 'text'), col(x.colCell, 'text'), col(x.colActionId, 'text'), col(x.colMessage, 'text')],
      rows,
    ),
  );
}

function sheet(name: string, t: OutputTable): OutputSheet {
  return { name, lines: [], tables: [t] };
}

function col(header: string, type: ColumnType): OutputColumn {
  return { header, type };
}

/** Widths that fit: the longest line in the column (header included), between 6 and 60 characters. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

function table(name: string, columns: readonly OutputColumn[], rows: readonly (readonly OutputValue[])[], totalRow = false): OutputTable {
  const fitted = columns.map((c, i) => {
    // The header also holds the filter button: two characters more.
    let w = c.header.length + 2;
    for (const r of rows) w = Math.max(w, displayLength(r[i] ?? null, c.type));
    return { ...c, width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2)) };
  });
  return totalRow ? { name, columns: fitted, rows, totalRow } : { name, columns: fitted, rows };
}

function displayLength(v: OutputValue, type: ColumnType): number {
  if (v === null) return 0;
  if (isOutputDate(v)) return 11;
  if (typeof v === 'number') return type === 'percent' ? 7 : String(Math.round(v * 100) / 100).length;
  if (typeof v === 'boolean') return 5;
  return Math.max(0, ...v.split(/\r?\n/).map((l) => l.length));
}
