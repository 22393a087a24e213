// The task pane: check the plan, show what was found, act on the sheet. It talks to the workbook
// only through the PaneHost it is given (Office or the in-memory browser host) and the engine.
// State and actions live in the session (./session.ts); each tab is a component listed in ./tabs.
import * as React from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  ProgressBar,
  Tab,
  TabList,
  tokens,
  Caption1,
  Tooltip,
} from '@fluentui/react-components';
import { DismissRegular, ArrowDownloadRegular, FolderOpenRegular, TableSearchRegular } from '@fluentui/react-icons';
import { StringsContext, type PaneKey } from './strings';
import { usePaneSession, type SessionProps } from './session';
import { PANE_TABS } from './tabs';
import { progressText, progressValue } from './progress';

export type { BrowserControls, Notice } from './session';
export type AppProps = SessionProps;

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
  status: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  tabs: { padding: `0 ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  hint: { color: tokens.colorNeutralForeground3 },
  progressText: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2 },
});

export function App(props: AppProps): React.JSX.Element {
  const { browser } = props;
  const styles = useStyles();
  const session = usePaneSession(props);
  const { state, s, isBusy } = session;
  const { lang, busy, caps, notice, settingsNotice, result } = state;
  const fileInput = React.useRef<HTMLInputElement>(null);
  const active = PANE_TABS.find((t) => t.id === state.tab) ?? PANE_TABS[0];
  const View = active?.View;

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
                aria-label={`${l.toUpperCase()}, ${l === 'es' ? s('langEs') : s('langEn')}`}
                onClick={() => session.changeLang(l)}
                data-testid={`lang-${l}`}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </div>
        </header>
        <div className={styles.progress}>
          {busy ? <ProgressBar thickness="medium" value={session.progress ? progressValue(session.progress) : undefined} aria-label={s(busy)} /> : null}
        </div>
        <div role="status" aria-live="polite" className={styles.status} data-testid="busy">
          {busy ? s(busy) : ''}
        </div>
        {busy && session.progress ? (
          <Caption1 className={styles.progressText} data-testid="progress">
            {progressText(s, session.progress)}
          </Caption1>
        ) : null}

        {browser ? (
          <section className={styles.browserBar} data-testid="browser-bar" aria-label={s('openFile')}>
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
                <Button icon={<ArrowDownloadRegular />} onClick={() => void session.download()} disabled={isBusy || !result} data-testid="download">
                  {s('download')}
                </Button>
              </Tooltip>
            </div>
            {caps?.notes.map((k) => (
              <Caption1 key={k} className={styles.hint}>
                {s(k as PaneKey)}
              </Caption1>
            ))}
          </section>
        ) : null}

        <nav aria-label={s('tabsLabel')}>
        <TabList
          className={styles.tabs}
          selectedValue={active?.id}
          onTabSelect={(_, d) => session.setView({ tab: String(d.value) })}
          aria-label={s('tabsLabel')}
        >
          {PANE_TABS.map((t) => (
            <Tab key={t.id} value={t.id} data-testid={`tab-${t.id}`}>
              {s(t.label)}
            </Tab>
          ))}
        </TabList>
        </nav>

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
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    aria-label={s('dismiss')}
                    icon={<DismissRegular />}
                    onClick={() => session.setView({ settingsNotice: null })}
                  />
                }
              />
            </MessageBar>
          ) : null}
          {!browser && caps?.notes.length && !state.notesDismissed ? (
            <MessageBar intent="info" layout="multiline" data-testid="host-notes">
              <MessageBarBody>
                {caps.notes.map((k) => (
                  <div key={k}>{s(k as PaneKey)}</div>
                ))}
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    aria-label={s('dismiss')}
                    icon={<DismissRegular />}
                    onClick={() => session.setView({ notesDismissed: true })}
                  />
                }
              />
            </MessageBar>
          ) : null}
          {notice ? (
            <MessageBar intent={notice.intent} data-testid="notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" aria-label={s('dismiss')} icon={<DismissRegular />} onClick={() => session.setNotice(null)} />
                }
              />
            </MessageBar>
          ) : null}

          {View ? <View session={session} /> : null}
        </main>
      </div>
    </StringsContext.Provider>
  );
}
