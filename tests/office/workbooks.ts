// Workbooks for the Office host tests, in the fake object model: the Ecuador fixture (through the
// .xlsx host, so both hosts can be compared) and a generated plan of any number of actions.
import * as fs from 'fs';
import type { Cell, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { isoToSerial } from '../../src/core/dates';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { FakeWorkbook, type SheetModel } from './fake-excel';

export { FIXTURES_DIR as FIXTURES, ECUADOR_PLAN as ECUADOR } from '../fixtures';

/** The grid the .xlsx host reads from a fixture. */
export function xlsxGrid(file: string): WorkbookGrid {
  return readXlsx(new Uint8Array(fs.readFileSync(file)));
}

/** Puts a grid into a fake workbook as Excel holds it: dates as serials under a date format, errors as their code. */
export function fakeFromGrid(grid: WorkbookGrid, dateFormat = 'd-mmm-yy'): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.date1904 = grid.date1904;
  for (const s of grid.sheets) addGridSheet(wb, s, dateFormat);
  return wb;
}

export function addGridSheet(wb: FakeWorkbook, s: SheetGrid, dateFormat = 'd-mmm-yy'): SheetModel {
  const sheet = wb.addSheet(
    s.name,
    s.rows.map((row) => row.map((c) => toRaw(c))),
    (r, c) => {
      const v = s.rows[r]?.[c];
      return typeof v === 'object' && v !== null && v.kind === 'date' ? dateFormat : undefined;
    },
  );
  sheet.merges = s.merges.map((m) => ({ ...m }));
  for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
  return sheet;
}

function toRaw(c: Cell): string | number | boolean | null {
  if (c === null || typeof c !== 'object') return c;
  return c.kind === 'date' ? c.serial : c.code;
}

/** Rows without their trailing blanks, so grids from different hosts compare cell by cell. */
export function normalise(grid: WorkbookGrid): WorkbookGrid {
  return {
    date1904: grid.date1904,
    sheets: grid.sheets.map((s) => {
      const rows = s.rows.map((row) => {
        const r = [...row];
        while (r.length && (r[r.length - 1] === null || r[r.length - 1] === undefined)) r.pop();
        return r;
      });
      while (rows.length && !rows[rows.length - 1]?.length) rows.pop();
      return { name: s.name, rows, merges: [...s.merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0), hiddenRows: s.hiddenRows ?? [], createdByTablero: !!s.createdByTablero };
    }),
  };
}

export const PLAN_STATUSES = ['Concluido.', 'En ejecución', 'Sin iniciar', '', 'En proceso de definición de Agenda.'];

/**
 * A flat plan of `n` actions under a merged title band, header on row 3, like a large programme
 * keeps it: real dates (d-mmm-yy), text dates, "Continuo", statuses as typed, an #N/A, hidden rows.
 */
export function bigPlan(n: number, sheetName = 'Plan de Mejora'): { wb: FakeWorkbook; sheet: SheetModel } {
  const rows: (string | number | null)[][] = [
    ['Plan de mejora — Programa Conjunto de Agua y Saneamiento', null, null, null, null, null],
    [null, null, null, null, null, null],
    ['N°', 'Acciones clave', 'Plazo', 'Responsable/s', 'Estado', 'Comentarios'],
  ];
  const dateCells = new Set<string>();
  for (let i = 0; i < n; i++) {
    const r = rows.length;
    const kind = i % 10;
    let deadline: string | number;
    if (kind === 7) deadline = '15/08/2011';
    else if (kind === 9) deadline = 'Continuo hasta el final del Programa';
    else {
      deadline = isoToSerial('2011-01-01') + (i % 400);
      dateCells.add(`${r}:2`);
    }
    rows.push([
      `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      `Acción clave número ${i + 1}: fortalecer la mesa técnica municipal de agua y saneamiento`,
      deadline,
      i % 3 === 0 ? 'UCP / Ministerio' : 'Secretaría Técnica',
      PLAN_STATUSES[i % PLAN_STATUSES.length] ?? '',
      i === 5 ? '#N/A' : `Seguimiento trimestral ${i % 4 === 0 ? 'con actas firmadas por las juntas de agua' : ''}`.trim(),
    ]);
  }
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet(sheetName, rows, (r, c) => (dateCells.has(`${r}:${c}`) ? 'd-mmm-yy' : undefined));
  sheet.merges.push({ r0: 0, c0: 0, r1: 0, c1: 5 });
  // A filter left on: every 50th action row hidden.
  for (let r = 3; r < rows.length; r += 50) sheet.hiddenRows.add(r);
  return { wb, sheet };
}
