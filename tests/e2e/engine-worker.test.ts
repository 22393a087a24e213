// Excel's engine worker as the production build bundles it (dist/tablero-engine.*.js), run as a real
// Web Worker in Chromium: a grid read from the fixture crosses once, the check and a roll-up on it by id
// come back equal to the engine's own results here. (Office.js itself cannot run in this test; the pane's
// use of the worker is tested in tests/taskpane/engine-worker.test.ts.)
import * as fs from 'fs';
import type { Page } from 'playwright-core';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { engine } from '../../src/taskpane/engine';
import { DIST } from './harness';
import { usePane } from './pane-page';
import { ECUADOR_PLAN } from '../fixtures';

const pane = usePane();

/** Posts the requests to a new worker from the bundled script and collects one reply each. */
function runWorker(page: Page, script: string, requests: unknown[]): Promise<unknown[]> {
  return page.evaluate(
    ({ script, requests }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const w = new Worker(script, { name: 'tablero-engine' });
        const replies: unknown[] = [];
        w.onerror = (e) => reject(new Error(e.message));
        w.onmessage = (e: MessageEvent) => {
          replies.push(e.data);
          if (replies.length === requests.length) {
            w.terminate();
            resolve(replies);
          }
        };
        for (const r of requests) w.postMessage(r);
      }),
    { script, requests },
  );
}

describe('the engine worker in the production build', () => {
  it('checks and rolls up a grid sent once, as the engine does in the page', async () => {
    const script = fs.readdirSync(DIST).find((f) => /^tablero-engine\.[0-9a-f]+\.js$/.test(f));
    expect(script).toBeDefined();
    const grid = readXlsx(new Uint8Array(fs.readFileSync(ECUADOR_PLAN)));
    const opts = { asOf: '2011-09-15', lang: 'es' };
    const ropts = { lang: 'es', threshold: 0.5 };
    // Chromium's own locale and viewport: the page only hosts the worker.
    await pane.withPage({ ready: false }, async ({ page }) => {
      const replies = (await runWorker(page, `/${script!}`, [
        { id: 1, op: 'check', gridId: 7, grid, args: [opts] },
        { id: 2, op: 'rollup', gridId: 7, args: [ropts] },
        { id: 3, op: 'rollup', gridId: 8, args: [ropts] },
      ])) as { id: number; ok: boolean; value?: unknown; message?: string }[];
      const check = engine.check(grid, { asOf: '2011-09-15', lang: 'es' });
      expect(replies[0]).toEqual({ id: 1, ok: true, value: JSON.parse(JSON.stringify(check)) });
      expect(replies[1]).toEqual({ id: 2, ok: true, value: JSON.parse(JSON.stringify(engine.rollup(grid, { lang: 'es', threshold: 0.5 }))) });
      // A grid the worker never received is an error reply, not a crash.
      expect(replies[2]).toEqual({ id: 3, ok: false, name: 'Error', message: 'engine worker: grid 8 is not here' });
    });
  });
});
