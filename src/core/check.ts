// Entry point of the engine for improvement plans: recognise tables, validate, flag overdue.
import { daysBetween, yearOf } from './dates';
import { parseDeadline, type DeadlineOptions } from './deadline';
import { finding, type Finding } from './findings';
import { a1, columnLetter, rangeA1, type WorkbookGrid } from './grid';
import type { Header } from './header';
import type { Lang } from './i18n';
import { LAYOUTS } from './layouts';
import type { DraftAction } from './layouts/types';
import { emptyStatusCounts, type Action, type Block, type CheckResult, type Role, type SecondaryColumn, type TableResult } from './model';
import { findRegions } from './regions';
import type { Region } from './rows';
import { SheetView } from './sheet-view';
import { StatusMatcher, type StatusVocabulary } from './vocab/status';

export interface CheckOptions {
  /** As-of date, YYYY-MM-DD (hosts pass today's date by default). */
  readonly asOf: string;
  /** Only this sheet. */
  readonly sheet?: string;
  /** Extra status words on top of the built-in table. */
  readonly vocabulary?: StatusVocabulary;
  /** Kept for callers; messages are rendered from findings' params in any language. */
  readonly lang?: Lang;
}

/** A deadline this far from the as-of date is probably a typo. */
const IMPLAUSIBLE_YEARS = 20;

interface Context {
  readonly asOf: string;
  readonly deadlineOptions: DeadlineOptions;
  readonly statuses: StatusMatcher;
}

export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  const ctx: Context = { asOf: opts.asOf, deadlineOptions: { date1904: wb.date1904 }, statuses: new StatusMatcher(opts.vocabulary) };
  const tables: TableResult[] = [];
  const findings: Finding[] = [];
  for (const sheet of wb.sheets) {
    // Our own sheets (Seguimiento…) look like plans: never read them back as one.
    if (sheet.createdByTablero) continue;
    if (opts.sheet !== undefined && sheet.name !== opts.sheet) continue;
    const view = new SheetView(sheet);
    let previousEnd = -1;
    for (const region of findRegions(view)) {
      const table = readRegion(region, ctx, previousEnd);
      previousEnd = region.end;
      if (!table.result.actions.length) continue;
      tables.push(table.result);
      findings.push(...table.findings);
    }
  }
  if (!tables.length) findings.push(finding('no_table', 'warning', { sheet: opts.sheet ?? null }));

  const byStatus = emptyStatusCounts();
  let overdue = 0;
  let continuous = 0;
  let actions = 0;
  for (const t of tables) {
    for (const a of t.actions) {
      actions++;
      byStatus[a.status]++;
      if (a.overdue) overdue++;
      if (a.deadlineKind === 'continuous') continuous++;
    }
  }
  return { asOf: opts.asOf, tables, findings, summary: { actions, overdue, continuous, byStatus } };
}

function bestLayout(region: Region) {
  let best = LAYOUTS[0];
  let bestScore = -1;
  for (const layout of LAYOUTS) {
    const s = layout.score(region);
    if (s > bestScore) {
      best = layout;
      bestScore = s;
    }
  }
  return bestScore > 0 ? best : undefined;
}

