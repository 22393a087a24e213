// The task pane: check the plan, show what was found, act on the sheet. It talks to the workbook
// only through the PaneHost it is given (Office or the in-memory browser host) and the engine.
import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  tokens,
  Caption1,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowSyncRegular, DismissRegular, ArrowDownloadRegular, ArrowExportLtrRegular, FolderOpenRegular, TableSearchRegular } from '@fluentui/react-icons';
import type { Finding, Severity } from '../core/findings';
import type { WorkbookGrid } from '../core/grid';
import type { CheckResult } from '../core/model';
import type { Lang } from '../core/i18n';
import type { PaneHost, HostCapabilities } from '../hosts/pane-host';
import type { Engine } from './engine';
import { checkHost, refreshStatus, writeRollups } from './actions';
import { DEFAULT_THRESHOLD } from '../core/rollup/types';
import { buildDonorExport, deliverExport } from './export';
import { downloadBytes, type SaveFile } from './download';
import { hasRecords, parseThresholdPercent, thresholdText } from './rollups';
import { withKindMap } from './rollup-mapping';
import type { KindMap } from '../core/rollup/map';
import type { RecordKind } from '../core/rollup/types';
import {
  groupOverdue,
  hasConversionRecord,
  listedFindings,
  overdueItems,
  statusDropdownWords,
  textDateConversions,
  todayISO,
  type GroupBy,
  type OverdueItem,
} from './logic';
import { DEFAULT_SETTINGS, parseSettings, type ColumnMapping, type Settings, type SettingsNotice } from './settings';
import { makeStrings, StringsContext, type PaneKey } from './strings';
import { Summary } from './components/Summary';
import { TablesFound } from './components/TablesFound';
import { ColumnMapper } from './components/ColumnMapper';
import { Tools } from './components/Tools';
import { OverdueList } from './components/OverdueList';
import { FindingsList } from './components/FindingsList';
import { SettingsPanel } from './components/SettingsPanel';
import { Section } from './components/Section';
import { RollupsView } from './components/RollupsView';

type TabId = 'plan' | 'rollups' | 'settings';

/** How long the threshold input must rest before it is saved in the workbook. */
const THRESHOLD_SAVE_DELAY_MS = 600;

/** Present in browser mode: the page's own file controls. */
export interface BrowserControls {
  readonly fileName: string;
  readonly isSample: boolean;
  openFile(file: File): void;
  /** Offers the host's current bytes as a download (App writes Seguimiento first); returns the file name. */
  download(): string;
}

