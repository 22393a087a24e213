// Browser mode: the pane outside Office. Starts on the bundled sample plan, opens any .xlsx from
// disk, works on it in memory with the same engine, and hands the result back as a download.
// The workbook lives in a Web Worker (one per open file): the page only draws.
import * as React from 'react';
import { makeStyles, tokens, Spinner, MessageBar, MessageBarBody, MessageBarActions, Button, ProgressBar } from '@fluentui/react-components';
import type { WorkbookGrid } from '../../core/grid';
import type { CheckResult } from '../../core/model';
import { t, type Lang } from '../../core/i18n';
import { XlsxReadError } from '../../hosts/xlsx/read';
import { readErrorText as xlsxReadErrorText } from '../../hosts/xlsx/read-error';
import { App } from '../App';
import type { Engine } from '../engine';
import { makeStrings, StringsContext } from '../strings';
import { SheetPreview } from './SheetPreview';
import { WorkerClient, WorkerHost } from '../worker/client';
import { spawnPaneWorker } from '../worker/spawn';
import { progressText, progressValue } from '../progress';
import type { Progress } from '../worker/protocol';

export const SAMPLE_FILE = 'plan-de-mejora-ecuador-2011.xlsx';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(360px, 460px) 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr', height: 'auto' },
  },
  pane: { overflowY: 'auto', minHeight: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground2 },
  preview: { minHeight: 0, minWidth: 0, '@media (max-width: 900px)': { height: '70vh' } },
  center: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100vh',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
  },
});

interface Loaded {
  readonly host: WorkerHost;
  readonly isSample: boolean;
  readonly serial: number;
}

/** A read error as one line in the user's language (the CLI says it the same way). */
function readErrorText(e: unknown, file: string, lang: Lang): string {
  if (e instanceof XlsxReadError) return xlsxReadErrorText(e, file, lang);
  return t(lang, 'pane', 'openError', { file, detail: e instanceof Error ? e.message : String(e) });
}

interface Opening {
  readonly file: string;
  readonly client: WorkerClient | null;
  readonly progress: Progress | null;
}

export function BrowserShell({ engine, defaultLang, sampleUrl = SAMPLE_FILE }: { engine: Engine; defaultLang: Lang; sampleUrl?: string }): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(defaultLang);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [opening, setOpening] = React.useState<Opening | null>({ file: sampleUrl, client: null, progress: null });
  const [view, setView] = React.useState<{ grid: WorkbookGrid; result: CheckResult; overdue: boolean } | null>(null);
  const [selection, setSelection] = React.useState<{ sheet: string; address: string } | null>(null);
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const loadedRef = React.useRef(loaded);
  loadedRef.current = loaded;
  const s = React.useMemo(() => makeStrings(lang), [lang]);

  /** Reads the file in a new worker; the workbook open now stays until the new one is read (or refused). */
  const open = React.useCallback(async (name: string, bytes: Uint8Array, isSample: boolean) => {
    const client = new WorkerClient(spawnPaneWorker());
    client.onProgress((p) => setOpening((o) => (o && o.client === client ? { ...o, progress: p } : o)));
    setOpening({ file: name, client, progress: { step: 'progressSheets', done: 0, total: 1 } });
    try {
      await client.request({ op: 'open', bytes, name, lang: langRef.current }, [bytes.buffer]);
    } catch (e) {
      client.terminate();
      throw e;
    }
    const host = new WorkerHost(client, name, langRef.current);
    host.onSelect((sheet, address) => setSelection({ sheet, address }));
    loadedRef.current?.host.client.terminate();
    setView(null);
    setSelection(null);
    setLoaded((prev) => ({ host, isSample, serial: (prev?.serial ?? 0) + 1 }));
  }, []);

  const opened = (file: string, e?: unknown): void => {
    if (e instanceof Error && e.message === 'cancelled') setError(null);
    else if (e !== undefined) setError(readErrorText(e, file, langRef.current));
    setOpening(null);
  };

  React.useEffect(() => {
    void (async () => {
      const file = sampleUrl.split('/').pop() ?? sampleUrl;
      try {
        const res = await fetch(sampleUrl);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        await open(file, new Uint8Array(await res.arrayBuffer()), true);
        opened(file);
      } catch (e) {
        setError(t(langRef.current, 'pane', 'sampleError', { detail: e instanceof Error ? e.message : String(e) }));
        setOpening(null);
      }
    })();
  }, [sampleUrl, open]);

  const openFile = (file: File): void => {
    setError(null);
    setOpening({ file: file.name, client: null, progress: null });
    void (async () => {
      try {
        await open(file.name, new Uint8Array(await file.arrayBuffer()), false);
        opened(file.name);
      } catch (e) {
        opened(file.name, e);
      }
    })();
  };

  const cancelOpening = (): void => {
    const o = opening;
    if (!o?.client) return;
    o.client.terminate();
    setOpening(null);
    setError(null);
  };

  const download = async (): Promise<string> => {
    if (!loaded) return '';
    const bytes = await loaded.host.currentBytes();
    const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = loaded.host.downloadName();
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return a.download;
  };

  const onLangChange = React.useCallback(
    (l: Lang) => {
      setLang(l);
      if (loaded) loaded.host.lang = l;
    },
    [loaded],
  );
  const onChecked = React.useCallback((grid: WorkbookGrid, result: CheckResult, overdue: boolean) => setView({ grid, result, overdue }), []);

  const openingBar = opening ? (
    <div data-testid="opening" role="status" aria-live="polite">
      <MessageBar intent="info">
        <MessageBarBody>
          {s('busyOpening', { file: opening.file })} {opening.progress ? progressText(s, opening.progress) : ''}
        </MessageBarBody>
        {opening.client ? (
          <MessageBarActions>
            <Button size="small" onClick={cancelOpening} data-testid="open-cancel">
              {s('openCancel')}
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
      <ProgressBar
        thickness="medium"
        value={opening.progress ? progressValue(opening.progress) : undefined}
        aria-label={s('busyOpening', { file: opening.file })}
      />
    </div>
  ) : null;

  if (!loaded) {
    return (
      <StringsContext.Provider value={s}>
        <div className={styles.center} data-testid="browser-loading">
          {error ? (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Spinner label={s('busyOpening', { file: opening?.file ?? '' })} />
              {opening?.progress ? <span data-testid="opening-progress">{progressText(s, opening.progress)}</span> : null}
            </>
          )}
        </div>
      </StringsContext.Provider>
    );
  }

  return (
    <StringsContext.Provider value={s}>
      <div className={styles.root}>
        <div className={styles.pane} data-testid="pane-scroll">
          {error ? (
            <MessageBar intent="error" data-testid="open-error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : null}
          {openingBar}
          <App
            key={loaded.serial}
            host={loaded.host}
            engine={engine}
            defaultLang={lang}
            browser={{ fileName: loaded.host.fileName, isSample: loaded.isSample, openFile, download }}
            onLangChange={onLangChange}
            onChecked={onChecked}
          />
        </div>
        <section className={styles.preview} aria-label={s('previewTitle')}>
          {view ? (
            <SheetPreview
              grid={view.grid}
              result={view.result}
              overdueShown={view.overdue}
              selection={selection}
              onSheet={(name) => setSelection({ sheet: name, address: 'A1' })}
            />
          ) : (
            <div className={styles.center}>
              <Spinner label={s('busyReading')} />
            </div>
          )}
        </section>
      </div>
    </StringsContext.Provider>
  );
}
