// A small fake of the Excel JavaScript object model, enough for the Office host:
// - operations are queued and run at context.sync(), like Office.js; reading a property that was
//   not loaded throws PropertyNotLoaded, so a missing load() fails the test as it would fail in Excel;
// - every sync is counted and its request and response are measured as JSON bytes; a sync whose
//   request or response is over the limit (5 MB, as Excel on the web) is rejected with the codes
//   Excel uses and nothing in it is applied;
// - values are parsed as Excel parses typing: "'x" is the text x, "=…" a formula, "12" a number,
//   "2011-05-04" a date — so text written without protection shows up as changed in the tests.
import { a1, columnLetter, parseRange } from '../../src/core/grid';

export const FAKE_PAYLOAD_LIMIT = 5_000_000;
const OP_BYTES = 100;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Value = string | number | boolean;

export interface CellModel {
  value: Value;
  format: string;
  formula?: string;
  quotePrefix?: boolean;
  bold?: boolean;
  fontSize?: number;
  fill?: string;
  wrap?: boolean;
}

export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface CfModel {
  id: string;
  boxes: Box[];
  type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface DvModel {
  box: Box;
  rule: unknown;
  errorAlert?: { title?: string; style?: string; message?: string; showAlert?: boolean };
  ignoreBlanks?: boolean;
}

export interface TableModel {
  name: string;
  box: Box;
  style: string;
}

/** Cells a chart series points at. */
export interface RangeRef {
  sheet: string;
  box: Box;
}

export interface ChartSeriesModel {
  name: string;
  values: RangeRef | null;
  xValues: RangeRef | null;
  /** Null: the chart's own type. */
  chartType: string | null;
  fill?: string;
  lineColor?: string;
  lineStyle?: string;
  lineWeight?: number;
  markerStyle?: string;
  gapWidth?: number;
}

export interface ChartModel {
  name: string;
  type: string;
  title: string;
  legend: string;
  series: ChartSeriesModel[];
  /** Top-left cell (setPosition). */
  anchor: string | null;
  width: number;
  height: number;
  valueAxis: { minimum?: number; maximum?: number; numberFormat?: string };
}

let idSeq = 0;
const nextId = (prefix: string): string => `{${prefix}-${++idSeq}}`;

export class SheetModel {
  readonly id = nextId('ws');
  visibility = 'Visible';
  rows: (CellModel | undefined)[][] = [];
  merges: Box[] = [];
  hiddenRows = new Set<number>();
  protected = false;
  customProps = new Map<string, string>();
  cfs: CfModel[] = [];
  validations: DvModel[] = [];
  tables: TableModel[] = [];
  charts: ChartModel[] = [];
  frozenRows = 0;
  colWidths = new Map<number, number>();
  activated = 0;
  selected: string | null = null;

  constructor(public name: string) {}

  cell(r: number, c: number): CellModel | undefined {
    return this.rows[r]?.[c];
  }

  ensure(r: number, c: number): CellModel {
    const row = (this.rows[r] ??= []);
    return (row[c] ??= { value: '', format: 'General' });
  }

  /** Bounding box of the cells with a value (Excel's used range, valuesOnly). */
  usedBox(): Box | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    this.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell || cell.value === '') return;
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      });
    });
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Plain values (text as read back), for assertions. */
  valuesOf(address: string): Value[][] {
    const b = parseRange(address);
    if (!b) throw new Error(address);
    const out: Value[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: Value[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(this.cell(r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }

  /** A deep copy of everything, to show a sheet was not touched. */
  snapshot(): string {
    return JSON.stringify({
      name: this.name,
      rows: this.rows,
      merges: this.merges,
      hidden: [...this.hiddenRows],
      cfs: this.cfs,
      validations: this.validations,
      tables: this.tables,
      charts: this.charts,
      props: [...this.customProps],
      frozen: this.frozenRows,
      widths: [...this.colWidths],
      visibility: this.visibility,
    });
  }
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  rejected: string | null;
}

export class FakeWorkbook {
  /** Workbook.name: the file name Excel shows. */
  fileName = 'Book1';
  sheets: SheetModel[] = [];
  names: string[] = [];
  date1904 = false;
  customXmlParts: { id: string; namespace: string; xml: string }[] = [];
  syncs: SyncRecord[] = [];
  calcSuspensions = 0;
  screenSuspensions = 0;
  limit = FAKE_PAYLOAD_LIMIT;
  /** Makes the next syncs fail with this error code (e.g. InvalidOperationInCellEditMode). */
  failWith: string | null = null;
  /** Makes adding a chart fail (an Excel that refuses the chart, not the sheet). */
  failCharts = false;

  addSheet(name: string, rows: readonly (readonly (Value | null | undefined)[])[] = [], formats?: (r: number, c: number) => string | undefined): SheetModel {
    const s = new SheetModel(name);
    rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = s.ensure(r, c);
        cell.value = v;
        const f = formats?.(r, c);
        if (f) cell.format = f;
      });
    });
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  get rejections(): number {
    return this.syncs.filter((s) => s.rejected).length;
  }

  resetCounters(): void {
    this.syncs = [];
    this.calcSuspensions = 0;
    this.screenSuspensions = 0;
  }

  /** Excel.run against this workbook: one new request context per run. */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };
}

