// The workbook as the Office host finds it before any operation: sheets, marks, tables, protection,
// date system. Two syncs whatever the number of sheets (a third only for the registry fallback).
import type { Ctx, OfficeEnv } from './env';
import { MARK_KEY, parseMark, parseRegistry, isRegistryName, type MarkMeta, type RegistryRecord } from './registry';

export interface UsedBox {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface SheetState {
  readonly ws: Excel.Worksheet;
  readonly name: string;
  readonly id: string;
  /** Carries Tablero's mark (custom property, or listed in the registry). */
  marked: boolean;
  meta: MarkMeta | null;
  readonly isRegistry: boolean;
  readonly protected: boolean;
  readonly tables: readonly Excel.Table[];
  /** Charts on the sheet, names loaded (only when asked: a rewrite removes the ones we added). */
  readonly charts: readonly Excel.Chart[];
  readonly used: UsedBox | null;
}

export interface BookState {
  readonly sheets: SheetState[];
  readonly date1904: boolean;
  readonly registry: { readonly sheet: SheetState; readonly records: RegistryRecord[] } | null;
  /** Defined names and table names: a new table's name must differ from all of them. */
  readonly names: readonly string[];
}

export interface StateNeeds {
  readonly used?: boolean;
  readonly tables?: boolean;
  readonly protection?: boolean;
  readonly date?: boolean;
  readonly charts?: boolean;
}

/** DATE(1904,1,2) is 1 in the 1904 date system and 1463 in the 1900 one: no cell is touched to ask. */
const PROBE_1904 = { year: 1904, month: 1, day: 2 } as const;

export async function loadState(ctx: Ctx, env: OfficeEnv, needs: StateNeeds): Promise<BookState> {
  const wss = ctx.workbook.worksheets;
  wss.load('items/name,items/id');
  const probe = needs.date ? ctx.workbook.functions.date(PROBE_1904.year, PROBE_1904.month, PROBE_1904.day) : null;
  probe?.load('value');
  const names = needs.tables ? ctx.workbook.names : null;
  names?.load('items/name');
  await ctx.sync();

  const pending = wss.items.map((ws) => {
    const name = ws.name;
    const prop = env.features.customProperties ? ws.customProperties.getItemOrNullObject(MARK_KEY) : null;
    prop?.load('value');
    const used = needs.used ? ws.getUsedRangeOrNullObject(true) : null;
    used?.load('rowIndex,columnIndex,rowCount,columnCount');
    if (needs.protection) ws.protection.load('protected');
    if (needs.tables) ws.tables.load('items/name');
    if (needs.charts) ws.charts.load('items/name');
    const reg = isRegistryName(name) ? ws.getUsedRangeOrNullObject(true) : null;
    reg?.load('values');
    return { ws, name, prop, used, reg };
  });
  await ctx.sync();

  let registry: BookState['registry'] = null;
  const sheets: SheetState[] = pending.map((p) => {
    const records = p.reg && !p.reg.isNullObject ? parseRegistry(p.reg.values) : null;
    const propFound = !!p.prop && !p.prop.isNullObject;
    const s: SheetState = {
      ws: p.ws,
      name: p.name,
      id: p.ws.id,
      marked: propFound || records !== null,
      meta: propFound ? parseMark(p.prop?.value) : null,
      isRegistry: records !== null,
      protected: needs.protection ? p.ws.protection.protected : false,
      tables: needs.tables ? p.ws.tables.items : [],
      charts: needs.charts ? p.ws.charts.items : [],
      used:
        p.used && !p.used.isNullObject
          ? { rowIndex: p.used.rowIndex, columnIndex: p.used.columnIndex, rowCount: p.used.rowCount, columnCount: p.used.columnCount }
          : null,
    };
    if (records && !registry) registry = { sheet: s, records };
    return s;
  });

  const reg = registry as BookState['registry'];
  if (reg) await applyRegistry(ctx, sheets, reg.records);

  const value = probe?.value;
  return {
    sheets,
    date1904: typeof value === 'number' && value < 367,
    registry: reg,
    names: [...(names?.items.map((n) => n.name) ?? []), ...sheets.flatMap((s) => s.tables.map((t) => t.name))],
  };
}

/**
 * Marks the sheets the registry lists: by worksheet id, or — when Excel gave the sheet a new id —
 * by name and the title we wrote in A1 together, so a user's sheet that merely took the name stays theirs.
 */
async function applyRegistry(ctx: Ctx, sheets: SheetState[], records: readonly RegistryRecord[]): Promise<void> {
  const byName: { sheet: SheetState; rec: RegistryRecord; cell: Excel.Range }[] = [];
  for (const rec of records) {
    const byId = sheets.find((s) => s.id === rec.id);
    if (byId) {
      byId.marked = true;
      byId.meta = byId.meta ?? { requested: rec.requested, statusRow: rec.statusRow };
      continue;
    }
    const named = sheets.find((s) => !s.marked && s.name.toLowerCase() === rec.name.toLowerCase());
    if (named && rec.title) {
      const cell = named.ws.getRange('A1');
      cell.load('values');
      byName.push({ sheet: named, rec, cell });
    }
  }
  if (!byName.length) return;
  await ctx.sync();
  for (const { sheet, rec, cell } of byName) {
    if (cell.values[0]?.[0] === rec.title) {
      sheet.marked = true;
      sheet.meta = { requested: rec.requested, statusRow: rec.statusRow };
    }
  }
}