function readRegion(region: Region, ctx: Context, previousEnd: number): { result: TableResult; findings: Finding[] } {
  const { view } = region;
  const header = region.headers[0] as Header;
  const layout = bestLayout(region);
  const reading = layout ? layout.read(region) : { blocks: [], actions: [], findings: [] };
  // Findings in reading order: the layout's and numbering ones (few) are merged into the actions' (in row order).
  const placed: { row: number; col: number; f: Finding }[] = reading.findings.map((f) => ({ ...where(f), f }));
  const actionFindings: { row: number; f: Finding }[] = [];

  const actions: Action[] = [];
  const cols = tableColumns(header);
  for (const draft of reading.actions) {
    // Action findings sit on the action's row, in the order the checks run.
    actions.push(readAction(view, cols, draft, reading.blocks, ctx, actionFindings));
  }
  for (const f of numberingFindings(view.name, actions, reading.blocks, header)) placed.push({ ...where(f), f });
  placed.sort((a, b) => a.row - b.row || a.col - b.col);
  const ordered: Finding[] = [];
  let k = 0;
  for (const x of actionFindings) {
    while (k < placed.length && (placed[k]?.row ?? 0) <= x.row) ordered.push((placed[k++] as { f: Finding }).f);
    ordered.push(x.f);
  }
  while (k < placed.length) ordered.push((placed[k++] as { f: Finding }).f);

  const columns: Partial<Record<Role, string>> = {};
  for (const [role, col] of Object.entries(header.primary) as [Role, number][]) columns[role] = columnLetter(col);
  const secondary: SecondaryColumn[] = header.columns
    .filter((c) => header.primary[c.role] !== c.col)
    .map((c) => ({ role: c.role, column: columnLetter(c.col), group: c.group }));
  const lastRow = actions.length ? Math.max(...actions.map((a) => a.row - 1)) : region.end;
  const titleLines: string[] = [];
  for (let r = previousEnd + 1; r < region.start; r++) {
    const texts = new Set<string>();
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (t) texts.add(t);
    }
    if (texts.size) titleLines.push([...texts].join(' '));
  }
  return {
    result: {
      sheet: view.name,
      layout: layout?.id ?? 'none',
      range: rangeA1(region.start, header.first, lastRow, header.last),
      columns,
      secondary,
      headerRows: region.headers.flatMap((h) => h.rows.map((r) => r + 1)),
      blocks: reading.blocks,
      actions,
      titleLines,
    },
    findings: ordered,
  };
}