// ---------------------------------------------------------------------------------------------

interface Op {
  bytes: number;
  run: () => number; // returns response bytes
}

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

export class FakeContext {
  queue: Op[] = [];
  readonly workbook: FakeWorkbookApi;
  readonly application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookApi(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => this.enqueue(0, () => ((this.book.calcSuspensions++), 0)),
      suspendScreenUpdatingUntilNextSync: () => this.enqueue(0, () => ((this.book.screenSuspensions++), 0)),
    };
  }

  enqueue(argBytes: number, run: () => number): void {
    this.queue.push({ bytes: OP_BYTES + argBytes, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((n, o) => n + o.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, rejected: null };
    this.book.syncs.push(record);
    if (this.book.failWith) {
      record.rejected = this.book.failWith;
      throw new FakeExcelError(this.book.failWith, `Excel refused: ${this.book.failWith}`);
    }
    if (requestBytes > this.book.limit) {
      record.rejected = 'RequestPayloadSizeLimitExceeded';
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    }
    let response = 0;
    for (const op of ops) response += op.run();
    record.responseBytes = response;
    if (response > this.book.limit) {
      record.rejected = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    }
  }
}

/** An object whose properties are getters/setters given as arrow functions (so they keep the proxy's `this`). */
function accessors<T>(props: Record<string, { get?: () => unknown; set?: (v: never) => void }>, base: object = {}): T {
  const out = base;
  for (const [name, d] of Object.entries(props)) Object.defineProperty(out, name, { get: d.get, set: d.set as ((v: unknown) => void) | undefined, enumerable: true });
  return out as T;
}

/** Base of every proxy: loaded properties, PropertyNotLoaded, isNullObject. */
class Proxy {
  protected loaded: Record<string, unknown> = {};
  protected nullState: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {}

  protected got<T>(prop: string): T {
    if (!(prop in this.loaded)) throw new FakeExcelError('PropertyNotLoaded', `The property '${prop}' is not available. Call load() and sync() first.`);
    return this.loaded[prop] as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeExcelError('PropertyNotLoaded', 'isNullObject before sync');
    return this.nullState;
  }
}

function propsOf(arg: unknown): string[] {
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  return [];
}

class FakeWorkbookApi extends Proxy {
  readonly worksheets: FakeWorksheets;
  readonly functions: { date(y: number, m: number, d: number): FakeClientResult<number> };
  readonly names: FakeNames;
  readonly customXmlParts: FakeXmlParts;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx);
    this.customXmlParts = new FakeXmlParts(ctx);
    this.functions = {
      date: (y, m, d) => {
        const r = new FakeClientResult<number>(ctx);
        r.compute = () => {
          const day = Date.UTC(y, m - 1, d) / 86_400_000;
          return ctx.book.date1904 ? day - Date.UTC(1904, 0, 1) / 86_400_000 : day - Date.UTC(1899, 11, 30) / 86_400_000;
        };
        return r;
      },
    };
  }

  load(p?: unknown): this {
    const props = propsOf(p);
    this.ctx.enqueue(0, () => {
      for (const prop of props) {
        if (prop === 'name') this.loaded.name = this.ctx.book.fileName;
        else throw new Error(`fake: load ${prop} on workbook`);
      }
      return jsonBytes(this.loaded);
    });
    return this;
  }

  get name(): string {
    return this.got('name');
  }
}

class FakeClientResult<T> extends Proxy {
  compute: () => T = () => undefined as T;
  private result: { value: T } | null = null;

  constructor(ctx: FakeContext, eager = false) {
    super(ctx);
    if (eager) this.arm();
  }

  arm(): void {
    this.ctx.enqueue(0, () => {
      this.result = { value: this.compute() };
      return jsonBytes(this.result.value);
    });
  }

  load(_p?: unknown): this {
    this.arm();
    return this;
  }

  get value(): T {
    if (!this.result) throw new FakeExcelError('PropertyNotLoaded', 'value');
    return this.result.value;
  }
}

class FakeNames extends Proxy {
  load(_p?: unknown): this {
    this.ctx.enqueue(0, () => {
      this.loaded.items = this.ctx.book.names.map((name) => ({ name }));
      return jsonBytes(this.loaded.items);
    });
    return this;
  }
  get items(): { name: string }[] {
    return this.got('items');
  }
}

class FakeXmlParts extends Proxy {
  getByNamespace(ns: string): FakeXmlScoped {
    return new FakeXmlScoped(this.ctx, ns);
  }
  add(xml: string): void {
    this.ctx.enqueue(jsonBytes(xml), () => {
      const m = /xmlns="([^"]*)"/.exec(xml);
      this.ctx.book.customXmlParts.push({ id: nextId('xml'), namespace: m?.[1] ?? '', xml });
      return 0;
    });
  }
}

