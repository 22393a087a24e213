// The page's side of the pane worker: requests with ids, progress as it comes, and a PaneHost whose
// heavy work (reading, checking, roll-ups, writing, zipping) runs in the worker.
import type { WorkbookGrid } from '../../core/grid';
import type { CheckResult } from '../../core/model';
import type { ActualWrite } from '../../core/framework/write-actual';
import type { Lang } from '../../core/i18n';
import type { OutputSheet } from '../../core/output';
import type { RollupOptions } from '../../core/rollup';
import type { Settings } from '../../core/workbook-state';
import type { WrittenSheet } from '../../hosts/host';
import type { DateConversion, HostCapabilities, PaneHost } from '../../hosts/pane-host';
import { XlsxReadError, type ReadErrorKind } from '../../hosts/xlsx/package';
import type { Checked, OffThreadEngine } from '../actions';
import type { DonorExportOptions } from '../export';
import type { CheckedMsg, Envelope, HostCalls, Progress, Reply, Request, Responses, WireError } from './protocol';

export type ProgressListener = (p: Progress | null) => void;

/** A worker as the client needs it (tests may pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: Envelope, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<Reply>) => void) | null;
  terminate(): void;
}

function unwire(e: WireError): Error {
  if (e.kind) return new XlsxReadError(e.kind as ReadErrorKind, e.detail ?? '', e.where ?? '', e.sheet ?? '', e.limit ?? 0);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

export class WorkerClient {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<ProgressListener>();
  private closed = false;

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (e) => {
      const m = e.data;
      if ('progress' in m) {
        for (const l of this.listeners) l(m.progress);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) for (const l of this.listeners) l(null);
      if (m.ok) p.resolve(m.value);
      else p.reject(unwire(m.error));
    };
  }

  onProgress(l: ProgressListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  request<K extends Request['op']>(req: Extract<Request, { op: K }>, transfer: Transferable[] = []): Promise<Responses[K]> {
    if (this.closed) return Promise.reject(new Error('cancelled'));
    const id = this.next++;
    return new Promise<Responses[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, req }, transfer);
    });
  }

  /** Stops the worker and whatever it was doing; pending requests fail with "cancelled". */
  terminate(): void {
    this.closed = true;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('cancelled'));
    this.pending.clear();
    for (const l of this.listeners) l(null);
  }
}

/** The browser host, run in a worker: same PaneHost, plus the engine off the page's thread. */
export class WorkerHost implements PaneHost {
  readonly kind = 'browser' as const;
  private langValue: Lang;
  private grid: { version: number; value: Promise<WorkbookGrid> } | null = null;
  /** The worker's id of each result the page holds (host calls send the id, not the result). */
  private readonly resultIds = new WeakMap<CheckResult, number>();
  private readonly selectListeners = new Set<(sheet: string, address: string) => void>();
  readonly offThread: OffThreadEngine;

  constructor(
    readonly client: WorkerClient,
    readonly fileName: string,
    lang: Lang,
  ) {
    this.langValue = lang;
    const checked = async (m: CheckedMsg): Promise<Checked> => {
      this.resultIds.set(m.result, m.resultId);
      return { grid: await this.gridAt(m.gridVersion), result: m.result };
    };
    this.offThread = {
      check: async (settings: Settings, asOf: string, l: Lang, reuse: boolean) =>
        checked(await client.request({ op: 'check', settings, asOf, lang: l, reuse })),
      refresh: async (settings: Settings, asOf: string, l: Lang, highlight: boolean) => {
        const m = await client.request({ op: 'refresh', settings, asOf, lang: l, highlight });
        return { ...(await checked(m)), written: m.written, history: m.history, change: m.change };
      },
      writeRollups: async (settings: Settings, asOf: string, l: Lang, threshold: number) => {
        const m = await client.request({ op: 'writeRollups', settings, asOf, lang: l, threshold });
        return { ...(await checked(m)), written: m.written, rollup: m.rollup };
      },
      rollup: (opts: RollupOptions) => client.request({ op: 'rollup', opts }),
      userSheets: () => client.request({ op: 'userSheets' }),
      donorExport: (opts: DonorExportOptions) => client.request({ op: 'export', opts }),
    };
  }

  get lang(): Lang {
    return this.langValue;
  }
  set lang(l: Lang) {
    this.langValue = l;
    void this.client.request({ op: 'lang', lang: l }).catch(() => undefined);
  }

  /** The grid the page draws (the worker's, cut to what the preview shows), fetched once per version. */
  private gridAt(version: number): Promise<WorkbookGrid> {
    if (!this.grid || this.grid.version !== version) {
      const value = this.client.request({ op: 'grid' }).then((g) => g.grid);
      this.grid = { version, value };
    }
    return this.grid.value;
  }

  private call<M extends keyof HostCalls>(method: M, ...args: HostCalls[M]): Promise<unknown> {
    const sent = args.map((a) => {
      const id = a && typeof a === 'object' ? this.resultIds.get(a as CheckResult) : undefined;
      return id === undefined ? a : { $result: id };
    });
    return this.client.request({ op: 'host', method, args: sent });
  }

  async read(): Promise<WorkbookGrid> {
    const g = await this.client.request({ op: 'grid' });
    this.grid = { version: g.version, value: Promise.resolve(g.grid) };
    return g.grid;
  }
  async writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]> {
    return (await this.call('writeSheets', sheets)) as WrittenSheet[];
  }
  async capabilities(): Promise<HostCapabilities> {
    return (await this.call('capabilities')) as HostCapabilities;
  }
  async hasHighlights(): Promise<boolean> {
    return (await this.call('hasHighlights')) as boolean;
  }
  async select(sheet: string, address: string): Promise<void> {
    for (const l of this.selectListeners) l(sheet, address);
  }
  onSelect(listener: (sheet: string, address: string) => void): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }
  async highlightOverdue(result: CheckResult): Promise<void> {
    await this.call('highlightOverdue', result);
  }
  async removeHighlights(): Promise<void> {
    await this.call('removeHighlights');
  }
  async addStatusDropdowns(result: CheckResult, words: readonly string[]): Promise<number> {
    return (await this.call('addStatusDropdowns', result, words)) as number;
  }
  async removeStatusDropdowns(): Promise<number> {
    return (await this.call('removeStatusDropdowns')) as number;
  }
  async writeActual(w: ActualWrite): Promise<boolean> {
    return (await this.call('writeActual', w)) as boolean;
  }
  async convertTextDates(changes: readonly DateConversion[]): Promise<void> {
    await this.call('convertTextDates', changes);
  }
  async undoConvertTextDates(): Promise<void> {
    await this.call('undoConvertTextDates');
  }
  async loadSettings(): Promise<unknown> {
    return this.call('loadSettings');
  }
  async saveSettings(settings: unknown): Promise<void> {
    await this.call('saveSettings', settings);
  }
  /** Steps of the work the worker is doing for the pane (null: done). */
  onProgress(listener: ProgressListener): () => void {
    return this.client.onProgress(listener);
  }
  /** The workbook as it is now, to download. */
  currentBytes(): Promise<Uint8Array> {
    return this.client.request({ op: 'bytes' });
  }
  /** "plan.xlsx" → "plan (Tablero).xlsx": never the name of the file the user opened. */
  downloadName(): string {
    return `${this.fileName.replace(/\.xlsx$/i, '')} (Tablero).xlsx`;
  }
}
