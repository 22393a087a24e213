// The pane's worker (browser mode): reading, checking, roll-ups, writing and zipping run here, so the
// page never freezes on a big workbook. It holds the workbook (a BrowserHost) and answers the page's
// requests one at a time, in order; progress goes back as it happens.
import type { WorkbookGrid } from '../../core/grid';
import type { CheckResult } from '../../core/model';
import type { RollupResult } from '../../core/rollup';
import { BrowserHost } from '../../hosts/browser';
import { readXlsxAsync, XlsxReadError } from '../../hosts/xlsx/read';
import { engine } from '../engine';
import { checkHost, refreshStatus, writeRollups } from '../actions';
import { buildDonorExport } from '../export';
import type { Envelope, HostCalls, Progress, Reply, Request, WireError } from './protocol';
import { previewGrid } from './preview-grid';

interface WorkerScope {
  postMessage(message: Reply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<Envelope>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let host: BrowserHost | null = null;
let grid: WorkbookGrid | null = null;
let version = 0;
/** The full results of the last checks, by id: the page holds a slim copy and names them by id. */
const results = new Map<number, CheckResult>();
let nextResult = 0;
let rollupCache: { key: string; version: number; value: RollupResult } | null = null;

function need(): BrowserHost {
  if (!host) throw new Error('no workbook is open');
  return host;
}

/** The grid as the host has it now; a new grid object (after a write) is a new version. */
async function currentGrid(): Promise<WorkbookGrid> {
  const g = await need().read();
  if (g !== grid) {
    grid = g;
    version++;
  }
  return g;
}

/** What the page draws of a result: comments, secondary columns and cell addresses stay here. */
function slim(r: CheckResult): CheckResult {
  return {
    ...r,
    tables: r.tables.map((t) => ({
      ...t,
      blocks: t.blocks.map((b) => ({ ...b, recommendationText: null, response: null })),
      actions: t.actions.map((a) => ({ ...a, comments: null, secondary: [], cells: {} })),
    })),
  };
}

/** A result for the page: its slim copy and the id that names the full one here. */
function keep(r: CheckResult): { result: CheckResult; resultId: number } {
  const id = ++nextResult;
  results.set(id, r);
  for (const k of results.keys()) if (results.size > 4 && k !== id) results.delete(k);
  return { result: slim(r), resultId: id };
}

/** A host call's arguments with the page's result ids replaced by the full results. */
function withResults(args: unknown[]): unknown[] {
  return args.map((a) => {
    if (!a || typeof a !== 'object' || !('$result' in a)) return a;
    const r = results.get((a as { $result: number }).$result);
    if (!r) throw new Error('the check this refers to is gone: check again');
    return r;
  });
}

function wire(e: unknown): WireError {
  if (e instanceof XlsxReadError) return { name: e.name, message: e.message, kind: e.kind, detail: e.detail, where: e.where, sheet: e.sheet, limit: e.limit };
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}

async function handle(id: number, req: Request): Promise<{ value: unknown; transfer?: Transferable[] }> {
  const progress = (p: Progress): void => scope.postMessage({ id, progress: p });
  switch (req.op) {
    case 'open': {
      progress({ step: 'progressSheets', done: 0, total: 1 });
      // The native inflater (DecompressionStream), sheet by sheet, saying how far it got.
      const g = await readXlsxAsync(req.bytes, { onSheet: (done, total) => progress({ step: 'progressSheets', done, total }) });
      host = new BrowserHost(req.bytes, req.name, { lang: req.lang, grid: g });
      grid = g;
      version++;
      rollupCache = null;
      return { value: { sheets: g.sheets.length } };
    }
    case 'lang':
      need().lang = req.lang;
      return { value: null };
    case 'host': {
      const h = need();
      const fn = h[req.method] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn.apply(h, withResults(req.args) as HostCalls[typeof req.method]);
      return { value: value ?? null };
    }
    case 'check': {
      progress({ step: 'progressCheck', done: 0, total: 1 });
      const g = await currentGrid();
      const out = await checkHost(need(), engine, req.settings, req.asOf, req.lang, g);
      return { value: { ...keep(out.result), gridVersion: version } };
    }
    case 'refresh': {
      progress({ step: 'progressWrite', done: 0, total: 1 });
      const out = await refreshStatus(need(), engine, req.settings, req.asOf, req.lang, { highlight: req.highlight });
      await currentGrid();
      return { value: { ...keep(out.result), written: out.written, history: out.history, change: out.change, gridVersion: version } };
    }
    case 'writeRollups': {
      progress({ step: 'progressRollup', done: 0, total: 2 });
      const out = await writeRollups(need(), engine, req.settings, req.asOf, req.lang, req.threshold);
      await currentGrid();
      return { value: { ...keep(out.result), written: out.written, rollup: out.rollup, gridVersion: version } };
    }
    case 'rollup': {
      const g = await currentGrid();
      const key = JSON.stringify(req.opts);
      if (rollupCache && rollupCache.key === key && rollupCache.version === version) return { value: rollupCache.value };
      progress({ step: 'progressRollup', done: 0, total: 1 });
      const value = engine.rollup(g, req.opts);
      rollupCache = { key, version, value };
      return { value };
    }
    case 'grid': {
      const g = await currentGrid();
      return { value: { grid: previewGrid(g), version } };
    }
    case 'userSheets': {
      const g = await currentGrid();
      return { value: g.sheets.filter((x) => !x.createdByTablero && x.rows.length > 0).map((x) => x.name) };
    }
    case 'bytes': {
      // A copy: the worker keeps its own.
      const b = need().currentBytes().slice();
      return { value: b, transfer: [b.buffer] };
    }
    case 'export': {
      progress({ step: 'progressZip', done: 0, total: 1 });
      const exp = await buildDonorExport(need(), engine, req.opts);
      return { value: exp, transfer: exp.bytes.byteLength ? [exp.bytes.buffer] : [] };
    }
  }
}

// One request at a time, in the order sent: a write never overlaps a read of the same bytes.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const { id, req } = e.data;
  queue = queue.then(async () => {
    try {
      const { value, transfer } = await handle(id, req);
      scope.postMessage({ id, ok: true, value }, transfer ?? []);
    } catch (err) {
      scope.postMessage({ id, ok: false, error: wire(err) });
    }
  });
};