class FakeXmlScoped extends Proxy {
  constructor(ctx: FakeContext, private readonly ns: string) {
    super(ctx);
  }
  load(_p?: unknown): this {
    this.ctx.enqueue(0, () => {
      this.loaded.items = this.ctx.book.customXmlParts.filter((p) => p.namespace === this.ns).map((p) => new FakeXmlPart(this.ctx, p.id));
      return 40;
    });
    return this;
  }
  get items(): FakeXmlPart[] {
    return this.got('items');
  }
}

class FakeXmlPart extends Proxy {
  constructor(ctx: FakeContext, readonly id: string) {
    super(ctx);
  }
  private part() {
    const p = this.ctx.book.customXmlParts.find((x) => x.id === this.id);
    if (!p) throw new FakeExcelError('ItemNotFound', 'xml part');
    return p;
  }
  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>(this.ctx);
    r.compute = () => this.part().xml;
    r.arm();
    return r;
  }
  setXml(xml: string): void {
    this.ctx.enqueue(jsonBytes(xml), () => ((this.part().xml = xml), 0));
  }
  delete(): void {
    this.ctx.enqueue(0, () => {
      this.ctx.book.customXmlParts = this.ctx.book.customXmlParts.filter((x) => x.id !== this.id);
      return 0;
    });
  }
}

