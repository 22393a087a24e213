// Excel's engine worker: runs the engine ops the pane asks for on grids the page read through Office.js
// (see engine-protocol.ts). One request at a time, in order.
import type { WorkbookGrid } from '../../core/grid';
import { engine } from '../engine';
import { KEPT_GRIDS, type EngineReply, type EngineRequest } from './engine-protocol';

interface WorkerScope {
  postMessage(message: EngineReply): void;
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
}
export function engineWorkerHandler(post: (m: EngineReply) => void): (req: EngineRequest) => void {
  const grids = new Map<number, WorkbookGrid>();
  const gridOf = (req: EngineRequest): WorkbookGrid => {
    if (req.grid && req.gridId !== undefined) {
      grids.set(req.gridId, req.grid);
      for (const k of grids.keys()) if (grids.size > KEPT_GRIDS) grids.delete(k);
    }
    const g = req.gridId !== undefined ? grids.get(req.gridId) : undefined;
    if (!g) throw new Error(`engine worker: grid ${String(req.gridId)} is not here`);
    return g;
  };
  return (req) => {
    try {
      const a = req.args as never[];
      const value =
        req.op === 'check'
          ? engine.check(gridOf(req), a[0] as never)
          : req.op === 'rollup'
            ? engine.rollup(gridOf(req), a[0] as never)
            : req.op === 'exportWorkbook'
              ? engine.exportWorkbook(gridOf(req), a[0] as never)
              : req.op === 'seguimiento'
                ? engine.seguimiento(a[0] as never, a[1] as never)
                : req.op === 'xlsxOf'
                  ? engine.xlsxOf(a[0] as never)
                  : engine.rollupSheets(a[0] as never, a[1] as never);
      post({ id: req.id, ok: true, value });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      post({ id: req.id, ok: false, name: err.name, message: err.message });
    }
  };
}

// Only when loaded as a worker (jest imports the handler alone).
if (typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function') {
  const scope = self as unknown as WorkerScope;
  const handle = engineWorkerHandler((m) => scope.postMessage(m));
  scope.onmessage = (e) => handle(e.data);
}
