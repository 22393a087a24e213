// Excel's pane runs the engine in a worker (src/taskpane/worker/engine-client.ts). Here the worker is an
// in-process stand-in that copies every message as postMessage does (structuredClone), running the real
// worker handler: results must equal the page engine's, a grid must cross once, and a worker that cannot
// start or dies must leave the engine in the page.
import * as fs from 'fs';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { WorkbookGrid } from '../../src/core/grid';
import { DEFAULT_SETTINGS } from '../../src/core/workbook-state';
import { engine } from '../../src/taskpane/engine';
import { workerEngine, type EngineWorkerLike } from '../../src/taskpane/worker/engine-client';
import { engineWorkerHandler } from '../../src/taskpane/worker/engine.worker';
import type { EngineReply, EngineRequest } from '../../src/taskpane/worker/engine-protocol';
import { refreshStatus } from '../../src/workflow/refresh';
import { ECUADOR_PLAN, HONDURAS_MONITORING } from '../fixtures';

const plan = readXlsx(new Uint8Array(fs.readFileSync(ECUADOR_PLAN)));
const records = readXlsx(new Uint8Array(fs.readFileSync(HONDURAS_MONITORING)));

/** A worker in this process: messages are copied both ways and answered on a later turn. */
class StandIn implements EngineWorkerLike {
  onmessage: ((e: MessageEvent<EngineReply>) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readonly sent: EngineRequest[] = [];
  private readonly handle = engineWorkerHandler((m) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) } as MessageEvent<EngineReply>), 0));
  postMessage(message: EngineRequest): void {
    const copy = structuredClone(message);
    this.sent.push(copy);
    setTimeout(() => this.handle(copy), 0);
  }
}

describe('the engine worker', () => {
  it('gives the page engine’s results for check, seguimiento, roll-up and its sheets', async () => {
    const w = new StandIn();
    const off = workerEngine(() => w);
    const opts = { asOf: '2011-09-15', lang: 'es' as const };
    const result = await off.check(plan, opts);
    expect(result).toEqual(engine.check(plan, opts));
    expect(result.summary.overdue).toBe(20);
    expect(await off.seguimiento(result, 'es')).toEqual(engine.seguimiento(result, 'es'));
    const ropts = { lang: 'es' as const, threshold: 0.5 };
    const rollup = await off.rollup(records, ropts);
    expect(rollup).toEqual(engine.rollup(records, ropts));
    const sheets = await off.rollupSheets(rollup, 'en');
    expect(sheets).toEqual(engine.rollupSheets(rollup, 'en'));
    // The export file is zipped there too: the same workbook as the page would write.
    const file = await off.xlsxOf(sheets);
    expect(readXlsx(file).sheets.map((s) => s.rows)).toEqual(readXlsx(engine.xlsxOf(sheets)).sheets.map((s) => s.rows));
    expect(w.sent.at(-1)?.op).toBe('xlsxOf');
    expect(off.offPage).toBe(true);
  });

  it('sends a grid once, then names it; a third grid pushes the first out and it is sent again', async () => {
    const w = new StandIn();
    const off = workerEngine(() => w);
    const ropts = { lang: 'es' as const, threshold: 0.5 };
    await off.check(plan, { asOf: '2011-09-15' });
    await off.rollup(plan, ropts);
    const third: WorkbookGrid = { ...plan, sheets: plan.sheets.slice(0, 1) };
    await off.rollup(records, ropts);
    await off.rollup(third, ropts);
    await off.check(plan, { asOf: '2011-09-15' });
    expect(w.sent.map((m) => [m.op, m.gridId, m.grid !== undefined])).toEqual([
      ['check', 1, true],
      ['rollup', 1, false],
      ['rollup', 2, true],
      ['rollup', 3, true],
      ['check', 1, true],
    ]);
  });

  it('rejects with the worker’s error message', async () => {
    const w = new StandIn();
    const off = workerEngine(() => w);
    await expect(off.check(plan, { asOf: 'not a date' })).rejects.toThrow();
    // The worker is still there for the next request.
    await expect(off.check(plan, { asOf: '2011-09-15' })).resolves.toMatchObject({ summary: { overdue: 20 } });
  });

  it('runs in the page when no worker can start', async () => {
    const off = workerEngine(() => {
      throw new Error('no Worker here');
    });
    expect((await off.check(plan, { asOf: '2011-09-15' })).summary.overdue).toBe(20);
  });

  it('fails what was pending when the worker dies, then runs in the page', async () => {
    const w = new StandIn();
    w.postMessage = () => undefined; // swallows requests: nothing will answer
    const off = workerEngine(() => w);
    const pending = off.check(plan, { asOf: '2011-09-15' });
    w.onerror?.(new Error('crashed'));
    await expect(pending).rejects.toThrow('the engine worker stopped');
    expect((await off.check(plan, { asOf: '2011-09-15' })).summary.overdue).toBe(20);
  });

  it('serves the one refresh workflow (the pane’s Refresh status in Excel)', async () => {
    const off = workerEngine(() => new StandIn());
    const written: string[] = [];
    const host = {
      read: () => Promise.resolve(plan),
      writeSheets: (sheets: readonly { name: string }[]) => {
        written.push(...sheets.map((s) => s.name));
        return Promise.resolve(sheets.map((s) => ({ name: s.name, created: true })));
      },
    };
    const out = await refreshStatus(host as never, off, DEFAULT_SETTINGS, '2011-09-15', 'es');
    expect(out.result.summary.overdue).toBe(20);
    expect(written[0]).toBe('Seguimiento');
  });
});