class FakeWorksheets extends Proxy {
  load(p?: unknown): this {
    const props = propsOf(p).map((x) => x.replace(/^items\//, ''));
    this.ctx.enqueue(0, () => {
      const items = this.ctx.book.sheets.map((s) => FakeWorksheet.bound(this.ctx, s, props));
      this.loaded.items = items;
      return jsonBytes(items.map((i) => i.loadedData()));
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.got('items');
  }
  add(name: string): FakeWorksheet {
    const ws: FakeWorksheet = new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase() && ws.createdHere === x);
      if (!s) throw new FakeExcelError('ItemNotFound', `sheet ${name} not created`);
      return s;
    });
    this.ctx.enqueue(jsonBytes(name), () => {
      if (this.ctx.book.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} exists`);
      }
      const s = new SheetModel(name);
      this.ctx.book.sheets.push(s);
      ws.createdHere = s;
      return 0;
    });
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new FakeExcelError('ItemNotFound', name);
      return s;
    });
    ws.lookupNull = () => !this.ctx.book.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase());
    return ws;
  }
}

class FakeWorksheet extends Proxy {
  createdHere?: SheetModel;
  lookupNull?: () => boolean;
  readonly protection: { load(p?: unknown): void; readonly protected: boolean };
  readonly tables: FakeTables;
  readonly charts: FakeCharts;
  readonly customProperties: FakeCustomProps;
  readonly freezePanes: { freezeRows(n: number): void; unfreeze(): void };

  static bound(ctx: FakeContext, s: SheetModel, props: string[]): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, () => {
      if (!ctx.book.sheets.includes(s)) throw new FakeExcelError('ItemNotFound', 'sheet deleted');
      return s;
    });
    for (const p of props) ws.fill(p, s);
    return ws;
  }

  constructor(
    ctx: FakeContext,
    readonly resolve: () => SheetModel,
  ) {
    super(ctx);
    this.protection = accessors(
      { protected: { get: () => this.got('protected') } },
      { load: () => ctx.enqueue(0, () => ((this.loaded.protected = this.resolve().protected), 20)) },
    );
    this.tables = new FakeTables(ctx, this);
    this.charts = new FakeCharts(ctx, this);
    this.customProperties = new FakeCustomProps(ctx, this);
    this.freezePanes = {
      freezeRows: (n) => ctx.enqueue(0, () => ((this.resolve().frozenRows = n), 0)),
      unfreeze: () => ctx.enqueue(0, () => ((this.resolve().frozenRows = 0), 0)),
    };
  }

  loadedData(): Record<string, unknown> {
    return { ...this.loaded };
  }

  private fill(p: string, s: SheetModel): void {
    if (p === 'name') this.loaded.name = s.name;
    else if (p === 'id') this.loaded.id = s.id;
    else if (p === 'visibility') this.loaded.visibility = s.visibility;
    else throw new Error(`fake: load ${p} on worksheet`);
  }

  load(p?: unknown): this {
    const props = propsOf(p);
    this.ctx.enqueue(0, () => {
      if (this.lookupNull?.()) {
        this.nullState = true;
        return 10;
      }
      this.nullState = false;
      const s = this.resolve();
      for (const prop of props) this.fill(prop, s);
      return jsonBytes(this.loaded);
    });
    return this;
  }

  get name(): string {
    return this.got('name');
  }
  get id(): string {
    return this.got('id');
  }

  set visibility(v: string) {
    this.ctx.enqueue(0, () => ((this.resolve().visibility = v), 0));
  }

  activate(): void {
    this.ctx.enqueue(0, () => (this.resolve().activated++, 0));
  }

  /** Any change of cells, formats or rules: refused on a protected sheet, as Excel does. */
  write(argBytes: number, change: (s: SheetModel) => void): void {
    this.ctx.enqueue(argBytes, () => {
      const s = this.resolve();
      if (s.protected) throw new FakeExcelError('AccessDenied', `The sheet ${s.name} is protected.`);
      change(s);
      return 0;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      if (address === undefined) return { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 };
      const b = parseRange(address.replace(/\$/g, ''));
      if (!b) throw new FakeExcelError('InvalidArgument', address);
      return b;
    });
  }

  getRangeByIndexes(r: number, c: number, rc: number, cc: number): FakeRange {
    if (rc < 1 || cc < 1) throw new FakeExcelError('InvalidArgument', 'empty range');
    return new FakeRange(this.ctx, this, () => ({ r0: r, c0: c, r1: r + rc - 1, c1: c + cc - 1 }));
  }

  getRanges(addresses: string): { conditionalFormats: FakeCfs } {
    const boxes = () => addresses.split(',').map((a) => parseRange(a.trim().replace(/\$/g, '')) ?? (() => { throw new FakeExcelError('InvalidArgument', a); })());
    return { conditionalFormats: new FakeCfs(this.ctx, this, boxes) };
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this.ctx, this, () => {
      const b = this.resolve().usedBox();
      if (!b) throw new FakeExcelError('ItemNotFound', 'empty');
      return b;
    });
    range.lookupNull = () => this.resolve().usedBox() === null;
    return range;
  }
}

class FakeCustomProps extends Proxy {
  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet) {
    super(ctx);
  }
  getItemOrNullObject(key: string): FakeCustomProp {
    return new FakeCustomProp(this.ctx, this.ws, key);
  }
  add(key: string, value: string): void {
    this.ws.write(jsonBytes([key, value]), (s) => {
      for (const k of [...s.customProps.keys()]) if (k.toLowerCase() === key.toLowerCase()) s.customProps.delete(k);
      s.customProps.set(key, value);
    });
  }
}

class FakeCustomProp extends Proxy {
  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet, private readonly key: string) {
    super(ctx);
  }
  load(_p?: unknown): this {
    this.ctx.enqueue(0, () => {
      const s = this.ws.resolve();
      const k = [...s.customProps.keys()].find((x) => x.toLowerCase() === this.key.toLowerCase());
      this.nullState = k === undefined;
      if (k !== undefined) this.loaded.value = s.customProps.get(k);
      return 30;
    });
    return this;
  }
  get value(): string {
    return this.got('value');
  }
}

class FakeTables extends Proxy {
  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet) {
    super(ctx);
  }
  load(_p?: unknown): this {
    this.ctx.enqueue(0, () => {
      const s = this.ws.resolve();
      this.loaded.items = s.tables.map((t) => new FakeTable(this.ctx, this.ws, t, t.name));
      return jsonBytes(s.tables.map((t) => t.name));
    });
    return this;
  }
  get items(): FakeTable[] {
    return this.got('items');
  }
  add(range: FakeRange | string, hasHeaders: boolean): FakeTable {
    const model: TableModel = { name: '', box: { r0: 0, c0: 0, r1: 0, c1: 0 }, style: '' };
    const table = new FakeTable(this.ctx, this.ws, model, null);
    this.ws.write(50, (s) => {
      if (!hasHeaders) throw new Error('fake: tables without headers not used');
      const box = typeof range === 'string' ? parseRange(range) : range.box();
      if (!box) throw new FakeExcelError('InvalidArgument', String(range));
      const all = this.ctx.book.sheets.flatMap((x) => x.tables);
      model.name = `Table${all.length + 1}`;
      while (all.some((t) => t.name.toLowerCase() === model.name.toLowerCase())) model.name += '_';
      if (s.tables.some((t) => overlaps(t.box, box))) throw new FakeExcelError('InvalidOperation', 'tables overlap');
      model.box = box;
      s.tables.push(model);
    });
    return table;
  }
}

class FakeTable extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly model: TableModel,
    loadedName: string | null,
  ) {
    super(ctx);
    if (loadedName !== null) this.loaded.name = loadedName;
  }
  get name(): string {
    return this.got('name');
  }
  set name(v: string) {
    this.ws.write(jsonBytes(v), () => {
      const taken = [...this.ctx.book.sheets.flatMap((s) => s.tables).filter((t) => t !== this.model).map((t) => t.name), ...this.ctx.book.names];
      if (taken.some((n) => n.toLowerCase() === v.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `table name ${v}`);
      this.model.name = v;
    });
  }
  set style(v: string) {
    this.ws.write(jsonBytes(v), () => void (this.model.style = v));
  }
  delete(): void {
    this.ws.write(0, (s) => {
      s.tables = s.tables.filter((t) => t !== this.model);
    });
  }
}

// Charts: enough of ChartCollection, Chart and ChartSeries for the roll-up charts (ExcelApi 1.1–1.8).

const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'Line', 'LineMarkers', 'Pie', 'Area']);
const LEGEND_POSITIONS = new Set(['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom']);
const LINE_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'RoundDot', 'Automatic']);

function rangeRef(r: unknown): RangeRef {
  if (!(r instanceof FakeRange)) throw new FakeExcelError('InvalidArgument', 'a chart source must be a Range');
  return { sheet: r.ws.resolve().name, box: r.box() };
}

/** Excel refuses a series whose cells are neither one row nor one column. */
function seriesRef(r: unknown): RangeRef {
  const ref = rangeRef(r);
  if (ref.box.r0 !== ref.box.r1 && ref.box.c0 !== ref.box.c1) throw new FakeExcelError('InvalidArgument', 'series values must be one row or one column');
  return ref;
}

class FakeCharts extends Proxy {
  constructor(ctx: FakeContext, private readonly ws: FakeWorksheet) {
    super(ctx);
  }
  load(_p?: unknown): this {
    this.ctx.enqueue(0, () => {
      const s = this.ws.resolve();
      this.loaded.items = s.charts.map((m) => new FakeChart(this.ctx, this.ws, m, true));
      return jsonBytes(s.charts.map((c) => c.name));
    });
    return this;
  }
  get items(): FakeChart[] {
    return this.got('items');
  }
  add(type: string, source: unknown, seriesBy?: string): FakeChart {
    const model: ChartModel = { name: '', type, title: '', legend: 'Right', series: [], anchor: null, width: 360, height: 216, valueAxis: {} };
    this.ws.write(60, (s) => {
      if (this.ctx.book.failCharts) throw new FakeExcelError('GeneralException', 'chart refused');
      if (!CHART_TYPES.has(type)) throw new FakeExcelError('InvalidArgument', `chart type ${type}`);
      const ref = rangeRef(source);
      const byRows = seriesBy === 'Rows';
      const count = byRows ? ref.box.r1 - ref.box.r0 + 1 : ref.box.c1 - ref.box.c0 + 1;
      for (let i = 0; i < count; i++) {
        const box = byRows ? { ...ref.box, r0: ref.box.r0 + i, r1: ref.box.r0 + i } : { ...ref.box, c0: ref.box.c0 + i, c1: ref.box.c0 + i };
        model.series.push({ name: `Series${i + 1}`, values: { sheet: ref.sheet, box }, xValues: null, chartType: null });
      }
      model.name = `Chart ${s.charts.length + 1}`;
      s.charts.push(model);
    });
    return new FakeChart(this.ctx, this.ws, model, false);
  }
}

class FakeChart extends Proxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { minimum: number; maximum: number; numberFormat: string } };
  readonly series: FakeSeriesCollection;

  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly model: ChartModel,
    nameLoaded: boolean,
  ) {
    super(ctx);
    if (nameLoaded) this.loaded.name = model.name;
    const set = <T,>(bytes: number, f: (v: T) => void) => (v: T) => ws.write(bytes, () => f(v));
    this.title = accessors({ text: { set: set<string>(40, (v) => void (model.title = v)) } });
    this.legend = accessors({
      position: {
        set: set<string>(20, (v) => {
          if (!LEGEND_POSITIONS.has(v)) throw new FakeExcelError('InvalidArgument', `legend position ${v}`);
          model.legend = v;
        }),
      },
    });
    this.axes = {
      valueAxis: accessors({
        minimum: { set: set<number>(10, (v) => void (model.valueAxis.minimum = v)) },
        maximum: { set: set<number>(10, (v) => void (model.valueAxis.maximum = v)) },
        numberFormat: { set: set<string>(20, (v) => void (model.valueAxis.numberFormat = v)) },
      }),
    };
    this.series = new FakeSeriesCollection(ctx, ws, model);
  }
  get name(): string {
    return this.got('name');
  }
  set name(v: string) {
    this.ws.write(jsonBytes(v), () => void (this.model.name = v));
  }
  set width(v: number) {
    this.ws.write(10, () => void (this.model.width = v));
  }
  set height(v: number) {
    this.ws.write(10, () => void (this.model.height = v));
  }
  setPosition(start: FakeRange | string, _end?: FakeRange | string): void {
    this.ws.write(20, () => {
      const box = typeof start === 'string' ? parseRange(start) : start.box();
      if (!box) throw new FakeExcelError('InvalidArgument', String(start));
      this.model.anchor = a1(box.r0, box.c0);
    });
  }
  delete(): void {
    this.ws.write(0, (s) => {
      s.charts = s.charts.filter((c) => c !== this.model);
    });
  }
}

class FakeSeriesCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly chart: ChartModel,
  ) {
    super(ctx);
  }
  getItemAt(index: number): FakeSeries {
    return new FakeSeries(this.ws, () => {
      const m = this.chart.series[index];
      if (!m) throw new FakeExcelError('ItemNotFound', `series ${index}`);
      return m;
    });
  }
  add(name?: string): FakeSeries {
    const model: ChartSeriesModel = { name: name ?? '', values: null, xValues: null, chartType: null };
    this.ws.write(jsonBytes(name ?? ''), () => void this.chart.series.push(model));
    return new FakeSeries(this.ws, () => model);
  }
}

class FakeSeries {
  readonly format: { fill: { setSolidColor(c: string): void }; line: { color: string; lineStyle: string; weight: number } };

  constructor(
    private readonly ws: FakeWorksheet,
    private readonly model: () => ChartSeriesModel,
  ) {
    const set = <T,>(f: (m: ChartSeriesModel, v: T) => void) => (v: T) => ws.write(20, () => f(this.model(), v));
    this.format = {
      fill: { setSolidColor: (c: string) => ws.write(20, () => void (this.model().fill = c)) },
      line: accessors({
        color: { set: set<string>((m, v) => void (m.lineColor = v)) },
        lineStyle: {
          set: set<string>((m, v) => {
            if (!LINE_STYLES.has(v)) throw new FakeExcelError('InvalidArgument', `line style ${v}`);
            m.lineStyle = v;
          }),
        },
        weight: { set: set<number>((m, v) => void (m.lineWeight = v)) },
      }),
    };
  }
  set name(v: string) {
    this.ws.write(jsonBytes(v), () => void (this.model().name = v));
  }
  set chartType(v: string) {
    this.ws.write(20, () => {
      if (!CHART_TYPES.has(v)) throw new FakeExcelError('InvalidArgument', `chart type ${v}`);
      this.model().chartType = v;
    });
  }
  set markerStyle(v: string) {
    this.ws.write(20, () => void (this.model().markerStyle = v));
  }
  set gapWidth(v: number) {
    this.ws.write(10, () => {
      if (v < 0 || v > 500) throw new FakeExcelError('InvalidArgument', 'gap width 0–500');
      this.model().gapWidth = v;
    });
  }
  setValues(r: unknown): void {
    this.ws.write(40, () => void (this.model().values = seriesRef(r)));
  }
  setXAxisValues(r: unknown): void {
    this.ws.write(40, () => void (this.model().xValues = seriesRef(r)));
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function inside(a: Box, outer: Box): boolean {
  return a.r0 >= outer.r0 && a.r1 <= outer.r1 && a.c0 >= outer.c0 && a.c1 <= outer.c1;
}

/** Excel's reading of a typed value. */
export function parseTyped(v: unknown, format: string): Partial<CellModel> {
  if (typeof v === 'number' || typeof v === 'boolean') return format === '@' ? { value: String(v) } : { value: v };
  if (v === null || v === undefined) return {};
  const s = String(v);
  if (s === '') return { value: '' };
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (format === '@') return { value: s };
  if (/^[=+]/.test(s) || (/^-/.test(s) && !/^-\d+(\.\d+)?$/.test(s))) return { value: 0, formula: s };
  if (/^-?\d+(\.\d+)?$/.test(s)) return { value: Number(s) };
  if (/^(true|false)$/i.test(s)) return { value: /^true$/i.test(s) };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return { value: Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!) / 86_400_000 + 25_569, format: 'yyyy-mm-dd' };
  if (/^\d{1,2}-[A-Za-z]{3}-\d{2}$/.test(s)) return { value: 40_000, format: 'd-mmm-yy' }; // coerced to some date
  return { value: s };
}

class FakeRange extends Proxy {
  lookupNull?: () => boolean;
  readonly format: {
    font: { bold: boolean; size: number; color: string };
    fill: { color: string };
    wrapText: boolean;
    columnWidth: number;
  };
  readonly conditionalFormats: FakeCfs;
  readonly dataValidation: FakeDataValidation;

  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    readonly box: () => Box,
  ) {
    super(ctx);
    const each = (f: (c: CellModel) => void) => (s: SheetModel) => {
      const b = this.box();
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(s.ensure(r, c));
    };
    this.format = accessors<FakeRange['format']>(
      {
        wrapText: { set: (v: boolean) => ws.write(10, each((c) => (c.wrap = v))) },
        columnWidth: {
          set: (v: number) =>
            ws.write(10, (s) => {
              const b = this.box();
              for (let c = b.c0; c <= b.c1; c++) s.colWidths.set(c, v);
            }),
        },
      },
      {
        font: accessors({
          bold: { set: (v: boolean) => ws.write(10, each((c) => (c.bold = v))) },
          size: { set: (v: number) => ws.write(10, each((c) => (c.fontSize = v))) },
          color: { set: () => ws.write(10, () => undefined) },
        }),
        fill: accessors({ color: { set: (v: string) => ws.write(10, each((c) => (c.fill = v))) } }),
      },
    );
    this.conditionalFormats = new FakeCfs(ctx, ws, () => [this.box()]);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }

  load(p?: unknown): this {
    const props = propsOf(p);
    this.ctx.enqueue(0, () => {
      if (this.lookupNull?.()) {
        this.nullState = true;
        return 10;
      }
      this.nullState = false;
      const s = this.ws.resolve();
      const b = this.box();
      const data: Record<string, unknown> = {};
      for (const prop of props) {
        if (prop === 'values' || prop === 'numberFormat' || prop === 'formulas') {
          const out: unknown[][] = [];
          for (let r = b.r0; r <= b.r1; r++) {
            const row: unknown[] = [];
            for (let c = b.c0; c <= b.c1; c++) {
              const cell = s.cell(r, c);
              // formulas: the formula where there is one, else the value (as Excel gives them).
              row.push(prop === 'values' ? (cell?.value ?? '') : prop === 'formulas' ? (cell?.formula ?? cell?.value ?? '') : (cell?.format ?? 'General'));
            }
            out.push(row);
          }
          data[prop] = out;
        } else if (prop === 'rowHidden') {
          let hidden = 0;
          for (let r = b.r0; r <= b.r1; r++) if (s.hiddenRows.has(r)) hidden++;
          data.rowHidden = hidden === 0 ? false : hidden === b.r1 - b.r0 + 1 ? true : null;
        } else if (prop === 'rowIndex') data.rowIndex = b.r0;
        else if (prop === 'columnIndex') data.columnIndex = b.c0;
        else if (prop === 'rowCount') data.rowCount = b.r1 - b.r0 + 1;
        else if (prop === 'columnCount') data.columnCount = b.c1 - b.c0 + 1;
        else if (prop === 'address') data.address = `${s.name}!${a1(b.r0, b.c0)}:${a1(b.r1, b.c1)}`;
        else throw new Error(`fake: load ${prop} on range`);
      }
      Object.assign(this.loaded, data);
      return jsonBytes(data);
    });
    return this;
  }

  get values(): unknown[][] {
    return this.got('values');
  }
  set values(v: unknown[][]) {
    this.setCells(v, (cell, x) => {
      const parsed = parseTyped(x, cell.format);
      delete cell.formula;
      delete cell.quotePrefix;
      Object.assign(cell, parsed);
    });
  }
  get numberFormat(): unknown[][] {
    return this.got('numberFormat');
  }
  get formulas(): unknown[][] {
    return this.got('formulas');
  }
  set numberFormat(v: unknown[][]) {
    this.setCells(v, (cell, x) => {
      if (typeof x === 'string') cell.format = x;
    });
  }
  get rowHidden(): boolean | null {
    return this.got('rowHidden');
  }
  get rowIndex(): number {
    return this.got('rowIndex');
  }
  get columnIndex(): number {
    return this.got('columnIndex');
  }
  get rowCount(): number {
    return this.got('rowCount');
  }
  get columnCount(): number {
    return this.got('columnCount');
  }
  get address(): string {
    return this.got('address');
  }

  private setCells(v: unknown[][], f: (cell: CellModel, x: unknown) => void): void {
    if (!Array.isArray(v) || !v.every(Array.isArray)) throw new Error('fake: values must be a 2-D array');
    this.ws.write(jsonBytes(v), (s) => {
      const b = this.box();
      const rows = b.r1 - b.r0 + 1;
      const cols = b.c1 - b.c0 + 1;
      if (v.length !== rows || v.some((row) => row.length !== cols)) {
        throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
      }
      v.forEach((row, i) => row.forEach((x, j) => f(s.ensure(b.r0 + i, b.c0 + j), x)));
    });
  }

  clear(): void {
    this.ws.write(0, (s) => {
      const b = this.box();
      for (let r = b.r0; r <= Math.min(b.r1, s.rows.length - 1); r++) {
        const row = s.rows[r];
        if (!row) continue;
        for (let c = b.c0; c <= Math.min(b.c1, row.length - 1); c++) row[c] = undefined;
      }
    });
  }

  select(): void {
    this.ctx.enqueue(0, () => {
      const b = this.box();
      this.ws.resolve().selected = `${a1(b.r0, b.c0)}:${a1(b.r1, b.c1)}`;
      return 0;
    });
  }

  getRowProperties(_opts: { rowHidden?: boolean }): FakeClientResult<{ rowIndex: number; rowHidden: boolean }[]> {
    const r = new FakeClientResult<{ rowIndex: number; rowHidden: boolean }[]>(this.ctx);
    r.compute = () => {
      const s = this.ws.resolve();
      const b = this.box();
      const out = [];
      for (let i = b.r0; i <= b.r1; i++) out.push({ rowIndex: i, rowHidden: s.hiddenRows.has(i) });
      return out;
    };
    r.arm();
    return r;
  }

  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.ctx, this);
  }
}

class FakeMergedAreas extends Proxy {
  constructor(ctx: FakeContext, private readonly range: FakeRange) {
    super(ctx);
  }
  load(_p?: unknown): this {
    this.ctx.enqueue(0, () => {
      const s = this.range.ws.resolve();
      const b = this.range.box();
      const hits = s.merges.filter((m) => overlaps(m, b));
      this.nullState = hits.length === 0;
      const sheet = /[^A-Za-z0-9_]/.test(s.name) ? `'${s.name.replace(/'/g, "''")}'` : s.name;
      this.loaded.address = hits.map((m) => `${sheet}!${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}`).join(',');
      return jsonBytes(this.loaded.address);
    });
    return this;
  }
  get address(): string {
    return this.got('address');
  }
}