export interface AppProps {
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

type Notice = { intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    background: 'linear-gradient(135deg, #0B5A6E 0%, #0F6CBD 100%)',
    color: '#fff',
  },
  logo: {
    width: '32px',
    height: '32px',
    borderRadius: '8px',
    backgroundColor: 'rgba(255,255,255,0.18)',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
  },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  title: { margin: 0, fontSize: '18px', lineHeight: '22px', fontWeight: 600 },
  subtitle: { fontSize: '12px', opacity: 0.85 },
  langs: { display: 'flex', borderRadius: '6px', overflow: 'hidden', border: '1px solid rgba(255,255,255,0.5)' },
  langBtn: {
    minWidth: '36px',
    padding: '2px 8px',
    border: 'none',
    background: 'transparent',
    color: '#fff',
    cursor: 'pointer',
    fontSize: '12px',
    fontWeight: 600,
    ':focus-visible': { outline: '2px solid #fff', outlineOffset: '-3px' },
  },
  langOn: { backgroundColor: '#fff', color: '#0B5A6E' },
  progress: { height: '2px' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  browserBar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  fileRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fileName: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 600 },
  asOfRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  asOf: { flexGrow: 1, minWidth: '150px' },
  actionRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, '& > *': { flexGrow: 1 } },
  status: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  tabs: { padding: `0 ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function App(props: AppProps): React.JSX.Element {
  const { host, engine, browser } = props;
  const styles = useStyles();
  const today = props.today ?? todayISO();
  const [settings, setSettings] = React.useState<Settings>(DEFAULT_SETTINGS);
  const [settingsNotice, setSettingsNotice] = React.useState<SettingsNotice>(null);
  const [lang, setLang] = React.useState<Lang>(props.defaultLang);
  const [asOf, setAsOf] = React.useState(today);
  const [busy, setBusy] = React.useState<PaneKey | null>(null);
  const [grid, setGrid] = React.useState<WorkbookGrid | null>(null);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [caps, setCaps] = React.useState<HostCapabilities | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [tab, setTab] = React.useState<TabId>('plan');
  const [thresholdInput, setThresholdInput] = React.useState(() => thresholdText(DEFAULT_THRESHOLD, props.defaultLang === 'es'));
  const [threshold, setThreshold] = React.useState(DEFAULT_THRESHOLD);
  const [groupBy, setGroupBy] = React.useState<GroupBy>('recommendation');
  const [severity, setSeverity] = React.useState<Severity | 'all'>('all');
  const [selected, setSelected] = React.useState<string | null>(null);
  const [highlighted, setHighlighted] = React.useState(false);
  const [highlightNote, setHighlightNote] = React.useState<string | null>(null);
  const [mapping, setMapping] = React.useState(false);
  const [notesDismissed, setNotesDismissed] = React.useState(false);
  const s = React.useMemo(() => makeStrings(lang), [lang]);

  const { onLangChange, onChecked } = props;
  React.useEffect(() => onLangChange?.(lang), [lang, onLangChange]);

  /** Runs one piece of work with the progress bar on and errors shown, never thrown. */
  const run = React.useCallback(
    async <T,>(label: PaneKey, work: () => Promise<T>): Promise<T | undefined> => {
      setBusy(label);
      try {
        return await work();
      } catch (e) {
        setNotice({ intent: 'error', text: makeStrings(lang)('errorGeneric', { detail: e instanceof Error ? e.message : String(e) }) });
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [lang],
  );

  const show = React.useCallback(
    (g: WorkbookGrid, r: CheckResult, hl: boolean) => {
      setGrid(g);
      setResult(r);
      onChecked?.(g, r, hl);
    },
    [onChecked],
  );

  const check = React.useCallback(
    async (cfg: Settings, date: string, language: Lang, reuse?: WorkbookGrid) => {
      const out = await run('busyChecking', () => checkHost(host, engine, cfg, date, language, reuse));
      if (out) show(out.grid, out.result, highlighted);
    },
    [host, engine, run, show, highlighted],
  );

  // On open: settings from the workbook, then check the whole workbook.
  React.useEffect(() => {
    let live = true;
    void (async () => {
      setBusy('busyReading');
      try {
        const loaded = parseSettings(await host.loadSettings());
        const c = await host.capabilities();
        const h = 'hasHighlights' in host && typeof host.hasHighlights === 'function' ? await (host.hasHighlights as () => Promise<boolean>)() : false;
        if (!live) return;
        setSettings(loaded.settings);
        setSettingsNotice(loaded.notice);
        if (loaded.settings.rollupThreshold !== undefined) {
          setThreshold(loaded.settings.rollupThreshold);
          setThresholdInput(thresholdText(loaded.settings.rollupThreshold, (loaded.settings.language ?? props.defaultLang) === 'es'));
        }
        setCaps(c);
        setHighlighted(h);
        const language = loaded.settings.language ?? props.defaultLang;
        setLang(language);
        setBusy('busyChecking');
        const out = await checkHost(host, engine, loaded.settings, asOf, language);
        if (live) show(out.grid, out.result, h);
      } catch (e) {
        if (live) setNotice({ intent: 'error', text: makeStrings(props.defaultLang)('errorGeneric', { detail: e instanceof Error ? e.message : String(e) }) });
      } finally {
        if (live) setBusy(null);
      }
    })();
    return () => {
      live = false;
    };
    // Once per host: a new workbook remounts the pane.
  }, [host]);

  const saveSettings = async (next: Settings, message: PaneKey | null): Promise<void> => {
    await host.saveSettings(next);
    setSettings(next);
    setSettingsNotice(null);
    if (message) setNotice({ intent: 'success', text: makeStrings(next.language ?? lang)(message) });
  };

  const changeLang = (l: Lang): void => {
    setLang(l);
    void run('busyWriting', () => saveSettings({ ...settings, language: l }, null));
  };

  const changeAsOf = (v: string): void => {
    setAsOf(v);
    // Only the date changed: check the grid already read instead of reading the workbook again.
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) void check(settings, v, lang, grid ?? undefined);
  };

  /** Seguimiento written again; the overdue highlights too when asked (the ribbon always does). */
  const writeStatus = (withHighlights: boolean) =>
    run('busyWriting', async () => {
      const out = await refreshStatus(host, engine, settings, asOf, lang);
      if (withHighlights) await host.highlightOverdue(out.result);
      return out;
    });

  const highlightNoteFor = (r: CheckResult): string =>
    r.asOf === today ? s('highlightLiveNote') : s('highlightAsOfNote', { asOf: s.date(r.asOf) });

  // "Refresh status" does what the ribbon button does: check, rewrite Seguimiento, highlight overdue.
  const refresh = async (): Promise<void> => {
    const out = await writeStatus(true);
    if (!out) return;
    setHighlighted(true);
    setHighlightNote(highlightNoteFor(out.result));
    show(out.grid, out.result, true);
    setNotice({ intent: 'success', text: s('refreshed', { sheet: out.written[0]?.name ?? '' }) });
  };

  const select = (sheet: string, address: string, key: string): void => {
    setSelected(key);
    void host.select(sheet, address).catch((e: unknown) => setNotice({ intent: 'error', text: s('errorGeneric', { detail: String(e) }) }));
  };

  const highlight = async (): Promise<void> => {
    if (!result) return;
    const ok = await run('busyWriting', async () => {
      await host.highlightOverdue(result);
      return true;
    });
    if (!ok) return;
    setHighlighted(true);
    setHighlightNote(highlightNoteFor(result));
    setNotice({ intent: 'success', text: s('highlightDone') });
    if (grid) onChecked?.(grid, result, true);
  };

  const removeHighlights = async (): Promise<void> => {
    const ok = await run('busyWriting', async () => {
      await host.removeHighlights();
      return true;
    });
    if (!ok) return;
    setHighlighted(false);
    setHighlightNote(null);
    setNotice({ intent: 'success', text: s('highlightRemoved') });
    if (grid && result) onChecked?.(grid, result, false);
  };

  const dropdowns = async (): Promise<void> => {
    if (!result) return;
    const words = statusDropdownWords(result, lang);
    const ok = await run('busyWriting', async () => {
      await host.addStatusDropdowns(result, words);
      return true;
    });
    if (ok) setNotice({ intent: 'success', text: s('dropdownsDone', { count: words.length }) });
  };

  const conversions = React.useMemo(() => (result ? textDateConversions(result) : []), [result]);
  const [undoable, setUndoable] = React.useState(false);
  React.useEffect(() => setUndoable(grid ? hasConversionRecord(grid) : false), [grid]);

  const convert = async (): Promise<void> => {
    const n = conversions.length;
    const out = await run('busyWriting', async () => {
      await host.convertTextDates(conversions);
      return checkHost(host, engine, settings, asOf, lang);
    });
    if (!out) return;
    show(out.grid, out.result, highlighted);
    setUndoable(true);
    setNotice({ intent: 'success', text: s('convertDone', { count: n }) });
  };

  const undo = async (): Promise<void> => {
    const out = await run('busyWriting', async () => {
      await host.undoConvertTextDates();
      return checkHost(host, engine, settings, asOf, lang);
    });
    if (!out) return;
    show(out.grid, out.result, highlighted);
    setUndoable(hasConversionRecord(out.grid));
    setNotice({ intent: 'success', text: s('undoDone') });
  };

  const applyMapping = async (sheet: string, m: ColumnMapping): Promise<void> => {
    const next = { ...settings, columnMappings: { ...settings.columnMappings, [sheet]: m } };
    await run('busyWriting', () => saveSettings(next, 'mapSaved'));
    setMapping(false);
    await check(next, asOf, lang);
  };

  const download = async (): Promise<void> => {
    if (!browser) return;
    // The download carries a fresh Seguimiento; highlights only if the user has them on.
    const out = await writeStatus(highlighted);
    if (!out) return;
    show(out.grid, out.result, highlighted);
    const name = browser.download();
    setNotice({ intent: 'success', text: s('downloaded', { file: name }) });
  };

  // The roll-up of the grid just read: cheap next to reading, and it tells whether to open on this tab.
  const rollupMap = settings.rollupMap;
  const rollup = React.useMemo(() => (grid ? engine.rollup(grid, { lang, threshold, map: rollupMap }) : null), [grid, engine, lang, threshold, rollupMap]);
  const tabChosen = React.useRef(false);
  React.useEffect(() => {
    if (tabChosen.current || !result || !rollup) return;
    tabChosen.current = true;
    // A workbook of record sheets and no plan opens where its figures are.
    if (!result.tables.length && hasRecords(rollup)) setTab('rollups');
  }, [result, rollup]);

  const changeThreshold = (text: string): void => {
    setThresholdInput(text);
    const v = parseThresholdPercent(text);
    if (v !== null) setThreshold(v);
  };
  const thresholdValid = parseThresholdPercent(thresholdInput) !== null;

  // The threshold is saved with the workbook once the user stops typing (not on every keystroke).
  const settingsRef = React.useRef(settings);
  settingsRef.current = settings;
  const savedThreshold = settings.rollupThreshold ?? DEFAULT_THRESHOLD;
  React.useEffect(() => {
    if (threshold === savedThreshold) return;
    const timer = setTimeout(() => {
      void saveSettings({ ...settingsRef.current, rollupThreshold: threshold }, null).catch((e: unknown) =>
        setNotice({ intent: 'error', text: s('errorGeneric', { detail: e instanceof Error ? e.message : String(e) }) }),
      );
    }, THRESHOLD_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // Only the value matters: saveSettings and s are new every render, settings come from the ref.
  }, [threshold, savedThreshold]);

  /** The user's columns for one kind of record sheet (null: back to recognition), saved with the workbook. */
  const changeRollupMap = async (kind: RecordKind, m: KindMap | null): Promise<void> => {
    const next = withKindMap(settings, kind, m);
    const kindLabel = s(kind === 'coverage' ? 'rollupKindCoverage' : kind === 'systems' ? 'rollupKindSystems' : 'rollupKindProviders');
    const ok = await run('busyWriting', async () => {
      await saveSettings(next, null);
      return true;
    });
    // Saving changed settings.rollupMap: the roll-up above runs again with it.
    if (ok) setNotice({ intent: 'success', text: s(m ? 'rollupMapSaved' : 'rollupMapCleared', { kind: kindLabel }) });
  };

  const writeRollupSheets = async (): Promise<void> => {
    const out = await run('busyWriting', () => writeRollups(host, engine, settings, asOf, lang, threshold));
    if (!out) return;
    show(out.grid, out.result, highlighted);
    const names = out.written.map((w) => `«${w.name}»`).join(', ');
    const failed = out.written.some((w) => w.chart === 'failed');
    const drawn = out.written.some((w) => w.chart === 'added');
    setNotice({
      intent: failed ? 'warning' : 'success',
      text: s(failed ? 'rollupChartFailed' : drawn ? 'rollupWrittenCharts' : 'rollupWritten', { sheets: names }),
    });
    const first = out.written[0];
    if (first) select(first.name, 'A1', `${first.name}!A1`);
  };

  const exportDonors = async (): Promise<void> => {
    const save = props.saveFile ?? downloadBytes;
    const out = await run('busyExporting', async () => {
      const exp = await buildDonorExport(host, engine, { settings, asOf, lang, threshold, generatedAt: today, sourceFile: browser?.fileName });
      if (!exp.hasContent) return { exp, delivery: null };
      return { exp, delivery: await deliverExport(host, caps, exp, save) };
    });
    if (!out) return;
    if (!out.delivery) setNotice({ intent: 'warning', text: s('exportEmpty') });
    else if (out.delivery === 'opened') setNotice({ intent: 'success', text: s('exportOpened') });
    else setNotice({ intent: 'success', text: s('exportDownloaded', { file: out.exp.fileName }) });
  };

  const fileInput = React.useRef<HTMLInputElement>(null);
  const items = React.useMemo(() => (result ? overdueItems(result) : []), [result]);
  const groups = React.useMemo(() => groupOverdue(items, groupBy, engine.leadOrganisation), [items, groupBy, engine]);
  const findings = React.useMemo(() => (result ? listedFindings(result, severity) : []), [result, severity]);
  const allFindings = React.useMemo(() => (result ? listedFindings(result, 'all') : []), [result]);
  const noTable = !!result && result.tables.length === 0;
  const isBusy = busy !== null;

  const selectOverdue = (it: OverdueItem): void => select(it.sheet, it.address, `${it.sheet}!${it.address}`);
  const selectFinding = (f: Finding): void => {
    if (f.sheet && f.cell) select(f.sheet, f.cell, `${f.sheet}!${f.cell}`);
  };

  return (
    <StringsContext.Provider value={s}>
      <div className={styles.root} lang={lang} data-testid="pane" aria-busy={isBusy}>
        <header className={styles.header}>
          <div className={styles.logo} aria-hidden>
            <TableSearchRegular fontSize={20} />
          </div>
          <div className={styles.titles}>
            <h1 className={styles.title}>{s('appTitle')}</h1>
            <span className={styles.subtitle}>{s('appSubtitle')}</span>
          </div>
          <div className={styles.langs} role="group" aria-label={s('language')}>
            {(['es', 'en'] as const).map((l) => (
              <button
                key={l}
                type="button"
                lang={l}
                className={`${styles.langBtn} ${lang === l ? styles.langOn : ''}`}
                aria-pressed={lang === l}
                aria-label={`${l === 'es' ? s('langEs') : s('langEn')} (${l.toUpperCase()})`}
                onClick={() => changeLang(l)}
                data-testid={`lang-${l}`}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </div>
        </header>
        <div className={styles.progress}>{isBusy ? <ProgressBar thickness="medium" aria-label={s(busy)} /> : null}</div>
        <div role="status" aria-live="polite" className={styles.status} data-testid="busy">
          {busy ? s(busy) : ''}
        </div>

        {browser ? (
          <div className={styles.browserBar} data-testid="browser-bar">
            <div className={styles.fileRow}>
              <span className={styles.fileName} title={browser.fileName} data-testid="file-name">
                {s('browserFile', { file: browser.isSample ? `${browser.fileName} (${s('browserSample')})` : browser.fileName })}
              </span>
            </div>
            <div className={styles.fileRow}>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={s('openFileLabel')}
                data-testid="file-input"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) browser.openFile(f);
                  e.target.value = '';
                }}
              />
              <Button icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()} disabled={isBusy} data-testid="open-file">
                {s('openFile')}
              </Button>
              <Tooltip content={s('downloadHint')} relationship="description">
                <Button icon={<ArrowDownloadRegular />} onClick={() => void download()} disabled={isBusy || !result} data-testid="download">
                  {s('download')}
                </Button>
              </Tooltip>
            </div>
            {caps?.notes.map((k) => (
              <Caption1 key={k} className={styles.hint}>
                {s(k as PaneKey)}
              </Caption1>
            ))}
          </div>
        ) : null}

        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={s('tabsLabel')}>
          <Tab value="plan" data-testid="tab-plan">
            {s('tabPlan')}
          </Tab>
          <Tab value="rollups" data-testid="tab-rollups">
            {s('tabRollups')}
          </Tab>
          <Tab value="settings" data-testid="tab-settings">
            {s('tabSettings')}
          </Tab>
        </TabList>

        <main className={styles.body}>
          {settingsNotice ? (
            <MessageBar intent="warning" data-testid="settings-notice">
              <MessageBarBody>
                {settingsNotice.kind === 'old'
                  ? s('settingsFallbackOld')
                  : settingsNotice.kind === 'rollup'
                    ? s('settingsFallbackRollup', { detail: settingsNotice.detail })
                    : s('settingsFallbackInvalid', { detail: settingsNotice.detail })}
              </MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" aria-label={s('dismiss')} icon={<DismissRegular />} onClick={() => setSettingsNotice(null)} />} />
            </MessageBar>
          ) : null}
          {!browser && caps?.notes.length && !notesDismissed ? (
            <MessageBar intent="info" layout="multiline" data-testid="host-notes">
              <MessageBarBody>
                {caps.notes.map((k) => (
                  <div key={k}>{s(k as PaneKey)}</div>
                ))}
              </MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" aria-label={s('dismiss')} icon={<DismissRegular />} onClick={() => setNotesDismissed(true)} />} />
            </MessageBar>
          ) : null}
          {notice ? (
            <MessageBar intent={notice.intent} data-testid="notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" aria-label={s('dismiss')} icon={<DismissRegular />} onClick={() => setNotice(null)} />} />
            </MessageBar>
          ) : null}

          {tab === 'plan' ? (
            <>
              <div className={styles.asOfRow}>
                <Field label={s('asOf')} hint={s('asOfHint')} className={styles.asOf}>
                  <Input type="date" value={asOf} onChange={(_, d) => changeAsOf(d.value)} data-testid="as-of" />
                </Field>
              </div>
              <div className={styles.actionRow}>
                <Tooltip content={s('refreshHint')} relationship="description">
                  <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={() => void refresh()} disabled={isBusy || !result} data-testid="refresh">
                    {s('refresh')}
                  </Button>
                </Tooltip>
                <Tooltip content={s('exportHint')} relationship="description">
                  <Button icon={<ArrowExportLtrRegular />} onClick={() => void exportDonors()} disabled={isBusy || !result} data-testid="export-donors">
                    {s('exportDonors')}
                  </Button>
                </Tooltip>
              </div>

              {noTable && grid ? (
                <MessageBar intent="warning" layout="multiline" data-testid="no-table">
                  <MessageBarBody>
                    <MessageBarTitle>{s('noTableTitle')}</MessageBarTitle>
                    {s('noTableBody')}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              {grid && (noTable || mapping) ? (
                <Section title={s('mapTitle')} id="mapper">
                  <ColumnMapper
                    grid={grid}
                    onApply={(sheet, m) => void applyMapping(sheet, m)}
                    onCancel={noTable ? undefined : () => setMapping(false)}
                    disabled={isBusy}
                  />
                </Section>
              ) : null}
              {result && !noTable ? (
                <>
                  <TablesFound
                    tables={result.tables}
                    onSelect={(sheet, range) => select(sheet, range, `${sheet}!${range}`)}
                    actions={
                      mapping ? null : (
                        <Button size="small" appearance="subtle" onClick={() => setMapping(true)}>
                          {s('mapManual')}
                        </Button>
                      )
                    }
                  />
                  <Summary result={result} />
                  <Tools
                    highlighted={highlighted}
                    highlightNote={highlightNote}
                    onHighlight={() => void highlight()}
                    onRemoveHighlights={() => void removeHighlights()}
                    onDropdowns={() => void dropdowns()}
                    conversions={conversions}
                    onConvert={() => void convert()}
                    canUndo={undoable}
                    onUndo={() => void undo()}
                    busy={isBusy}
                    canHighlight={caps?.conditionalFormats ?? true}
                    canDropdowns={caps?.dataValidation ?? true}
                    convertSheetName={s('convSheetName')}
                  />
                  <OverdueList
                    groups={groups}
                    total={items.length}
                    groupBy={groupBy}
                    onGroupBy={setGroupBy}
                    onSelect={selectOverdue}
                    selected={selected}
                  />
                  <FindingsList
                    findings={findings}
                    allFindings={allFindings}
                    severity={severity}
                    onSeverity={setSeverity}
                    onSelect={selectFinding}
                    selected={selected}
                  />
                </>
              ) : null}
            </>
          ) : tab === 'rollups' ? (
            <RollupsView
              rollup={rollup}
              grid={grid}
              rollupMap={rollupMap}
              onMapApply={(kind, m) => void changeRollupMap(kind, m)}
              onMapReset={(kind) => void changeRollupMap(kind, null)}
              thresholdText={thresholdInput}
              thresholdValid={thresholdValid}
              onThresholdText={changeThreshold}
              onWrite={() => void writeRollupSheets()}
              onSelectSheet={(sheet, range) => select(sheet, range, `${sheet}!${range}`)}
              onSelectFinding={selectFinding}
              selected={selected}
              busy={isBusy}
              charts={host.kind === 'office'}
            />
          ) : (
            <SettingsPanel
              settings={settings}
              autoLang={props.defaultLang}
              busy={isBusy}
              onSave={(next) =>
                void (async () => {
                  await run('busyWriting', () => saveSettings(next, 'settingsSaved'));
                  if (next.language) setLang(next.language);
                  else setLang(props.defaultLang);
                  await check(next, asOf, next.language ?? props.defaultLang);
                })()
              }
            />
          )}
        </main>
      </div>
    </StringsContext.Provider>
  );
}
