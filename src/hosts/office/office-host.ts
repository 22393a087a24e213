// The pane's and the ribbon command's host inside Excel: every call is one Excel.run against the
// open workbook. Excel.run and the requirement check are injected so tests drive a fake object model.
import type { WorkbookGrid } from '../../core/grid';
import { isoFromLocalDate } from '../../core/dates';
import type { Lang } from '../../core/i18n';
import { LANGS, t } from '../../core/i18n';
import { rewriteName } from '../../core/our-sheet-name';
import type { CheckResult } from '../../core/model';
import type { ActualWrite } from '../../core/framework/write-actual';
import type { OutputSheet } from '../../core/output';
import type { WrittenSheet } from '../host';
import type { DateConversion, HostCapabilities, PaneHost } from '../pane-host';
import { DEFAULT_BATCH_BUDGET } from './chunks';
import type { OfficeEnv, Run } from './env';
import { syncWrite } from './env';
import { OfficeHostError, toHostError } from './errors';
import { toGridRows } from './convert';
import { layoutSheet, textValue } from './layout';
import * as ops from './pane-ops';
import { readWorkbook, type ReadStats } from './read';
import { detectFeatures, featureNotes, type IsSetSupported, type OfficeFeatures } from './requirements';
import { loadState } from './state';
import { writeOutputSheets } from './write';
import { conversionRecordSheet, isConversionSheetName, parseConversionRecord } from '../../core/workbook-state';
import { dropdownRecordSheet, mergeDropdownAreas, parseDropdownRecord, type DropdownArea } from '../../core/workbook-state';

export interface OfficeHostOptions {
  /** Excel.run (tests pass a fake). */
  readonly run?: Run;
  /** Office.context.requirements.isSetSupported (tests pass a table). */
  readonly isSetSupported?: IsSetSupported;
  /** Language of the messages and of the sheets the host writes itself. */
  readonly lang?: Lang;
  /** Bytes one sync may carry; the default keeps a fifth below Excel on the web's 5 MB. */
  readonly batchBudget?: number;
  /** Today's date, YYYY-MM-DD (tests pass one). */
  readonly today?: () => string;
  /** Excel.createWorkbook (tests pass a fake). */
  readonly createWorkbook?: (base64: string) => Promise<void>;
}

const defaultRun: Run = (batch) => Excel.run((ctx) => batch(ctx));
const defaultIsSetSupported: IsSetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version);
const defaultCreateWorkbook = (base64: string): Promise<void> => Excel.createWorkbook(base64);

export class OfficeHost implements PaneHost {
  readonly kind = 'office' as const;
  lang: Lang;
  private readonly run: Run;
  private readonly isSetSupported: IsSetSupported;
  private readonly budget: number;
  private readonly today: () => string;
  private readonly createWorkbook: (base64: string) => Promise<void>;
  private featureCache: OfficeFeatures | null = null;
  /** The last grid read: highlights need to know which deadline cells hold real dates. */
  private lastGrid: WorkbookGrid | null = null;
  private readonly readStats: ReadStats = { bytesPerCell: 48 };

  constructor(opts: OfficeHostOptions = {}) {
    this.run = opts.run ?? defaultRun;
    this.isSetSupported = opts.isSetSupported ?? defaultIsSetSupported;
    this.lang = opts.lang ?? 'es';
    this.budget = opts.batchBudget ?? DEFAULT_BATCH_BUDGET;
    this.today = opts.today ?? (() => isoFromLocalDate(new Date()));
    this.createWorkbook = opts.createWorkbook ?? defaultCreateWorkbook;
  }

  get features(): OfficeFeatures {
    this.featureCache ??= detectFeatures(this.isSetSupported);
    return this.featureCache;
  }

  private env(): OfficeEnv {
    return { features: this.features, lang: this.lang, budget: this.budget };
  }