class FakeCfs extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    private readonly boxes: () => Box[],
  ) {
    super(ctx);
  }
  load(_p?: unknown): this {
    this.ctx.enqueue(0, () => {
      const s = this.ws.resolve();
      const area = this.boxes();
      const items = s.cfs.filter((cf) => cf.boxes.some((b) => area.some((a) => overlaps(a, b))));
      this.loaded.items = items.map((cf) => new FakeCf(this.ctx, this.ws, cf, true));
      return jsonBytes(items.map((cf) => ({ id: cf.id, type: cf.type })));
    });
    return this;
  }
  get items(): FakeCf[] {
    return this.got('items');
  }
  add(type: string): FakeCf {
    const model: CfModel = { id: nextId('cf'), boxes: [], type, formula: '' };
    this.ws.write(20, (s) => {
      model.boxes = this.boxes();
      s.cfs.push(model);
    });
    return new FakeCf(this.ctx, this.ws, model, false);
  }
  clearAll(): void {
    this.ws.write(0, (s) => {
      const area = this.boxes();
      s.cfs = s.cfs.filter((cf) => !cf.boxes.every((b) => area.some((a) => inside(b, a))));
    });
  }
}

class FakeCf extends Proxy {
  private readonly ws: FakeWorksheet;
  readonly custom: {
    rule: { formula: string; load(p?: unknown): void };
    format: { fill: { color: string }; font: { color: string } };
  };

