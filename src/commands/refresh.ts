// "Refresh status" / "Actualizar estado": re-checks the workbook as of its stated cut-off date (else today), rewrites the
// Seguimiento sheet and the highlights (overdue rows and milestones, results-framework bands), without opening the pane — the same workflow the pane
// runs (src/workflow/refresh.ts). Always completes the ribbon event, also on failure, after writing
// the error on the Seguimiento sheet's status line.
import { autoAsOf } from '../core/as-of';
import type { WorkbookGrid } from '../core/grid';
import type { CheckOptions } from '../core/check';
import { parseLang, t, type Lang } from '../core/i18n';
import type { CheckResult } from '../core/model';
import type { OutputSheet } from '../core/output';
import { parseSettings } from '../core/workbook-state';
import type { WrittenSheet } from '../hosts/host';
import { coreCheckEngine, refreshStatus as refreshWorkbook } from '../workflow/refresh';

/** The FunctionName of the ExecuteFunction button in manifest.xml. */
export const REFRESH_ACTION = 'refreshStatus';

/** What the command needs of the workbook (the Office host has all of it). */
export interface RefreshHost {
  lang?: Lang;
  read(): Promise<WorkbookGrid>;
  writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]>;
  highlightOverdue(result: CheckResult): Promise<void>;
  /** Puts a line on our sheet's status line; false when that sheet of ours does not exist. */
  writeStatusLine(requested: string, text: string): Promise<boolean>;
  loadSettings(): Promise<unknown>;
}

export interface RefreshDeps {
  readonly host: RefreshHost;
  /** Today where the user is, YYYY-MM-DD. */
  readonly today: () => string;
  /** Office.context.displayLanguage ("es-EC"); the workbook's settings may choose another. */
  readonly displayLanguage?: string;
  readonly check?: (wb: WorkbookGrid, opts: CheckOptions) => CheckResult;
  readonly buildSheet?: (result: CheckResult, lang: Lang) => OutputSheet;
  /** Where an error that could not even be written down goes (the console in Office). */
  readonly log?: (e: unknown) => void;
}

/** The ribbon's event: completed() closes the command (Office shows a spinner until then). */
export interface CompletableEvent {
  completed(): void;
}

export type RefreshOutcome =
  | { readonly ok: true; readonly sheet: string; readonly actions: number; readonly overdue: number }
  | { readonly ok: false; readonly message: string };

function errorDetail(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // One line on the sheet: Excel's messages can carry line breaks and long debug tails.
  const flat = raw.replace(/\s+/g, ' ').trim() || '?';
  return flat.length > 250 ? `${flat.slice(0, 249)}…` : flat;
}

export async function refreshStatus(deps: RefreshDeps, event: CompletableEvent): Promise<RefreshOutcome> {
  const engine = {
    check: deps.check ?? coreCheckEngine.check,
    seguimiento: deps.buildSheet ?? coreCheckEngine.seguimiento,
  };
  let lang: Lang = parseLang(deps.displayLanguage) ?? 'es';
  try {
    // Settings are optional: unreadable ones mean the defaults, as in the pane.
    const raw = await deps.host.loadSettings().catch(() => undefined);
    const { settings } = parseSettings(raw);
    if (settings.language) lang = settings.language;
    deps.host.lang = lang;
    const { result, written } = await refreshWorkbook(deps.host, engine, settings, autoAsOf(deps.today()), lang, { highlight: true });
    return { ok: true, sheet: written[0]?.name ?? t(lang, 'seguimiento', 'sheetName'), actions: result.summary.actions, overdue: result.summary.overdue };
  } catch (e) {
    const message = t(lang, 'pane', 'officeRefreshFailed', { detail: errorDetail(e) });
    try {
      const sheetName = t(lang, 'seguimiento', 'sheetName');
      const onLine = await deps.host.writeStatusLine(sheetName, message);
      if (!onLine) {
        await deps.host.writeSheets([{ name: sheetName, lines: [t(lang, 'seguimiento', 'title'), '', message], tables: [] }]);
      }
    } catch (e2) {
      // Excel refused even the error line (e.g. a cell is being edited): nothing more to do here.
      deps.log?.(e2);
    }
    return { ok: false, message };
  } finally {
    try {
      event.completed();
    } catch (e3) {
      deps.log?.(e3);
    }
  }
}
