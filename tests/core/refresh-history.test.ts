// What changed between two "Refresh status", read back from the workbook: the previous state is the
// Seguimiento sheet the last refresh wrote, the history lives in a marked sheet of ours (last 10).
import * as fs from 'fs';
import { checkWorkbook } from '../../src/core/check';
import type { WorkbookGrid } from '../../src/core/grid';
import {
  HISTORY_LENGTH, findHistorySheet, findSeguimientoSheet, historyOf, historySheet, nextHistory, parseHistory, seguimientoStates, type RefreshEntry,
} from '../../src/core/refresh-history';
import { seguimientoSheet } from '../../src/core/seguimiento';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { writeXlsx } from '../../src/hosts/xlsx/write';
import { BrowserHost } from '../../src/hosts/browser';
import { refreshStatus, coreCheckEngine } from '../../src/workflow/refresh';
import { DEFAULT_SETTINGS } from '../../src/core/workbook-state';
import { OfficeHost } from '../../src/hosts/office';
import { fakeFromGrid, xlsxGrid } from '../office/workbooks';
import { ECUADOR_PLAN } from '../fixtures';

const PLAN = 'Plan de Mejora';
const bytes = (): Uint8Array => new Uint8Array(fs.readFileSync(ECUADOR_PLAN));

describe('the previous state, from the Seguimiento sheet', () => {
  it.each(['es', 'en'] as const)('reads back overdue and completed per action from a written Seguimiento (%s)', (lang) => {
    const grid = readXlsx(bytes());
    const result = checkWorkbook(grid, { asOf: '2011-09-15' });
    const wb = readXlsx(writeXlsx(bytes(), [seguimientoSheet(result, lang)]).bytes);
    const sheet = findSeguimientoSheet(wb.sheets)!;
    expect(sheet.name).toBe('Seguimiento');
    const states = seguimientoStates(sheet)!;
    expect(states.size).toBe(result.summary.actions);
    expect([...states.values()].filter((s) => s.overdue)).toHaveLength(result.summary.overdue);
    const completed = result.tables.flatMap((t) => t.actions).filter((a) => a.status === 'completed').length;
    expect([...states.values()].filter((s) => s.completed)).toHaveLength(completed);
  });

  it('is never a sheet of the user (unmarked), whatever it holds', () => {
    const grid = readXlsx(bytes());
    const result = checkWorkbook(grid, { asOf: '2011-09-15' });
    const written = readXlsx(writeXlsx(bytes(), [seguimientoSheet(result, 'es')]).bytes);
    const copy = written.sheets.map((s) => ({ ...s, createdByTablero: false }));
    expect(findSeguimientoSheet(copy)).toBeUndefined();
  });

  it('names the action that became completed and those that became overdue', () => {
    const grid = readXlsx(bytes());
    const first = checkWorkbook(grid, { asOf: '2011-09-15' });
    const withSeg = readXlsx(writeXlsx(bytes(), [seguimientoSheet(first, 'es')]).bytes);
    // The user marks an open action as done ("Concluido.") in their own sheet.
    const open = first.tables[0]!.actions.find((a) => a.status !== 'completed' && a.id && a.cells.status)!;
    const col = open.cells.status!.charCodeAt(0) - 65;
    const edited: WorkbookGrid = {
      ...withSeg,
      sheets: withSeg.sheets.map((s) =>
        s.name !== PLAN ? s : { ...s, rows: s.rows.map((r, i) => (i === open.row - 1 ? r.map((v, c) => (c === col ? 'Concluido.' : v)) : r)) },
      ),
    };
    const later = checkWorkbook(edited, { asOf: '2011-09-25' });
    const { change: entry, entries } = nextHistory(edited, later, '2011-09-25 10:00');
    expect(entries[0]).toBe(entry);
    expect(entry?.compared).toBe(true);
    expect(entry?.newlyCompleted).toEqual([open.id]);
    expect([...(entry?.newlyOverdue ?? [])].sort()).toEqual(['11.6', '3.2', '5.2', '7.1', '7.2'].filter((id) => id !== open.id));
  });
});