  constructor(
    ctx: FakeContext,
    ws: FakeWorksheet,
    private readonly model: CfModel,
    typeLoaded: boolean,
  ) {
    super(ctx);
    if (typeLoaded) this.loaded.type = model.type;
    const ruleLoaded: Record<string, unknown> = {};
    this.custom = {
      rule: accessors(
        {
          formula: {
            get: () => {
              if (!('formula' in ruleLoaded)) throw new FakeExcelError('PropertyNotLoaded', 'formula');
              return ruleLoaded.formula;
            },
            set: (v: string) =>
              ws.write(jsonBytes(v), () => {
                if (!v.startsWith('=')) throw new FakeExcelError('InvalidArgument', 'a rule formula starts with =');
                if (v.length > 8192) throw new FakeExcelError('FormulaLengthExceedsLimit', 'formula too long');
                this.model.formula = v;
              }),
          },
        },
        {
          load: () =>
            ctx.enqueue(0, () => {
              if (this.model.type !== 'Custom') throw new FakeExcelError('InvalidOperation', 'not a custom format');
              ruleLoaded.formula = this.model.formula;
              return jsonBytes(this.model.formula);
            }),
        },
      ),
      format: {
        fill: accessors({ color: { set: (v: string) => ws.write(10, () => void (this.model.fill = v)) } }),
        font: accessors({ color: { set: (v: string) => ws.write(10, () => void (this.model.fontColor = v)) } }),
      },
    };
    this.ws = ws;
  }

