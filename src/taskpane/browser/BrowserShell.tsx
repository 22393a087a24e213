// Browser mode: the pane outside Office. Starts on the bundled sample plan, opens any .xlsx from
// disk, works on it in memory with the same engine, and hands the result back as a download.
import * as React from 'react';
import { makeStyles, tokens, Spinner, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { WorkbookGrid } from '../../core/grid';
import type { CheckResult } from '../../core/model';
import { t, type Lang } from '../../core/i18n';
import { BrowserHost } from '../../hosts/browser';
import { XlsxReadError, readXlsx } from '../../hosts/xlsx/read';
import { App } from '../App';
import type { Engine } from '../engine';
import { makeStrings, StringsContext } from '../strings';
import { SheetPreview } from './SheetPreview';

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
  center: { display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100vh', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
});

interface Loaded {
  readonly host: BrowserHost;
  readonly isSample: boolean;
  readonly serial: number;
}

/** A read error as one line in the user's language (the CLI's messages say it well already). */
function readErrorText(e: unknown, file: string, lang: Lang): string {
  if (e instanceof XlsxReadError) {
    const key = ({ empty: 'errEmpty', not_xlsx: 'errNotXlsx', encrypted: 'errEncrypted', old_xls: 'errOldXls', corrupt: 'errCorrupt' } as const)[e.kind];
    return t(lang, 'cli', key, { file, detail: e.detail });
  }
  return t(lang, 'pane', 'openError', { file, detail: e instanceof Error ? e.message : String(e) });
}

export function BrowserShell({ engine, defaultLang, sampleUrl = SAMPLE_FILE }: { engine: Engine; defaultLang: Lang; sampleUrl?: string }): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(defaultLang);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [opening, setOpening] = React.useState<string | null>(sampleUrl);
  const [view, setView] = React.useState<{ grid: WorkbookGrid; result: CheckResult; overdue: boolean } | null>(null);
  const [selection, setSelection] = React.useState<{ sheet: string; address: string } | null>(null);
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const s = React.useMemo(() => makeStrings(lang), [lang]);

  const open = React.useCallback(async (name: string, bytes: Uint8Array, isSample: boolean) => {
    // Read once up front so a bad file is refused here, with the current workbook kept.
    const grid = readXlsx(bytes);
    const host = new BrowserHost(bytes, name, { lang: langRef.current, grid });
    host.onSelect((sheet, address) => setSelection({ sheet, address }));
    setView(null);
    setSelection(null);
    setLoaded((prev) => ({ host, isSample, serial: (prev?.serial ?? 0) + 1 }));
  }, []);

  React.useEffect(() => {
    void (async () => {
      try {
        const res = await fetch(sampleUrl);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        await open(sampleUrl.split('/').pop() ?? sampleUrl, new Uint8Array(await res.arrayBuffer()), true);
      } catch (e) {
        setError(t(langRef.current, 'pane', 'sampleError', { detail: e instanceof Error ? e.message : String(e) }));
      } finally {
        setOpening(null);
      }
    })();
  }, [sampleUrl, open]);

  const openFile = (file: File): void => {
    setOpening(file.name);
    setError(null);
    void (async () => {
      try {
        await open(file.name, new Uint8Array(await file.arrayBuffer()), false);
      } catch (e) {
        setError(readErrorText(e, file.name, langRef.current));
      } finally {
        setOpening(null);
      }
    })();
  };

  const download = (): string => {
    if (!loaded) return '';
    const blob = new Blob([loaded.host.currentBytes() as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
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

  if (!loaded) {
    return (
      <StringsContext.Provider value={s}>
        <div className={styles.center} data-testid="browser-loading">
          {error ? (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : (
            <Spinner label={s('busyOpening', { file: opening ?? '' })} />
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
        <div className={styles.preview}>
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
        </div>
      </div>
    </StringsContext.Provider>
  );
}
