// Entry of dist/taskpane.html: inside Excel the pane runs on the Office host; opened directly in a
// browser (Office.js absent, offline, or not in Office) it runs in browser mode on an in-memory workbook.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { parseLang, type Lang } from '../core/i18n';
import { engine } from './engine';
import { workerEngine, type EngineWorkerLike } from './worker/engine-client';
import { spawnEngineWorker } from './worker/spawn';
import { detectOffice } from './office-detect';
import { App } from './App';
import { BrowserShell } from './browser/BrowserShell';

async function main(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  const root = createRoot(el);
  const office = await detectOffice(1500);
  if (office) {
    const lang: Lang = parseLang(office.displayLanguage) ?? 'es';
    document.documentElement.lang = lang;
    // The Office host is only fetched inside Office; browser mode never loads it.
    const { createOfficeHost } = await import(/* webpackChunkName: "office-host" */ '../hosts/office');
    const host = createOfficeHost({ lang });
    // Office.js stays in the page; the engine between its syncs runs in a worker (engine-client.ts).
    const offPage = workerEngine(() => spawnEngineWorker() as unknown as EngineWorkerLike);
    root.render(
      <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
        <App host={host} engine={offPage} defaultLang={lang} onLangChange={(l) => (host.lang = l)} />
      </FluentProvider>,
    );
    return;
  }
  const lang: Lang = parseLang(navigator.language) ?? 'es';
  document.documentElement.lang = lang;
  document.body.dataset.mode = 'browser';
  root.render(
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <BrowserShell engine={engine} defaultLang={lang} />
    </FluentProvider>,
  );
}

void main();