  get type(): string {
    return this.got('type');
  }
  delete(): void {
    this.ws.write(0, (s) => {
      s.cfs = s.cfs.filter((c) => c !== this.model);
    });
  }
}

class FakeDataValidation extends Proxy {
  constructor(ctx: FakeContext, private readonly range: FakeRange) {
    super(ctx);
  }
  load(p?: unknown): this {
    const props = propsOf(p);
    this.ctx.enqueue(0, () => {
      const s = this.range.ws.resolve();
      const b = this.range.box();
      const hits = s.validations.filter((v) => overlaps(v.box, b));
      const whole = hits.length === 1 && hits[0] && inside(b, hits[0].box) ? hits[0] : null;
      for (const prop of props) {
        if (prop === 'type') this.loaded.type = hits.length === 0 ? 'None' : whole ? 'List' : 'Inconsistent';
        else if (prop === 'errorAlert') this.loaded.errorAlert = whole?.errorAlert ?? (hits.length ? null : { showAlert: true, style: 'Stop', title: '', message: '' });
        else throw new Error(`fake: load ${prop} on dataValidation`);
      }
      return 60;
    });
    return this;
  }
  get type(): string {
    return this.got('type');
  }
  get errorAlert(): DvModel['errorAlert'] {
    return this.got('errorAlert');
  }
  clear(): void {
    this.range.ws.write(0, (s) => {
      const b = this.range.box();
      s.validations = s.validations.filter((v) => !overlaps(v.box, b));
    });
  }
  private current(s: SheetModel): DvModel {
    const b = this.range.box();
    let v = s.validations.find((x) => x.box.r0 === b.r0 && x.box.c0 === b.c0 && x.box.r1 === b.r1 && x.box.c1 === b.c1);
    if (!v) {
      v = { box: b, rule: null };
      s.validations.push(v);
    }
    return v;
  }
  set rule(r: unknown) {
    this.range.ws.write(jsonBytes(r), (s) => {
      const list = (r as { list?: { source?: string } }).list;
      if (list?.source && !list.source.startsWith('=') && list.source.length > 255) throw new FakeExcelError('InvalidArgument', 'list source over 255 characters');
      this.current(s).rule = r;
    });
  }
  set ignoreBlanks(v: boolean) {
    this.range.ws.write(10, (s) => void (this.current(s).ignoreBlanks = v));
  }
  set errorAlert(v: DvModel['errorAlert']) {
    this.range.ws.write(jsonBytes(v), (s) => void (this.current(s).errorAlert = v));
  }
}

/** Column letters for test assertions. */
export { columnLetter };
