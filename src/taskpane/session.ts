// The pane's session: what it has read, checked and written, as one reducer, and the actions the tabs
// call. Every action goes through `task`: busy on → work → show the new check → one notice.
import * as React from 'react';
import { autoAsOf } from '../core/as-of';
import type { Finding, Severity } from '../core/findings';
import type { WorkbookGrid } from '../core/grid';
import type { CheckResult } from '../core/model';
import { catalogue, fill, type Lang } from '../core/i18n';
import type { ActualWrite } from '../core/framework/write-actual';
import { figureText } from '../core/framework/format';
import type { PaneHost, HostCapabilities } from '../hosts/pane-host';
import type { KindMap } from '../core/rollup/map';
import type { RecordKind, RollupResult } from '../core/rollup/types';
import type { RollupOptions } from '../core/rollup';
import { DEFAULT_THRESHOLD } from '../core/rollup/types';
import type { Engine } from './engine';
import { historyOf, type RefreshEntry } from '../core/refresh-history';
import { refreshNotice, writtenElsewhere } from './refresh-notice';
import { checkHost, donorExport, offThread, refreshStatus, rollupOf, writeRollups, type Checked } from './actions';
import { deliverExport, type ExportChoice } from './export';
import { downloadBytes, type SaveFile } from './download';
import { hasRecords, parseThresholdPercent, recordSources, thresholdText } from './rollups';
import { withKindMap } from '../core/workbook-state';
import { hasConversionRecord, hasDropdownRecord, statusDropdownWords, textDateConversions, todayISO, type GroupBy } from './logic';
import type { DateConversion } from '../hosts/pane-host';
import { DEFAULT_SETTINGS, parseSettings, type ColumnMapping, type Settings, type SettingsNotice } from '../core/workbook-state';
import { makeStrings, type PaneKey, type Strings } from './strings';
import type { Progress } from './worker/protocol';

/** How long the as-of date must rest before the plan is checked again (typing a date key by key). */
const AS_OF_DELAY_MS = 400;

/** The roll-up's options, always built the same way (the worker caches by them). */
function rollupOptions(lang: Lang, threshold: number, map: Settings['rollupMap']): RollupOptions {
  return { lang, threshold, map };
}

/** Every sheet of the user's is a record sheet: the workbook opens on its figures, before the check. */
function onlyRecordSheets(r: RollupResult, userSheets: readonly string[]): boolean {
  if (!hasRecords(r) || !userSheets.length) return false;
  const records = new Set(recordSources(r).map((x) => x.sheet));
  return userSheets.every((n) => records.has(n));
}

/** How long the threshold input must rest before it is saved in the workbook. */
const THRESHOLD_SAVE_DELAY_MS = 600;