describe('the history sheet', () => {
  const entry = (i: number): RefreshEntry => ({
    at: `2011-09-${String(10 + i).padStart(2, '0')} 09:30`,
    asOf: `2011-09-${String(10 + i).padStart(2, '0')}`,
    actions: 36,
    overdue: 20 + i,
    completed: 5,
    compared: i > 0,
    newlyOverdue: i > 0 ? [`${i}.1`, `${i}.2`] : [],
    newlyCompleted: [],
    newlyOverdueCount: i > 0 ? 2 : 0,
    newlyCompletedCount: 0,
  });

  it.each(['es', 'en'] as const)('round-trips through a written workbook, newest first (%s)', (lang) => {
    const entries = [entry(2), entry(1), entry(0)];
    const wb = readXlsx(writeXlsx(null, [historySheet(entries, lang)]).bytes);
    const sheet = findHistorySheet(wb.sheets)!;
    expect(sheet.createdByTablero).toBe(true);
    expect(parseHistory(sheet, wb.date1904)).toEqual(entries);
  });

  it('lists 200 ids in a cell and counts the rest', () => {
    const many = Array.from({ length: 450 }, (_, i) => `A${i}`);
    const e = { ...entry(1), newlyOverdue: many, newlyOverdueCount: many.length };
    const wb = readXlsx(writeXlsx(null, [historySheet([e], 'es')]).bytes);
    const [back] = historyOf(wb);
    expect(back?.newlyOverdueCount).toBe(450);
    expect(back?.newlyOverdue).toEqual(many.slice(0, 200));
  });
});

describe('Refresh status writes the history (both writers), read back from the workbook', () => {
  const at = (s: string) => () => s;

  it('browser host: a first refresh has nothing to compare, the second names the newly overdue; 12 refreshes keep 10', async () => {
    const host = new BrowserHost(bytes(), 'plan.xlsx', { lang: 'es', today: () => '2011-09-25' });
    const one = await refreshStatus(host, coreCheckEngine, DEFAULT_SETTINGS, '2011-09-15', 'es', { now: at('2011-09-15 08:00') });
    expect(one.written.map((w) => w.name)).toEqual(['Seguimiento', 'Tablero historial']);
    expect(one.history).toHaveLength(1);
    expect(one.history[0]?.compared).toBe(false);
    const two = await refreshStatus(host, coreCheckEngine, DEFAULT_SETTINGS, '2011-09-25', 'es', { now: at('2011-09-25 08:00') });
    // Read back from the bytes alone: a new session on the saved file.
    const saved = historyOf(readXlsx(host.currentBytes()));
    expect(saved).toEqual(two.history);
    expect(saved.map((e) => e.at)).toEqual(['2011-09-25 08:00', '2011-09-15 08:00']);
    expect([...saved[0]!.newlyOverdue].sort()).toEqual(['11.6', '3.2', '5.2', '7.1', '7.2']);
    expect(saved[0]).toMatchObject({ asOf: '2011-09-25', actions: 36, compared: true, newlyOverdueCount: 5, newlyCompletedCount: 0 });
    // The same figures again (the download rewrites Seguimiento too): said, not listed twice.
    const again = await refreshStatus(host, coreCheckEngine, DEFAULT_SETTINGS, '2011-09-25', 'es', { now: at('2011-09-25 09:00') });
    expect(again.change).toMatchObject({ at: '2011-09-25 09:00', compared: true, newlyOverdueCount: 0, newlyCompletedCount: 0 });
    expect(historyOf(readXlsx(host.currentBytes()))).toEqual(two.history);
    for (let i = 0; i < 10; i++) await refreshStatus(host, coreCheckEngine, DEFAULT_SETTINGS, `2011-10-1${i}`, 'es', { now: at(`2011-10-1${i} 08:00`) });
    const kept = historyOf(readXlsx(host.currentBytes()));
    expect(kept).toHaveLength(HISTORY_LENGTH);
    expect(kept[0]).toMatchObject({ at: '2011-10-19 08:00', asOf: '2011-10-19', compared: true });
    expect(kept[HISTORY_LENGTH - 1]).toMatchObject({ at: '2011-10-10 08:00' });
    expect(readXlsx(host.currentBytes()).sheets.map((s) => s.name)).toEqual([PLAN, 'Seguimiento', 'Tablero historial']);
  });

  it('Office host (fake Excel): the same history, in the same sheet', async () => {
    const wb = fakeFromGrid(xlsxGrid(ECUADOR_PLAN));
    const h = new OfficeHost({ run: wb.run, isSetSupported: (n, v) => n === 'ExcelApi' && Number(v?.split('.')[1]) <= 17, lang: 'es', today: () => '2011-09-25' });
    await refreshStatus(h, coreCheckEngine, DEFAULT_SETTINGS, '2011-09-15', 'es', { now: at('2011-09-15 08:00') });
    const two = await refreshStatus(h, coreCheckEngine, DEFAULT_SETTINGS, '2011-09-25', 'es', { now: at('2011-09-25 08:00') });
    const saved = historyOf(await h.read());
    expect(saved).toEqual(two.history);
    expect([...saved[0]!.newlyOverdue].sort()).toEqual(['11.6', '3.2', '5.2', '7.1', '7.2']);
    expect(wb.sheet('Tablero historial').customProps.has('Tablero')).toBe(true);
  });
});
