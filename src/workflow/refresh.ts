// "Check" and "Refresh status" as one workflow, host-neutral: the task pane and the ribbon command run
// the same steps, so a mapping or a status word saved in the workbook counts the same in both.
// It talks to the workbook only through the host interfaces (src/hosts/host.ts, pane-host.ts).
import { resolveAsOfChoice, type AsOfSource } from '../core/as-of';
import type { WorkbookGrid } from '../core/grid';
import type { Lang } from '../core/i18n';
import type { CheckResult } from '../core/model';
import type { OutputSheet } from '../core/output';
import type { StatusVocabulary } from '../core/vocab/status';
import { calendarTrackingSheets } from '../core/calendar/report';
import { checkWorkbook } from '../core/check';
import { seguimientoSheet } from '../core/seguimiento';
import { historySheetFor, nextHistory, type RefreshEntry } from '../core/refresh-history';
import { isoFromLocalDate } from '../core/dates';
import { applyMappings, type Settings } from '../core/workbook-state';
import type { WorkbookHost, WrittenSheet } from '../hosts/host';
import type { PaneHost } from '../hosts/pane-host';

/** The engine steps a check needs (the pane passes its own Engine object, tests pass failing ones). */
export interface CheckEngine {
  check(
    wb: WorkbookGrid,
    opts: {
      readonly asOf: string;
      readonly asOfSource?: AsOfSource;
      readonly vocabulary?: StatusVocabulary;
      readonly lang?: Lang;
      readonly bandScheme?: Settings['bandScheme'];
    },
  ): CheckResult | Promise<CheckResult>;
  // Later results too: Excel's pane runs the engine in a worker (src/taskpane/worker/engine-client.ts).
  seguimiento(result: CheckResult, lang: Lang): OutputSheet | Promise<OutputSheet>;
}

export const coreCheckEngine: CheckEngine = {
  check: (wb, opts) => checkWorkbook(wb, opts),
  seguimiento: (result, lang) => seguimientoSheet(result, lang),
};

export interface Checked {
  readonly grid: WorkbookGrid;
  readonly result: CheckResult;
}

/** The check as the workbook's settings ask for it: their column mappings and their status words. */
export async function checkWithSettings(grid: WorkbookGrid, engine: Pick<CheckEngine, 'check'>, settings: Settings, asOf: string, lang: Lang): Promise<CheckResult> {
  const mapped = applyMappings(grid, settings.columnMappings);
  // `asOf` may be autoAsOf(today): the cut-off the workbook states, else today (src/core/as-of.ts).
  const chosen = resolveAsOfChoice(mapped, asOf);
  return await engine.check(mapped, { asOf: chosen.asOf, asOfSource: chosen.source, vocabulary: settings.extraStatusWords, lang, bandScheme: settings.bandScheme });
}

/** Reads the workbook (or reuses a grid just read, e.g. when only the as-of date changed) and checks it. */
export async function checkHost(
  host: Pick<WorkbookHost, 'read'>,
  engine: Pick<CheckEngine, 'check'>,
  settings: Settings,
  asOf: string,
  lang: Lang,
  reuse?: WorkbookGrid,
): Promise<Checked> {
  const grid = reuse ?? (await host.read());
  // Let a page paint its progress indicator before the (synchronous) check runs.
  await new Promise((r) => setTimeout(r, 0));
  return { grid, result: await checkWithSettings(grid, engine, settings, asOf, lang) };
}

export interface RefreshOptions {
  /** Also rewrite the overdue highlights (the ribbon always does; the pane when asked). */
  readonly highlight?: boolean;
  /** When the refresh runs, "YYYY-MM-DD HH:MM" (tests pass one; default: local time). */
  readonly now?: () => string;
}

/** Local date and time, "YYYY-MM-DD HH:MM": the history's "Refreshed" column. */
export function localStamp(d: Date): string {
  return `${isoFromLocalDate(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Checks again and writes the Seguimiento sheet, then the highlights when asked. */
export async function refreshStatus(
  host: Pick<WorkbookHost, 'read' | 'writeSheets'> & Partial<Pick<PaneHost, 'highlightOverdue'>>,
  engine: CheckEngine,
  settings: Settings,
  asOf: string,
  lang: Lang,
  opts: RefreshOptions = {},
): Promise<Checked & { written: WrittenSheet[]; history: RefreshEntry[]; change: RefreshEntry }> {
  const checked = await checkHost(host, engine, settings, asOf, lang);
  // What changed since the Seguimiento the workbook holds, kept in our history sheet (src/core/refresh-history.ts).
  const { change, entries: history } = nextHistory(checked.grid, checked.result, (opts.now ?? (() => localStamp(new Date())))());
  // The milestone tracking sheet too, when the workbook has a calendar (src/core/calendar/report.ts).
  const written = await host.writeSheets([
    await engine.seguimiento(checked.result, lang),
    ...calendarTrackingSheets(checked.result, checked.grid, lang),
    historySheetFor(checked.grid, history, lang),
  ]);
  if (opts.highlight) {
    if (!host.highlightOverdue) throw new Error('this host cannot highlight');
    await host.highlightOverdue(checked.result);
  }
  return { ...checked, written, history, change };
}