function where(f: Finding): { row: number; col: number } {
  const m = f.cell ? /^([A-Z]+)(\d+)$/.exec(f.cell) : null;
  if (!m || !m[1] || !m[2]) return { row: Number.MAX_SAFE_INTEGER, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** A table's columns, worked out once per table rather than once per action. */
interface TableColumns {
  readonly primary: Readonly<Partial<Record<Role, number>>>;
  /** Each role's column with its letters, worked out once: cell addresses are built per action. */
  readonly roles: readonly (readonly [Role, number, string])[];
  readonly secondary: readonly { readonly group: string; readonly role: Role; readonly col: number }[];
}

function tableColumns(header: Header): TableColumns {
  return {
    primary: header.primary,
    roles: (Object.entries(header.primary) as [Role, number][]).map(([role, c]) => [role, c, columnLetter(c)] as const),
    secondary: header.columns
      .filter((c) => (c.role === 'status' || c.role === 'comments') && header.primary[c.role] !== c.col)
      .map((c) => ({ group: c.group, role: c.role, col: c.col })),
  };
}

function readAction(
  view: SheetView,
  table: TableColumns,
  draft: DraftAction,
  blocks: readonly Block[],
  ctx: Context,
  out: { row: number; f: Finding }[],
): Action {
  const r = draft.row;
  const emit = (f: Finding): void => {
    out.push({ row: r + 1, f });
  };
  const col = table.primary;
  const cells: Partial<Record<Role, string>> = {};
  for (const [role, , letters] of table.roles) cells[role] = `${letters}${r + 1}`;
  const id = draft.id ?? '';
  const at = (role: Role) => ({ sheet: view.name, cell: cells[role] ?? cells.action ?? null, actionId: draft.id });

  const deadline = parseDeadline(col.deadline !== undefined ? view.raw(r, col.deadline) : null, ctx.deadlineOptions);
  const statusText = col.status !== undefined ? view.text(r, col.status) : '';
  const status = ctx.statuses.match(statusText);
  const responsible = (col.responsible !== undefined ? view.text(r, col.responsible) : '') || null;
  const done = status.status === 'completed' || status.status === 'not_applicable';
  const due = deadline.kind === 'date' || deadline.kind === 'period' ? deadline.date : null;
  const overdue = due !== null && !done && due < ctx.asOf;
  const daysOverdue = overdue && due ? daysBetween(due, ctx.asOf) : null;

  if (overdue) emit(finding('overdue', 'warning', at('deadline'), { actionId: id, deadline: due ?? '', days: daysOverdue ?? 0, status: status.status }));
  if (col.deadline !== undefined) {
    if (deadline.kind === 'invalid') emit(finding('invalid_deadline', 'error', at('deadline'), { actionId: id, text: deadline.text }));
    else if (deadline.kind === 'missing') emit(finding('missing_deadline', 'warning', at('deadline'), { actionId: id }));
    if (due && Math.abs(yearOf(due) - yearOf(ctx.asOf)) > IMPLAUSIBLE_YEARS) {
      emit(finding('implausible_deadline', 'warning', at('deadline'), { actionId: id, deadline: due }));
    }
    if (deadline.kind === 'date' && deadline.fromText) {
      emit(finding('deadline_as_text', 'info', at('deadline'), { actionId: id, text: deadline.text, deadline: deadline.date ?? '' }));
    }
  }
  if (col.status !== undefined) {
    if (status.status === 'missing') emit(finding('missing_status', 'warning', at('status'), { actionId: id }));
    if (status.status === 'unknown') emit(finding('unknown_status', 'warning', at('status'), { actionId: id, text: statusText, suggestion: status.suggestion ?? '' }));
  }
  if (col.responsible !== undefined && !responsible) emit(finding('missing_responsible', 'warning', at('responsible'), { actionId: id }));

  const block = draft.block;
  const recommendation =
    block !== null ? (blocks[block]?.recommendation ?? null) : draft.id && draft.id.includes('.') ? (draft.id.split('.')[0] ?? null) : null;
  const secondary = table.secondary.map((c) => ({ group: c.group, role: c.role, text: view.text(r, c.col) }));
  return {
    id: draft.id,
    recommendation,
    block,
    row: r + 1,
    text: draft.text,
    responsible,
    deadline: deadline.date,
    deadlineKind: deadline.kind,
    deadlineText: deadline.text,
    status: status.status,
    statusText,
    comments: (col.comments !== undefined ? view.text(r, col.comments) : '') || null,
    overdue,
    daysOverdue,
    cells,
    secondary,
  };
}

/** Ids whose prefix is not their recommendation's, repeated ids, and gaps in a block's numbering. */
function numberingFindings(sheet: string, actions: readonly Action[], blocks: readonly Block[], header: Header): Finding[] {
  const cellOf = (a: Action) => a.cells.action ?? a1(a.row - 1, header.first);
  // One pass over the actions (this runs on every plan, thousands of actions long).
  const wrong = new Map<number, { first: Action; last: Action }>();
  const repeatedOrSkipped: Finding[] = [];
  const seen = new Set<string>();
  let previous: Action | undefined;
  for (const a of actions) {
    const id = a.id;
    if (!id) continue;
    const rec = a.block !== null ? blocks[a.block]?.recommendation : null;
    if (rec && id.includes('.') && !(id.startsWith(rec) && id.charCodeAt(rec.length) === 46)) {
      const w = wrong.get(a.block as number);
      if (w) w.last = a;
      else wrong.set(a.block as number, { first: a, last: a });
    }
    if (seen.has(id)) repeatedOrSkipped.push(finding('numbering', 'warning', { sheet, cell: cellOf(a), actionId: id }, { kind: 'duplicate', actionId: id }));
    seen.add(id);
    const gap = previous?.id && previous.block === a.block ? skipped(previous.id, id) : null;
    if (gap) {
      repeatedOrSkipped.push(finding('numbering', 'warning', { sheet, cell: cellOf(a), actionId: id }, { kind: 'skipped', actionId: id, previous: previous?.id ?? '', expected: gap }));
    }
    previous = a;
  }
  const out: Finding[] = [];
  for (const [block, { first, last }] of [...wrong].sort((x, y) => x[0] - y[0])) {
    const ids = first === last ? (first.id ?? '') : `${first.id}–${last.id}`;
    const recommendation = blocks[block]?.recommendation ?? '';
    out.push(finding('numbering', 'warning', { sheet, cell: cellOf(first), actionId: first.id }, { kind: 'prefix', actionId: ids, recommendation }));
  }
  return [...out, ...repeatedOrSkipped];
}

/** "1.2" then "1.4" → "1.3"; null when the ids follow each other or are not comparable. */
function skipped(prev: string, next: string): string | null {
  const i = prev.lastIndexOf('.');
  const j = next.lastIndexOf('.');
  // Same prefix ("1." and "1."), compared without splitting: this runs for every action.
  if (i < 1 || i !== j || prev.slice(0, i) !== next.slice(0, j)) return null;
  const a = Number(prev.slice(i + 1));
  const b = Number(next.slice(j + 1));
  if (!Number.isInteger(a) || !Number.isInteger(b) || b <= a + 1) return null;
  return `${prev.slice(0, i)}.${a + 1}`;
}