export type Notice = { intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null;

/** Present in browser mode: the page's own file controls. */
export interface BrowserControls {
  readonly fileName: string;
  readonly isSample: boolean;
  openFile(file: File): void;
  /** Offers the host's current bytes as a download (App writes Seguimiento first); returns the file name. */
  download(): Promise<string> | string;
}

export interface SessionProps {
  readonly host: PaneHost;
  readonly engine: Engine;
  /** Office's display language, or the browser's. */
  readonly defaultLang: Lang;
  readonly today?: string;
  readonly browser?: BrowserControls;
  readonly onLangChange?: (lang: Lang) => void;
  /** After every check (the browser page shows the sheet next to the pane). */
  readonly onChecked?: (grid: WorkbookGrid, result: CheckResult, overdueShown: boolean) => void;
  /** How a file reaches the user when it is not opened in Excel (default: a browser download). */
  readonly saveFile?: SaveFile;
}

export interface SessionState {
  readonly settings: Settings;
  readonly settingsNotice: SettingsNotice;
  readonly lang: Lang;
  /** The date the user picked, or today while asOfPicked is false (then the workbook's stated cut-off is used, if any). */
  readonly asOf: string;
  readonly asOfPicked: boolean;
  readonly busy: PaneKey | null;
  readonly grid: WorkbookGrid | null;
  readonly result: CheckResult | null;
  readonly caps: HostCapabilities | null;
  readonly notice: Notice;
  readonly tab: string;
  readonly thresholdInput: string;
  readonly threshold: number;
  readonly highlighted: boolean;
  readonly highlightNote: string | null;
  readonly undoable: boolean;
  /** The workbook records status dropdowns of ours (Remove status dropdowns is offered). */
  readonly dropdownsUndoable: boolean;
  /** The refresh history the workbook keeps (newest first): the pane shows the last change. */
  readonly history: readonly RefreshEntry[];
  // What the user chose to see: kept here so it survives switching tabs.
  readonly groupBy: GroupBy;
  readonly severity: Severity | 'all';
  readonly selected: string | null;
  readonly mapping: boolean;
  readonly notesDismissed: boolean;
}

export type SessionEvent =
  | { type: 'busy'; busy: PaneKey | null }
  | { type: 'notice'; notice: Notice }
  | { type: 'opened'; settings: Settings; settingsNotice: SettingsNotice; caps: HostCapabilities; highlighted: boolean; lang: Lang }
  | { type: 'checked'; grid: WorkbookGrid; result: CheckResult }
  | { type: 'settings'; settings: Settings }
  | { type: 'highlights'; on: boolean; note: string | null }
  | { type: 'threshold'; text: string }
  | {
      type: 'view';
      patch: Partial<
        Pick<SessionState, 'tab' | 'groupBy' | 'severity' | 'selected' | 'mapping' | 'notesDismissed' | 'lang' | 'asOf' | 'asOfPicked' | 'settingsNotice' | 'undoable' | 'dropdownsUndoable' | 'history'>
      >;
    };

export function initialSession(defaultLang: Lang, today: string): SessionState {
  return {
    settings: DEFAULT_SETTINGS,
    settingsNotice: null,
    lang: defaultLang,
    asOf: today,
    asOfPicked: false,
    busy: null,
    grid: null,
    result: null,
    caps: null,
    notice: null,
    tab: 'plan',
    thresholdInput: thresholdText(DEFAULT_THRESHOLD, defaultLang === 'es'),
    threshold: DEFAULT_THRESHOLD,
    highlighted: false,
    highlightNote: null,
    undoable: false,
    dropdownsUndoable: false,
    history: [],
    groupBy: 'recommendation',
    severity: 'all',
    selected: null,
    mapping: false,
    notesDismissed: false,
  };
}

export function sessionReducer(state: SessionState, ev: SessionEvent): SessionState {
  switch (ev.type) {
    case 'busy':
      return { ...state, busy: ev.busy };
    case 'notice':
      return { ...state, notice: ev.notice };
    case 'opened': {
      const t = ev.settings.rollupThreshold;
      return {
        ...state,
        settings: ev.settings,
        settingsNotice: ev.settingsNotice,
        caps: ev.caps,
        highlighted: ev.highlighted,
        lang: ev.lang,
        ...(t !== undefined ? { threshold: t, thresholdInput: thresholdText(t, ev.lang === 'es') } : {}),
      };
    }
    case 'checked':
      // A new grid may carry (or have lost) the conversion and dropdown records and the history: the pane follows them.
      if (ev.grid === state.grid) return { ...state, result: ev.result };
      return {
        ...state,
        grid: ev.grid,
        result: ev.result,
        undoable: hasConversionRecord(ev.grid),
        dropdownsUndoable: hasDropdownRecord(ev.grid),
        history: historyOf(ev.grid),
      };
    case 'settings':
      return { ...state, settings: ev.settings, settingsNotice: null };
    case 'highlights':
      return { ...state, highlighted: ev.on, highlightNote: ev.note };
    case 'threshold': {
      const v = parseThresholdPercent(ev.text);
      return { ...state, thresholdInput: ev.text, threshold: v ?? state.threshold };
    }
    case 'view':
      return { ...state, ...ev.patch };
  }
}

/** What one task does once its work is done: a check to show, a notice, both or neither. */
interface TaskOutcome {
  readonly show?: Checked;
  /** The highlights the preview shows with that check (default: as they are). */
  readonly highlighted?: boolean;
  readonly notice?: Notice;
}

export interface PaneSession {
  readonly state: SessionState;
  readonly s: Strings;
  readonly host: PaneHost;
  readonly engine: Engine;
  readonly props: SessionProps;
  readonly isBusy: boolean;
  /** What the worker says it is doing (browser mode), while busy. */
  readonly progress: Progress | null;
  readonly rollup: RollupResult | null;
  readonly conversions: readonly DateConversion[];
  readonly thresholdValid: boolean;
  setView(patch: Extract<SessionEvent, { type: 'view' }>['patch']): void;
  setNotice(n: Notice): void;
  select(sheet: string, address: string): void;
  selectFinding(f: Finding): void;
  changeLang(l: Lang): void;
  changeAsOf(v: string): void;
  changeThreshold(text: string): void;
  refresh(): Promise<void>;
  highlight(): Promise<void>;
  removeHighlights(): Promise<void>;
  dropdowns(): Promise<void>;
  removeDropdowns(): Promise<void>;
  convert(): Promise<void>;
  undo(): Promise<void>;
  /** Writes one figure from the records into the user's cell: only this cell, only when asked (Results tab). */
  writeActual(w: ActualWrite): Promise<void>;
  applyMapping(sheet: string, m: ColumnMapping): Promise<void>;
  download(): Promise<void>;
  changeRollupMap(kind: RecordKind, m: KindMap | null): Promise<void>;
  writeRollupSheets(): Promise<void>;
  /** The donor export, in the dialog's language and sheets (else the pane's language, every sheet). */
  exportDonors(choice?: ExportChoice): Promise<void>;
  saveSettingsFromPanel(next: Settings): Promise<void>;
}

function errorText(lang: Lang, e: unknown): string {
  return makeStrings(lang)('errorGeneric', { detail: e instanceof Error ? e.message : String(e) });
}

export function usePaneSession(props: SessionProps): PaneSession {
  const { host, engine, browser, onChecked, onLangChange } = props;
  const today = props.today ?? todayISO();
  const [state, dispatch] = React.useReducer(sessionReducer, undefined, () => initialSession(props.defaultLang, today));
  const { settings, lang, grid, result, highlighted, threshold } = state;
  // Until the user picks a date: the cut-off the workbook states, else today (src/core/as-of.ts).
  const asOf = state.asOfPicked ? state.asOf : autoAsOf(state.asOf);
  const s = React.useMemo(() => makeStrings(lang), [lang]);
  // Handlers read the latest state through the ref: a task that awaits never acts on a stale render.
  const ref = React.useRef(state);
  ref.current = state;

  React.useEffect(() => onLangChange?.(lang), [lang, onLangChange]);

  const [progress, setProgress] = React.useState<Progress | null>(null);
  const [rollupLater, setRollupLater] = React.useState<RollupResult | null>(null);
  const tabChosen = React.useRef(false);
  const asOfTimer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  React.useEffect(() => () => {
    if (asOfTimer.current) clearTimeout(asOfTimer.current);
  }, []);
  React.useEffect(() => {
    const h = host as Partial<{ onProgress(l: (p: Progress | null) => void): () => void }>;
    return typeof h.onProgress === 'function' ? h.onProgress.call(host, setProgress) : undefined;
  }, [host]);

  const setNotice = React.useCallback((notice: Notice) => dispatch({ type: 'notice', notice }), []);
  const setView = React.useCallback((patch: Extract<SessionEvent, { type: 'view' }>['patch']) => dispatch({ type: 'view', patch }), []);

  const show = React.useCallback(
    (c: Checked, hl: boolean) => {
      const apply = (): void => {
        dispatch({ type: 'checked', grid: c.grid, result: c.result });
        onChecked?.(c.grid, c.result, hl);
      };
      // In the browser the results of a big plan are drawn as a transition: React yields to the page
      // between components instead of drawing every list in one long task.
      if (offThread(host)) React.startTransition(apply);
      else apply();
    },
    [onChecked, host],
  );

  /**
   * The one way the pane does work: progress on, the work, then the check it produced shown and its
   * notice; an error becomes a notice, never a throw. Returns the work's value (undefined on error).
   */
  const task = React.useCallback(
    async <T>(label: PaneKey, work: () => Promise<T>, after?: (out: T) => TaskOutcome | void): Promise<T | undefined> => {
      dispatch({ type: 'busy', busy: label });
      let out: T;
      try {
        out = await work();
      } catch (e) {
        dispatch({ type: 'notice', notice: { intent: 'error', text: errorText(ref.current.lang, e) } });
        return undefined;
      } finally {
        dispatch({ type: 'busy', busy: null });
      }
      const finish = (): void => {
        const o = after?.(out);
        if (o?.show) show(o.show, o.highlighted ?? ref.current.highlighted);
        if (o?.notice !== undefined) dispatch({ type: 'notice', notice: o.notice });
      };
      // What the work changed shows at once, with the figures it speaks of (a drawn-later transition in the browser).
      if (offThread(host)) React.startTransition(finish);
      else finish();
      return out;
    },
    [show, host],
  );

  const check = React.useCallback(
    (cfg: Settings, date: string, language: Lang, reuse?: WorkbookGrid) =>
      task(
        'busyChecking',
        () => checkHost(host, engine, cfg, date, language, reuse),
        (out) => ({ show: out }),
      ),
    [host, engine, task],
  );

  // On open: settings from the workbook, then check the whole workbook.
  React.useEffect(() => {
    let live = true;
    void (async () => {
      dispatch({ type: 'busy', busy: 'busyReading' });
      try {
        const loaded = parseSettings(await host.loadSettings());
        const c = await host.capabilities();
        const hasHighlights = (): Promise<boolean> =>
          'hasHighlights' in host && typeof host.hasHighlights === 'function' ? (host.hasHighlights as () => Promise<boolean>)() : Promise.resolve(false);
        const off = offThread(host);
        // Off the page's thread the highlights are looked for after the first figures (it unzips every sheet).
        const h = off ? false : await hasHighlights();
        if (!live) return;
        const language = loaded.settings.language ?? props.defaultLang;
        dispatch({ type: 'opened', settings: loaded.settings, settingsNotice: loaded.notice, caps: c, highlighted: h, lang: language });
        if (off) {
          // The roll-up first: on a workbook of record sheets it is what the user came for, and it is quick.
          const r = await off.rollup(rollupOptions(language, loaded.settings.rollupThreshold ?? DEFAULT_THRESHOLD, loaded.settings.rollupMap));
          if (!live) return;
          setRollupLater(r);
          const names = await off.userSheets();
          if (!live) return;
          if (!tabChosen.current && onlyRecordSheets(r, names)) {
            tabChosen.current = true;
            setView({ tab: 'rollups' });
          }
        }
        dispatch({ type: 'busy', busy: 'busyChecking' });
        const now = ref.current;
        const out = await checkHost(host, engine, loaded.settings, now.asOfPicked ? now.asOf : autoAsOf(now.asOf), language);
        if (!live) return;
        show(out, h);
        if (off && (await hasHighlights()) && live) {
          dispatch({ type: 'highlights', on: true, note: null });
          onChecked?.(out.grid, out.result, true);
        }
      } catch (e) {
        if (live) dispatch({ type: 'notice', notice: { intent: 'error', text: errorText(props.defaultLang, e) } });
      } finally {
        if (live) dispatch({ type: 'busy', busy: null });
      }
    })();
    return () => {
      live = false;
    };
    // Once per host: a new workbook remounts the pane.
  }, [host]);

  const saveSettings = React.useCallback(
    async (next: Settings, message: PaneKey | null): Promise<void> => {
      await host.saveSettings(next);
      dispatch({ type: 'settings', settings: next });
      if (message) dispatch({ type: 'notice', notice: { intent: 'success', text: makeStrings(next.language ?? ref.current.lang)(message) } });
    },
    [host],
  );

  const highlightNoteFor = (r: CheckResult): string => (r.asOf === today ? s('highlightLiveNote') : s('highlightAsOfNote', { asOf: s.date(r.asOf) }));

  /** Seguimiento written again; the overdue highlights too when asked (the ribbon always does). */
  const writeStatus = async (withHighlights: boolean) => {
    return refreshStatus(host, engine, settings, asOf, lang, { highlight: withHighlights });
  };

  const select = (sheet: string, address: string): void => {
    setView({ selected: `${sheet}!${address}` });
    void host.select(sheet, address).catch((e: unknown) => setNotice({ intent: 'error', text: s('errorGeneric', { detail: String(e) }) }));
  };

  const conversions = React.useMemo(() => (result ? textDateConversions(result) : []), [result]);

  // The roll-up of the grid just read: cheap next to reading, and it tells whether to open on this tab.
  const rollupMap = settings.rollupMap;
  // Where the host runs the engine (browser mode's worker) the roll-up arrives later; the last one stays meanwhile.
  // Excel's pane runs the engine in a worker too (engine.offPage): its roll-up also arrives later.
  const off = offThread(host) !== null || engine.offPage === true;
  const rollupNow = React.useMemo(() => {
    if (!grid || off) return null;
    const now = engine.rollup(grid, { lang, threshold, map: rollupMap });
    return now instanceof Promise ? null : now;
  }, [grid, engine, lang, threshold, rollupMap, off]);

  React.useEffect(() => {
    if (!grid || !off) return;
    let live = true;
    void Promise.resolve(rollupOf(host, engine, grid, rollupOptions(lang, threshold, rollupMap)))
      .then((r) => live && React.startTransition(() => setRollupLater(r)))
      .catch((e: unknown) => live && setNotice({ intent: 'error', text: errorText(ref.current.lang, e) }));
    return () => {
      live = false;
    };
  }, [grid, host, engine, lang, threshold, rollupMap, off, setNotice]);
  const rollup = off ? rollupLater : rollupNow;
  React.useEffect(() => {
    if (tabChosen.current || !result || !rollup) return;
    tabChosen.current = true;
    // A workbook without a plan or calendar opens where its content is: its results framework, else its
    // record sheets' figures.
    if (result.tables.length || result.calendars?.length) return;
    if (result.frameworks?.frameworks.length) setView({ tab: 'results' });
    else if (hasRecords(rollup)) setView({ tab: 'rollups' });
  }, [result, rollup, setView]);

  // The threshold is saved with the workbook once the user stops typing (not on every keystroke).
  const savedThreshold = settings.rollupThreshold ?? DEFAULT_THRESHOLD;
  React.useEffect(() => {
    if (threshold === savedThreshold) return;
    const timer = setTimeout(() => {
      void saveSettings({ ...ref.current.settings, rollupThreshold: threshold }, null).catch((e: unknown) =>
        setNotice({ intent: 'error', text: errorText(ref.current.lang, e) }),
      );
    }, THRESHOLD_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [threshold, savedThreshold, saveSettings, setNotice]);

  const ok = (text: string): Notice => ({ intent: 'success', text });

  return {
    state,
    s,
    host,
    engine,
    props,
    isBusy: state.busy !== null,
    progress: state.busy !== null ? progress : null,
    rollup,
    conversions,
    thresholdValid: parseThresholdPercent(state.thresholdInput) !== null,
    setView,
    setNotice,
    select,
    selectFinding: (f) => {
      if (f.sheet && f.cell) select(f.sheet, f.cell);
    },
    changeLang: (l) => {
      setView({ lang: l });
      void task('busyWriting', () => saveSettings({ ...settings, language: l }, null));
    },
    changeAsOf: (v) => {
      setView({ asOf: v, asOfPicked: true });
      // Typed key by key: one check once the typing stops, on the grid already read (not read again).
      if (asOfTimer.current) clearTimeout(asOfTimer.current);
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
        asOfTimer.current = setTimeout(() => {
          asOfTimer.current = null;
          const now = ref.current;
          void check(now.settings, v, now.lang, now.grid ?? undefined);
        }, AS_OF_DELAY_MS);
      }
    },
    changeThreshold: (text) => dispatch({ type: 'threshold', text }),
    // "Refresh status" does what the ribbon button does: check, rewrite Seguimiento, highlight overdue.
    refresh: async () => {
      const out = await task(
        'busyWriting',
        () => writeStatus(true),
        (out) => {
          dispatch({ type: 'highlights', on: true, note: highlightNoteFor(out.result) });
          // What changed since the last refresh: read from the workbook (the Seguimiento it held), kept in our history sheet.
          const first = out.written[0];
          const text = [s('refreshed', { sheet: first?.name ?? '' }), refreshNotice(s, out.change), writtenElsewhere(s, out.written)].filter(Boolean).join(' ');
          return { show: out, highlighted: true, notice: ok(text) };
        },
      );
      // In the browser the preview moves to the sheet just written, once the grid holding it is shown
      // (in Excel the user's sheet stays active).
      const first = out?.written[0];
      if (first && host.kind === 'browser') select(first.name, 'A1');
      if (out) setView({ history: out.history });
    },
    highlight: async () => {
      if (!result) return;
      await task(
        'busyWriting',
        () => host.highlightOverdue(result),
        () => {
          dispatch({ type: 'highlights', on: true, note: highlightNoteFor(result) });
          if (grid) onChecked?.(grid, result, true);
          return { notice: ok(s('highlightDone')) };
        },
      );
    },
    removeHighlights: async () => {
      await task(
        'busyWriting',
        () => host.removeHighlights(),
        () => {
          dispatch({ type: 'highlights', on: false, note: null });
          if (grid && result) onChecked?.(grid, result, false);
          return { notice: ok(s('highlightRemoved')) };
        },
      );
    },
    dropdowns: async () => {
      if (!result) return;
      const words = statusDropdownWords(result, lang);
      await task(
        'busyWriting',
        () => host.addStatusDropdowns(result, words),
        (n) => {
          if (n !== 0) setView({ dropdownsUndoable: true });
          return { notice: ok(s('dropdownsDone', { count: words.length })) };
        },
      );
    },
    removeDropdowns: async () => {
      await task(
        'busyWriting',
        () => host.removeStatusDropdowns(),
        (n) => {
          setView({ dropdownsUndoable: false });
          return { notice: ok(s('dropdownsUndone', { count: n })) };
        },
      );
    },
    writeActual: async (w: ActualWrite) => {
      const x = catalogue(lang).framework;
      const where = `${w.sheet}!${w.cell}`;
      await task(
        'busyWriting',
        async () => ({ written: await host.writeActual(w), ...(await checkHost(host, engine, settings, asOf, lang)) }),
        (out) => ({
          show: out,
          notice: out.written
            ? ok(fill(x.paneWriteDone, { value: figureText(w.value, lang), where }))
            : { intent: 'warning', text: fill(x.paneWriteSkipped, { where }) },
        }),
      );
    },
    convert: async () => {
      const n = conversions.length;
      await task(
        'busyWriting',
        async () => {
          await host.convertTextDates(conversions);
          return checkHost(host, engine, settings, asOf, lang);
        },
        (out) => {
          setView({ undoable: true });
          return { show: out, notice: ok(s('convertDone', { count: n })) };
        },
      );
    },
    undo: async () => {
      await task(
        'busyWriting',
        async () => {
          await host.undoConvertTextDates();
          return checkHost(host, engine, settings, asOf, lang);
        },
        (out) => {
          setView({ undoable: hasConversionRecord(out.grid) });
          return { show: out, notice: ok(s('undoDone')) };
        },
      );
    },
    applyMapping: async (sheet, m) => {
      const next = { ...settings, columnMappings: { ...settings.columnMappings, [sheet]: m } };
      await task('busyWriting', () => saveSettings(next, 'mapSaved'));
      setView({ mapping: false });
      await check(next, asOf, lang);
    },
    download: async () => {
      if (!browser) return;
      // The download carries a fresh Seguimiento; highlights only if the user has them on.
      await task(
        'busyWriting',
        async () => {
          const out = await writeStatus(highlighted);
          return { ...out, file: await browser.download() };
        },
        (out) => ({ show: out, notice: ok(s('downloaded', { file: out.file })) }),
      );
    },
    /** The user's columns for one kind of record sheet (null: back to recognition), saved with the workbook. */
    changeRollupMap: async (kind, m) => {
      const next = withKindMap(settings, kind, m);
      const kindLabel = s(kind === 'coverage' ? 'rollupKindCoverage' : kind === 'systems' ? 'rollupKindSystems' : 'rollupKindProviders');
      // Saving changed settings.rollupMap: the roll-up above runs again with it.
      await task(
        'busyWriting',
        () => saveSettings(next, null),
        () => ({ notice: ok(s(m ? 'rollupMapSaved' : 'rollupMapCleared', { kind: kindLabel })) }),
      );
    },
    writeRollupSheets: async () => {
      const out = await task(
        'busyWriting',
        () => writeRollups(host, engine, settings, asOf, lang, threshold),
        (o) => {
          const names = o.written.map((w) => `«${w.name}»`).join(', ');
          const failed = o.written.some((w) => w.chart === 'failed');
          const drawn = o.written.some((w) => w.chart === 'added');
          return {
            show: o,
            notice: {
              intent: failed ? 'warning' : 'success',
              text: [s(failed ? 'rollupChartFailed' : drawn ? 'rollupWrittenCharts' : 'rollupWritten', { sheets: names }), writtenElsewhere(s, o.written)].filter(Boolean).join(' '),
            },
          };
        },
      );
      const first = out?.written[0];
      if (first) select(first.name, 'A1');
    },
    exportDonors: async (choice) => {
      const save = props.saveFile ?? downloadBytes;
      await task(
        'busyExporting',
        async () => {
          const exp = await donorExport(host, engine, { settings, asOf, lang: choice?.lang ?? lang, threshold, generatedAt: today, sourceFile: browser?.fileName, sheets: choice?.sheets });
          if (!exp.hasContent) return { exp, delivery: null };
          return { exp, delivery: await deliverExport(host, state.caps, exp, save) };
        },
        (out) => ({
          notice: !out.delivery
            ? { intent: 'warning', text: s('exportEmpty') }
            : out.delivery === 'opened'
              ? ok(s('exportOpened'))
              : ok(s('exportDownloaded', { file: out.exp.fileName })),
        }),
      );
    },
    saveSettingsFromPanel: async (next) => {
      await task('busyWriting', () => saveSettings(next, 'settingsSaved'));
      const language = next.language ?? props.defaultLang;
      setView({ lang: language });
      await check(next, asOf, language);
    },
  };
}
