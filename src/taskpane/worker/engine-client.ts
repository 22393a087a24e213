// Excel's pane: an Engine whose work (checking, roll-ups, building and zipping export files) runs in a worker (engine.worker.ts). Each grid crosses once; later
// ops on the same grid name it by id. A worker that fails to start or dies leaves the engine in the page:
// slower on big workbooks, never broken.
import type { WorkbookGrid } from '../../core/grid';
import { engine as pageEngine, type Engine, type NowEngine } from '../engine';
import { KEPT_GRIDS, type EngineOp, type EngineReply, type EngineRequest } from './engine-protocol';

/** A worker as this client needs it (tests pass an in-process stand-in). */
export interface EngineWorkerLike {
  postMessage(message: EngineRequest): void;
  onmessage: ((e: MessageEvent<EngineReply>) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

export function workerEngine(start: () => EngineWorkerLike, fallback: NowEngine = pageEngine): Engine {
  let worker: EngineWorkerLike | null = null;
  let broken = false;
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const gridIds = new WeakMap<WorkbookGrid, number>();
  /** Ids of the grids the worker holds now, oldest first (it keeps KEPT_GRIDS, as this list does). */
  const held: number[] = [];
  let nextGrid = 1;

  const fail = (why: string): void => {
    broken = true;
    worker = null;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };

  const live = (): EngineWorkerLike | null => {
    if (broken) return null;
    if (worker) return worker;
    try {
      const w = start();
      w.onmessage = (e) => {
        const m = e.data;
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.ok) p.resolve(m.value);
        else {
          const err = new Error(m.message);
          err.name = m.name;
          p.reject(err);
        }
      };
      w.onerror = () => fail('the engine worker stopped');
      worker = w;
      return w;
    } catch {
      // No workers here (an old WebView, a strict policy): the engine stays in the page.
      broken = true;
      return null;
    }
  };

  function call<T>(op: EngineOp, grid: WorkbookGrid | null, args: readonly unknown[], inPage: () => T): Promise<T> {
    const w = live();
    if (!w) return Promise.resolve().then(inPage);
    const id = next++;
    let gridId: number | undefined;
    let send: WorkbookGrid | undefined;
    if (grid) {
      gridId = gridIds.get(grid);
      if (gridId === undefined || !held.includes(gridId)) {
        gridId = gridId ?? nextGrid++;
        gridIds.set(grid, gridId);
        send = grid;
        held.push(gridId);
        while (held.length > KEPT_GRIDS) held.shift();
      }
    }
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        w.postMessage({ id, op, gridId, grid: send, args });
      } catch {
        // A grid that cannot be copied to the worker: this op runs in the page.
        pending.delete(id);
        // Only a grid sent with this message was never received.
        const k = send && gridId !== undefined ? held.indexOf(gridId) : -1;
        if (k >= 0) held.splice(k, 1);
        try {
          resolve(inPage());
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
    });
  }

  return {
    offPage: true,
    check: (wb, opts) => call('check', wb, [opts], () => fallback.check(wb, opts)),
    seguimiento: (result, lang) => call('seguimiento', null, [result, lang], () => fallback.seguimiento(result, lang)),
    leadOrganisation: (responsible) => fallback.leadOrganisation(responsible),
    rollup: (wb, opts) => call('rollup', wb, [opts], () => fallback.rollup(wb, opts)),
    rollupSheets: (result, lang) => call('rollupSheets', null, [result, lang], () => fallback.rollupSheets(result, lang)),
    exportWorkbook: (wb, opts) => call('exportWorkbook', wb, [opts], () => fallback.exportWorkbook(wb, opts)),
    xlsxOf: (sheets) => call('xlsxOf', null, [sheets], () => fallback.xlsxOf(sheets)),
  };
}