  /** One Excel.run; whatever Excel throws comes out as a message for the user. */
  private async excel<T>(batch: (env: OfficeEnv, ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const env = this.env();
    try {
      return await this.run((ctx) => batch(env, ctx));
    } catch (e) {
      throw toHostError(e, this.lang);
    }
  }

  async read(): Promise<WorkbookGrid> {
    const grid = await this.excel((env, ctx) => readWorkbook(ctx, env, this.readStats));
    this.lastGrid = grid;
    return grid;
  }

  async writeSheets(sheets: readonly OutputSheet[]): Promise<WrittenSheet[]> {
    const result = await this.excel((env, ctx) => writeOutputSheets(ctx, env, sheets));
    return result.written;
  }

  /**
   * Puts `text` on the status line of our sheet written as `requested` (the last of its lines).
   * False when there is no such sheet of ours; never touches a user's sheet.
   */
  async writeStatusLine(requested: string, text: string): Promise<boolean> {
    return this.excel(async (env, ctx) => {
      const state = await loadState(ctx, env, { protection: true });
      const wanted = requested.toLowerCase();
      const sheet =
        state.sheets.find((s) => s.marked && !s.isRegistry && s.meta?.requested?.toLowerCase() === wanted) ??
        state.sheets.find((s) => s.marked && !s.isRegistry && s.meta?.requested == null && s.name.toLowerCase() === wanted);
      if (!sheet) return false;
      if (sheet.protected) throw new OfficeHostError('officeWriteProtected', { sheet: sheet.name }, env.lang);
      // Seguimiento's lines are title, as-of date, status: row 3 when the mark does not say.
      const row = sheet.meta?.statusRow ?? 3;
      sheet.ws.getRange(`A${row}`).values = [[textValue(text)]];
      await syncWrite(ctx, env);
      return true;
    });
  }

  async capabilities(): Promise<HostCapabilities> {
    const f = this.features;
    return {
      customProperties: f.customProperties,
      conditionalFormats: f.conditionalFormats,
      dataValidation: f.dataValidation,
      createWorkbook: f.createWorkbook,
      notes: featureNotes(f),
    };
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.excel((env, ctx) => ops.selectRange(ctx, env, sheet, address));
  }

  async highlightOverdue(result: CheckResult): Promise<void> {
    const grid = this.lastGrid ?? (await this.read());
    await this.excel((env, ctx) => ops.highlightOverdue(ctx, env, result, grid, this.today()));
  }

  async removeHighlights(): Promise<void> {
    await this.excel((env, ctx) => ops.removeHighlights(ctx, env));
  }

  async addStatusDropdowns(result: CheckResult, words: readonly string[]): Promise<number> {
    return (await this.addStatusDropdownsReport(result, words)).applied.length;
  }

  /** addStatusDropdowns, saying what was done and what was skipped (the pane can show officeDropdownSkipped). */
  async addStatusDropdownsReport(result: CheckResult, words: readonly string[]): Promise<ops.DropdownReport> {
    if (!this.features.dataValidation) return { applied: [], skipped: [], unsupported: true, words: [] };
    const found = await this.excel((env, ctx) => ops.inspectStatusCells(ctx, env, result, words));
    if (!found.areas.length || !found.words.length) {
      return { applied: [], skipped: found.skipped, unsupported: false, words: found.words };
    }
    const source = ops.inlineSource(found.words) ?? (await this.writeStatusList(found.words));
    // The cells were inspected in an earlier run: look them up again by address in this one.
    const targets = found.areas.map((a) => ({ sheet: a.sheet.name, area: a.area }));
    await this.excel(async (env, ctx) => {
      const state = await loadState(ctx, env, { protection: true });
      const areas = targets.flatMap((tg) => {
        const s = state.sheets.find((x) => x.name === tg.sheet);
        return s ? [{ sheet: s, area: tg.area, range: s.ws.getRange(tg.area) }] : [];
      });
      await ops.applyStatusDropdowns(ctx, env, areas, source);
    });
    // Recorded so "Remove status dropdowns" finds them (Excel cannot list a sheet's validations).
    const rec = await this.dropdownRecord();
    const added = targets.map((tg) => ({ sheet: tg.sheet, range: tg.area }));
    await this.writeSheets([dropdownRecordSheet(mergeDropdownAreas(rec.areas, added), this.lang, rewriteName(rec.name ?? undefined, 'ddSheetName'))]);
    return { applied: targets.map((tg) => `${tg.sheet}!${tg.area}`), skipped: found.skipped, unsupported: false, words: found.words };
  }

  async writeActual(w: ActualWrite): Promise<boolean> {
    const written = await this.excel((env, ctx) => ops.writeActual(ctx, env, w));
    if (written) this.lastGrid = null;
    return written;
  }

  async removeStatusDropdowns(): Promise<number> {
    const rec = await this.dropdownRecord();
    if (!rec.areas.length) return 0;
    const cleared = this.features.dataValidation ? await this.excel((env, ctx) => ops.removeDropdowns(ctx, env, rec.areas)) : [];
    // Areas not cleared hold the user's validation now, or no longer exist: either way not ours to keep.
    await this.writeSheets([dropdownRecordSheet([], this.lang, rewriteName(rec.name ?? undefined, 'ddSheetName'))]);
    return cleared.length;
  }

  /** The dropdown areas recorded in our record sheet (either language's name), and that sheet's name. */
  async dropdownRecord(): Promise<{ areas: DropdownArea[]; name: string | null }> {
    return this.excel(async (env, ctx) => {
      const state = await loadState(ctx, env, { used: true });
      const names = LANGS.map((l) => t(l, 'pane', 'ddSheetName').toLowerCase());
      const sheet = state.sheets.find((s) => s.marked && !s.isRegistry && names.includes((s.meta?.requested ?? rewriteName(s.name, 'ddSheetName') ?? '').toLowerCase()));
      if (!sheet?.used) return { areas: [], name: sheet?.name ?? null };
      const u = sheet.used;
      const range = sheet.ws.getRangeByIndexes(0, 0, u.rowIndex + u.rowCount, u.columnIndex + u.columnCount);
      range.load('values,numberFormat');
      await ctx.sync();
      return { areas: parseDropdownRecord({ rows: toGridRows(range.values, range.numberFormat, 0) }), name: sheet.name };
    });
  }

  /** Too many or too long words for an inline list: they go in our list sheet, referenced by range. */
  private async writeStatusList(words: readonly string[]): Promise<string> {
    const L = this.lang;
    const sheet: OutputSheet = {
      name: t(L, 'pane', 'listSheetName'),
      lines: [t(L, 'pane', 'listSheetTitle')],
      tables: [{ name: 'TableroStatusWords', columns: [{ header: t(L, 'pane', 'listSheetColumn'), type: 'text' }], rows: words.map((w) => [w]) }],
    };
    const [written] = await this.writeSheets([sheet]);
    const table = layoutSheet(sheet, false).tables[0];
    return ops.listSourceAddress(written?.name ?? sheet.name, table?.box.row ?? 2, table?.box.col ?? 0, words.length);
  }

  async convertTextDates(changes: readonly DateConversion[]): Promise<void> {
    await this.convertTextDatesReport(changes);
  }

  /** convertTextDates, saying which cells were left alone because their text changed since the check. */
  async convertTextDatesReport(changes: readonly DateConversion[]): Promise<ops.ConversionReport> {
    if (!changes.length) return { done: [], skipped: [] };
    const report = await this.excel((env, ctx) => ops.convertDates(ctx, env, changes));
    if (report.done.length) {
      const rec = await this.conversionRecordSheet();
      await this.writeConversionRecord([...rec.records, ...report.done], rec.name);
    }
    this.lastGrid = null;
    return report;
  }

  async undoConvertTextDates(): Promise<void> {
    const { records, name } = await this.conversionRecordSheet();
    if (!records.length) return;
    const { left } = await this.excel((env, ctx) => ops.undoDates(ctx, env, records));
    await this.writeConversionRecord(left, name);
    this.lastGrid = null;
  }

  /** Conversions recorded in our record sheet (either language's name), not yet undone. */
  async conversionRecord(): Promise<DateConversion[]> {
    return (await this.conversionRecordSheet()).records;
  }

  /** The conversions recorded, and the record sheet's name (null: none yet). */
  private async conversionRecordSheet(): Promise<{ records: DateConversion[]; name: string | null }> {
    return this.excel(async (env, ctx) => {
      const state = await loadState(ctx, env, { used: true, date: true });
      // Found by the name it was asked under (the mark's), so "Tablero fechas (2)" beside a user's sheet counts.
      const sheet = state.sheets.find((s) => s.marked && !s.isRegistry && isConversionSheetName(s.meta?.requested ?? s.name));
      if (!sheet?.used) return { records: [], name: sheet?.name ?? null };
      const u = sheet.used;
      // A small sheet of ours: one read of its used range.
      const range = sheet.ws.getRangeByIndexes(0, 0, u.rowIndex + u.rowCount, u.columnIndex + u.columnCount);
      range.load('values,numberFormat');
      await ctx.sync();
      return { records: parseConversionRecord({ rows: toGridRows(range.values, range.numberFormat, 0) }, state.date1904), name: sheet.name };
    });
  }

  /** `name`: the record sheet found, rewritten under the name it was written as (never "(2) (2)"). */
  private async writeConversionRecord(records: readonly DateConversion[], name: string | null): Promise<void> {
    await this.writeSheets([conversionRecordSheet(records, this.lang, rewriteName(name ?? undefined, 'convSheetName'))]);
  }

  async loadSettings(): Promise<unknown> {
    return this.excel((_env, ctx) => ops.loadSettings(ctx));
  }

  /** Workbook.name (ExcelApi 1.7): "plan.xlsx", or "Book1" before the first save. */
  async workbookName(): Promise<string | null> {
    return this.excel(async (_env, ctx) => {
      ctx.workbook.load('name');
      await ctx.sync();
      return ctx.workbook.name || null;
    });
  }

  /** The bytes opened as a new workbook in this Excel (ExcelApi 1.8); the open one is not touched. */
  async openWorkbook(bytes: Uint8Array): Promise<void> {
    if (!this.features.createWorkbook) throw new OfficeHostError('officeNoCreateWorkbook', {}, this.lang);
    try {
      await this.createWorkbook(toBase64(bytes));
    } catch (e) {
      throw toHostError(e, this.lang);
    }
  }

  async saveSettings(settings: unknown): Promise<void> {
    await this.excel((_env, ctx) => ops.saveSettings(ctx, settings));
  }
}

/** Base64 in pieces: String.fromCharCode over a whole workbook would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) text += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(text);
}

export function createOfficeHost(opts: OfficeHostOptions = {}): OfficeHost {
  return new OfficeHost(opts);
}
