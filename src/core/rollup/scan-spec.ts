// What the record scan needs from a layout: used, label, identity and number columns.
import { columnLetter } from '../grid';
import type { NumericColumn, ScanSpec, ScanStats } from './records';
import type { SheetLayout } from './recognise';
import type { ColumnUse, SourceInfo } from './types';
import type { RollupRole } from './vocab';
import type { NumberKind } from './numbers';

const NAME_ROLES: readonly RollupRole[] = ['system', 'provider'];

export function numericColumn(layout: SheetLayout, role: RollupRole, kind: NumberKind): NumericColumn | null {
  const col = layout.roles.get(role);
  if (col === undefined) return null;
  const header = layout.headers[col] || columnLetter(col);
  return kind === 'count'
    ? { col, kind, header, sumCheck: true, min: 0, max: Infinity }
    : { col, kind, header, sumCheck: false, min: 0, max: 1 };
}

export function buildScanSpec(layout: SheetLayout, numeric: readonly NumericColumn[]): ScanSpec {
  const numericCols = new Set(numeric.map((n) => n.col));
  const used = [...new Set([...layout.roles.values(), ...layout.yesNo])].sort((a, b) => a - b);
  const identity: number[] = [];
  const deepest = layout.levels[layout.levels.length - 1];
  if (deepest) identity.push(deepest.col);
  for (const r of NAME_ROLES) {
    const c = layout.roles.get(r);
    if (c !== undefined) identity.push(c);
  }
  // "Total …" sits where names go: the area and name columns, and column A even when it has no role
  // (categories and yes/no answers are not looked at: they would cost a test per row for nothing).
  const labels = [...new Set([0, ...layout.levels.map((l) => l.col), ...identity])].filter((c) => !numericCols.has(c)).sort((a, b) => a - b);
  return { sheet: layout.sheet, headerRow: layout.headerRow, used, labels, identity, numeric };
}

export function sourceInfo(layout: SheetLayout, stats: ScanStats): SourceInfo {
  const columns: ColumnUse[] = [];
  for (const [role, col] of [...layout.roles].sort((a, b) => a[1] - b[1])) columns.push({ role, column: columnLetter(col), header: layout.headers[col] ?? '' });
  for (const col of layout.yesNo) columns.push({ role: 'yesNo', column: columnLetter(col), header: layout.headers[col] ?? '' });
  return {
    sheet: layout.sheet.name,
    headerRow: layout.headerRow + 1,
    firstRow: stats.firstRow,
    lastRow: stats.lastRow,
    columns,
    records: stats.records,
    skippedBlank: stats.skippedBlank,
    skippedTotal: stats.skippedTotal,
    unreadableCells: stats.unreadable,
    numbersAsText: stats.asText,
    mapped: layout.mapped,
  };
}
