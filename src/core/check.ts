// Entry point of the engine for improvement plans: recognise tables, validate, flag overdue.
import type { AsOfSource } from './as-of';
import { withTextCaches } from './caches';
import { insideCalendar, sheetCalendar, trackCalendars, type DraftCalendar } from './calendar';
import { daysBetween, yearOf } from './dates';
import { parseDeadline, type DeadlineOptions } from './deadline';
import { finding, type Finding, type FindingCode, type FindingParams, type Severity } from './findings';
import { a1, columnLetter, isErrorCell, rangeA1, type WorkbookGrid } from './grid';
import type { Header } from './header';
import type { Lang } from './i18n';
import { LAYOUTS } from './layouts';
import type { DraftAction } from './layouts/types';
import { emptyStatusCounts, type Action, type Block, type CheckResult, type Role, type SecondaryColumn, type StatusCounts, type TableResult } from './model';
import { frameworksPass, type SheetFrameworks } from './framework';
import type { BandScheme } from './framework/model';
import { findFrameworks, type FrameworkLayout } from './framework/recognise';
import { findRegions } from './regions';
import type { Region } from './rows';
import { SheetView } from './sheet-view';
import { groupKey } from './vocab/bands';
import { StatusMatcher, type StatusVocabulary } from './vocab/status';

export interface CheckOptions {
  /** As-of date, YYYY-MM-DD (hosts pass today's date by default). */
  readonly asOf: string;
  /** Only this sheet. */
  readonly sheet?: string;
  /** Extra status words on top of the built-in table. */
  readonly vocabulary?: StatusVocabulary;
  /** Where asOf came from (src/core/as-of.ts resolveAsOf): a workbook date adds an info finding saying where. */
  readonly asOfSource?: AsOfSource;
  /** Kept for callers; messages are rendered from findings' params in any language. */
  readonly lang?: Lang;
  /** Results frameworks' bands: TolaData's ±15% (default) or the semáforo's ±5% / ±15%. */
  readonly bandScheme?: BandScheme;
}

/** A deadline this far from the as-of date is probably a typo. */
const IMPLAUSIBLE_YEARS = 20;

interface Context {
  readonly asOf: string;
  readonly asOfYear: number;
  readonly deadlineOptions: DeadlineOptions;
  readonly statuses: StatusMatcher;
}

export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  return withTextCaches(() => checkPass(wb, opts));
}

function checkPass(wb: WorkbookGrid, opts: CheckOptions): CheckResult {
  const ctx: Context = {
    asOf: opts.asOf,
    asOfYear: yearOf(opts.asOf),
    deadlineOptions: { date1904: wb.date1904 },
    statuses: new StatusMatcher(opts.vocabulary),
  };
  const tables: TableResult[] = [];
  const findings: Finding[] = [];
  const tally: Tally = { actions: 0, overdue: 0, continuous: 0, byStatus: emptyStatusCounts() };
  let frameworksFound = 0;
  const frameworkSheets: SheetFrameworks[] = [];
  const calendarDrafts: DraftCalendar[] = [];
  const src = opts.asOfSource;
  if (src?.kind === 'workbook') {
    findings.push(finding('as_of_from_workbook', 'info', { sheet: src.sheet, cell: src.cell }, { sheet: src.sheet ?? '', cell: src.cell ?? '', text: src.text ?? '', asOf: opts.asOf }));
  }
  for (const sheet of wb.sheets) {
    // Our own sheets (Seguimiento…) look like plans: never read them back as one.
    if (sheet.createdByTablero) continue;
    if (opts.sheet !== undefined && sheet.name !== opts.sheet) continue;
    const view = new SheetView(sheet);
    // A results framework is checked by src/core/framework: never read as a key-action table.
    const frameworks = findFrameworks(view, wb.date1904);
    frameworksFound += frameworks.length;
    if (frameworks.length) frameworkSheets.push({ view, layouts: frameworks });
    // A milestone calendar is read by src/core/calendar: never as a key-action table.
    const calendar = sheetCalendar(view, wb.date1904);
    if (calendar) calendarDrafts.push(calendar);
    let previousEnd = -1;
    for (const region of findRegions(view)) {
      if (calendar && insideCalendar(calendar, region.headers[0]?.rows[0] ?? region.start)) {
        previousEnd = region.end;
        continue;
      }
      if (frameworks.length && insideFramework(region, frameworks)) {
        previousEnd = region.end;
        continue;
      }
      const table = readRegion(frameworks.length ? clipAtFramework(region, frameworks) : region, ctx, previousEnd, findings, tally);
      previousEnd = region.end;
      if (table.actions.length) tables.push(table);
    }
  }
  // A workbook whose only table is a results framework was checked: it has nothing missing.
  if (!tables.length && !frameworksFound && !calendarDrafts.length) findings.push(finding('no_table', 'warning', { sheet: opts.sheet ?? null }));

  const summary = { actions: tally.actions, overdue: tally.overdue, continuous: tally.continuous, byStatus: tally.byStatus };
  const plain: CheckResult = src ? { asOf: opts.asOf, asOfSource: src, tables, findings, summary } : { asOf: opts.asOf, tables, findings, summary };
  // Results frameworks (src/core/framework): their findings join the plan's.
  const frameworks = frameworkSheets.length ? frameworksPass(wb, { asOf: opts.asOf, sheet: opts.sheet, bandScheme: opts.bandScheme }, frameworkSheets) : null;
  if (frameworks) for (const f of frameworks.findings) findings.push(f);
  const base: CheckResult = frameworks ? { ...plain, frameworks } : plain;
  const { calendars, removed, findings: typed } = trackCalendars(calendarDrafts, wb, opts);
  for (const f of typed) findings.push(f);
  return calendars.length || removed.length ? { ...base, calendars, milestonesRemoved: removed } : base;
}

/** A key-action table ends where a results framework below it starts. */
function clipAtFramework(region: Region, frameworks: readonly FrameworkLayout[]): Region {
  let end = region.end;
  for (const f of frameworks) {
    const start = f.headerRows[0] ?? f.firstRow;
    if (start > region.start && start <= end) end = start - 1;
  }
  return end === region.end ? region : { ...region, end };
}

/** The region's header sits inside a results framework (its header rows or indicator rows). */
function insideFramework(region: Region, frameworks: readonly FrameworkLayout[]): boolean {
  const top = region.headers[0]?.rows[0] ?? region.start;
  return frameworks.some((f) => top >= (f.headerRows[0] ?? f.firstRow) && top <= f.lastRow);
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

/** The summary's counts, kept as the actions are read (a pass of its own over thousands of actions costs as much). */
interface Tally {
  actions: number;
  overdue: number;
  continuous: number;
  readonly byStatus: StatusCounts;
}

/**
 * The table in a region. Its findings, in reading order, go on the check's list and its actions into the
 * tally, unless it has no actions (then it is no table and reports nothing).
 */
function readRegion(region: Region, ctx: Context, previousEnd: number, sink: Finding[], tally: Tally): TableResult {
  const { view } = region;
  const header = region.headers[0] as Header;
  const layout = bestLayout(region);
  const reading = layout ? layout.read(region) : { blocks: [], actions: [], findings: [] };
  // Findings in reading order: the layout's and numbering ones (few) are merged into the actions' (in row order).
  const placed: { row: number; col: number; f: Finding }[] = reading.findings.map((f) => ({ ...where(f), f }));
  // Action findings sit on the action's row, in the order the checks run (rows kept alongside).
  const found = new ActionFindings(view.name);

  // Loops over a table's actions are indexed: they run a few times per check, often before V8 optimises
  // them, and an unoptimised for…of allocates an iterator result per action.
  const actions = new Array<Action>(reading.actions.length);
  const cols = tableColumns(header);
  // A grouping column (Compromiso, Componente…) is often filled once per group, with the group's institution:
  // a blank cell continues the group above, and so does a blank responsible cell within it.
  const groupCol = header.primary.recommendation;
  let group: string | null = null;
  let groupResponsible: string | null = null;
  const numbering = new Numbering(view.name, reading.blocks, header);
  let lastRow = actions.length ? -Infinity : region.end;
  for (let i = 0; i < actions.length; i++) {
    const draft = reading.actions[i] as DraftAction;
    if (groupCol !== undefined) {
      const g = view.text(draft.row, groupCol);
      if (g) {
        group = groupKey(g);
        groupResponsible = null;
      }
    }
    const a = readAction(view, cols, draft, reading.blocks, ctx, found, group, groupResponsible);
    if (groupCol !== undefined && a.responsible) groupResponsible = a.responsible;
    actions[i] = a;
    numbering.visit(a);
    tally.actions++;
    tally.byStatus[a.status]++;
    if (a.overdue) tally.overdue++;
    if (a.deadlineKind === 'continuous') tally.continuous++;
    lastRow = Math.max(lastRow, a.row - 1);
  }
  for (const f of numbering.findings()) placed.push({ ...where(f), f });
  placed.sort((a, b) => a.row - b.row || a.col - b.col);
  if (actions.length) {
    let k = 0;
    for (let i = 0; i < found.findings.length; i++) {
      const row = found.rows[i] ?? 0;
      while (k < placed.length && (placed[k]?.row ?? 0) <= row) sink.push((placed[k++] as { f: Finding }).f);
      sink.push(found.findings[i] as Finding);
    }
    while (k < placed.length) sink.push((placed[k++] as { f: Finding }).f);
  }

  const columns: Partial<Record<Role, string>> = {};
  for (const [role, col] of Object.entries(header.primary) as [Role, number][]) columns[role] = columnLetter(col);
  const secondary: SecondaryColumn[] = header.columns
    .filter((c) => header.primary[c.role] !== c.col)
    .map((c) => ({ role: c.role, column: columnLetter(c.col), group: c.group }));
  const titleLines: string[] = [];
  for (let r = previousEnd + 1; r < region.start; r++) {
    const texts = new Set<string>();
    for (let c = 0; c < view.width; c++) {
      const t = view.text(r, c);
      if (t) texts.add(t);
    }
    if (texts.size) titleLines.push([...texts].join(' '));
  }
  // A plan repeats its header above every block: hundreds of them, so no array per header.
  const headerRows: number[] = [];
  for (const h of region.headers) for (const r of h.rows) headerRows.push(r + 1);
  return {
    sheet: view.name,
    layout: layout?.id ?? 'none',
    range: rangeA1(region.start, header.from, lastRow, header.to),
    columns,
    secondary,
    headerRows,
    blocks: reading.blocks,
    actions,
    titleLines,
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
  /** Each role's column letters, in the header's order: cell addresses are built per action. */
  readonly roles: readonly { readonly role: Role; readonly letters: string }[];
  readonly secondary: readonly { readonly group: string; readonly role: Role; readonly col: number }[];
  /** What an action with every secondary cell empty reads (shared: often none is filled in, and it is read-only). */
  readonly noSecondary: Action['secondary'];
}

function tableColumns(header: Header): TableColumns {
  const { primary } = header;
  const secondary = header.columns
    .filter((c) => (c.role === 'status' || c.role === 'comments') && primary[c.role] !== c.col)
    .map((c) => ({ group: c.group, role: c.role, col: c.col }));
  return {
    primary,
    roles: (Object.keys(primary) as Role[]).map((role) => ({ role, letters: columnLetter(primary[role] as number) })),
    secondary,
    noSecondary: secondary.map((c) => ({ group: c.group, role: c.role, text: '' })),
  };
}

type Cells = Partial<Record<Role, string>>;

/** A table's action findings in reading order, each with its 1-based row alongside (no wrapper objects). */
class ActionFindings {
  readonly findings: Finding[] = [];
  readonly rows: number[] = [];
  /** The action being read: its row, cell addresses and id. */
  private row = 0;
  private cells: Cells = {};
  private actionId: string | null = null;

  constructor(private readonly sheet: string) {}

  /** The findings that follow are about this action. */
  about(row: number, cells: Cells, actionId: string | null): void {
    this.row = row;
    this.cells = cells;
    this.actionId = actionId;
  }

  /** A finding on the action's cell for `role` (its action cell when the table lacks that column). */
  add(role: Role, code: FindingCode, severity: Severity, params: FindingParams): void {
    const cell = this.cells[role] ?? this.cells.action ?? null;
    // finding()'s fields, built directly: no address object per finding (thousands per plan).
    this.findings.push({ code, severity, sheet: this.sheet, cell, actionId: this.actionId, params });
    this.rows.push(this.row);
  }
}

/** yearOf(iso), read in place when the year is four digits (as ISO dates have it): this runs for every action. */
function dueYear(iso: string): number {
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return yearOf(iso);
    year = year * 10 + d;
  }
  return year;
}

/** cells[role] = address, as a named store: stored under a variable name (five of them), it is several times slower. */
function setCell(cells: Cells, role: Role, address: string): void {
  switch (role) {
    case 'id':
      cells.id = address;
      break;
    case 'action':
      cells.action = address;
      break;
    case 'deadline':
      cells.deadline = address;
      break;
    case 'responsible':
      cells.responsible = address;
      break;
    case 'status':
      cells.status = address;
      break;
    case 'comments':
      cells.comments = address;
      break;
    case 'recommendation':
      cells.recommendation = address;
      break;
  }
}

function readAction(
  view: SheetView,
  table: TableColumns,
  draft: DraftAction,
  blocks: readonly Block[],
  ctx: Context,
  out: ActionFindings,
  group: string | null,
  groupResponsible: string | null,
): Action {
  const r = draft.row;
  const row = r + 1;
  const col = table.primary;
  const rowNumber = String(row); // once, for every cell address
  const cells: Cells = {};
  for (let i = 0; i < table.roles.length; i++) {
    const { role, letters } = table.roles[i] as TableColumns['roles'][number];
    setCell(cells, role, letters + rowNumber);
  }
  const id = draft.id ?? '';
  out.about(row, cells, draft.id);

  const deadline = parseDeadline(col.deadline !== undefined ? view.raw(r, col.deadline) : null, ctx.deadlineOptions);
  const statusText = col.status !== undefined ? view.text(r, col.status) : '';
  const status = ctx.statuses.match(statusText);
  // An Excel error (#N/A, #REF!) is not a status nor a name: it is a finding of its own. Texts start with '#' first.
  const statusError = col.status !== undefined && statusText.charCodeAt(0) === 35 && isErrorCell(view.raw(r, col.status));
  const responsibleText = col.responsible !== undefined ? view.text(r, col.responsible) : '';
  const responsibleError = responsibleText.charCodeAt(0) === 35 && isErrorCell(view.raw(r, col.responsible as number));
  const responsible = responsibleError ? null : responsibleText || groupResponsible;
  const done = status.status === 'completed' || status.status === 'not_applicable';
  const due = deadline.kind === 'date' || deadline.kind === 'period' ? deadline.date : null;
  const overdue = due !== null && !done && due < ctx.asOf;
  const daysOverdue = overdue && due ? daysBetween(due, ctx.asOf) : null;

  if (overdue) {
    out.add('deadline', 'overdue', 'warning', { actionId: id, deadline: due ?? '', days: daysOverdue ?? 0, status: status.status });
  }
  if (col.deadline !== undefined) {
    if (deadline.kind === 'invalid') out.add('deadline', 'invalid_deadline', 'error', { actionId: id, text: deadline.text });
    else if (deadline.kind === 'missing') out.add('deadline', 'missing_deadline', 'warning', { actionId: id });
    if (due && Math.abs(dueYear(due) - ctx.asOfYear) > IMPLAUSIBLE_YEARS) {
      out.add('deadline', 'implausible_deadline', 'warning', { actionId: id, deadline: due });
    }
    if (deadline.kind === 'date' && deadline.fromText) {
      out.add('deadline', 'deadline_as_text', 'info', { actionId: id, text: deadline.text, deadline: deadline.date ?? '' });
    }
  }
  if (col.status !== undefined) {
    if (status.status === 'missing') out.add('status', 'missing_status', 'warning', { actionId: id });
    if (statusError) out.add('status', 'error_value', 'warning', { actionId: id, column: 'status', text: statusText });
    else if (status.status === 'unknown') {
      out.add('status', 'unknown_status', 'warning', { actionId: id, text: statusText, suggestion: status.suggestion ?? '' });
    }
  }
  if (responsibleError) out.add('responsible', 'error_value', 'warning', { actionId: id, column: 'responsible', text: responsibleText });
  else if (col.responsible !== undefined && !responsible) out.add('responsible', 'missing_responsible', 'warning', { actionId: id });

  const block = draft.block;
  // A block's band wins, then the grouping column, then the id's prefix ("3.2" → "3").
  const recommendation =
    block !== null
      ? (blocks[block]?.recommendation ?? null)
      : (group ?? (draft.id && draft.id.includes('.') ? (draft.id.split('.')[0] ?? null) : null));
  const secondary = secondaryOf(view, r, table);
  return {
    id: draft.id,
    recommendation,
    block,
    row,
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

/** The action's secondary tracking (e.g. the Secretariado's comments and status). */
function secondaryOf(view: SheetView, r: number, table: TableColumns): Action['secondary'] {
  const cols = table.secondary;
  let i = 0;
  while (i < cols.length && !view.text(r, (cols[i] as TableColumns['secondary'][number]).col)) i++;
  if (i === cols.length) return table.noSecondary;
  // Sized up front: a pushed-to array reserves room for 17 entries.
  const out = new Array<{ group: string; role: Role; text: string }>(cols.length);
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k] as TableColumns['secondary'][number];
    out[k] = { group: c.group, role: c.role, text: view.text(r, c.col) };
  }
  return out;
}

/**
 * Ids whose prefix is not their recommendation's, repeated ids, and gaps in a block's numbering: told action by
 * action as each is read (a second pass over thousands of actions costs as much again in memory reads).
 */
class Numbering {
  private readonly wrong = new Map<number, { first: Action; last: Action }>();
  private readonly repeatedOrSkipped: Finding[] = [];
  /**
   * The ids seen, built only once they stop rising: while every id reads as a pair of numbers ("3.12") greater
   * than the one before, none can repeat an earlier one (a set of thousands of fresh strings costs as much as
   * the rest of the numbering checks together).
   */
  private seen: Set<string> | null = null;
  private readonly rising: string[] = [];
  private major = -1;
  private minor = -1;
  private previous: Action | undefined;

  constructor(
    private readonly sheet: string,
    private readonly blocks: readonly Block[],
    private readonly header: Header,
  ) {}

  private cellOf(a: Action): string {
    return a.cells.action ?? a1(a.row - 1, this.header.first);
  }

  visit(a: Action): void {
    const id = a.id;
    if (!id) return;
    const { sheet, blocks } = this;
    const rec = a.block !== null ? blocks[a.block]?.recommendation : null;
    if (rec && id.includes('.') && !(id.startsWith(rec) && id.charCodeAt(rec.length) === 46)) {
      const w = this.wrong.get(a.block as number);
      if (w) w.last = a;
      else this.wrong.set(a.block as number, { first: a, last: a });
    }
    // One hash lookup: an id already seen leaves the set's size as it was. A plain number restarts in each
    // group ("N° hito" 1, 2… under every commitment): it repeats only within its recommendation.
    const key = a.recommendation !== null && a.block === null && !id.includes('.') ? `${a.recommendation}\u0000${id}` : id;
    if (this.isRepeated(key)) {
      this.repeatedOrSkipped.push(finding('numbering', 'warning', { sheet, cell: this.cellOf(a), actionId: id }, { kind: 'duplicate', actionId: id }));
    }
    const previous = this.previous;
    const gap = previous?.id && previous.block === a.block ? skipped(previous.id, id) : null;
    if (gap) {
      this.repeatedOrSkipped.push(
        finding('numbering', 'warning', { sheet, cell: this.cellOf(a), actionId: id }, { kind: 'skipped', actionId: id, previous: previous?.id ?? '', expected: gap }),
      );
    }
    this.previous = a;
  }

  /** Whether key was seen before; it is seen from now on. */
  private isRepeated(key: string): boolean {
    if (this.seen === null) {
      const dot = key.indexOf('.');
      const major = dot > 0 ? numberIn(key, 0, dot) : NaN;
      const minor = dot > 0 ? numberAfter(key, dot + 1) : NaN;
      // Whole numbers below 2^53 compare exactly; equal keys read as equal pairs, so a rising pair is a new key.
      if (Number.isSafeInteger(major) && Number.isSafeInteger(minor) && (major > this.major || (major === this.major && minor > this.minor))) {
        this.major = major;
        this.minor = minor;
        this.rising.push(key);
        return false;
      }
      this.seen = new Set(this.rising);
    }
    const before = this.seen.size;
    return this.seen.add(key).size === before;
  }

  findings(): Finding[] {
    const { sheet, blocks } = this;
    const out: Finding[] = [];
    for (const [block, { first, last }] of [...this.wrong].sort((x, y) => x[0] - y[0])) {
      const ids = first === last ? (first.id ?? '') : `${first.id}–${last.id}`;
      const recommendation = blocks[block]?.recommendation ?? '';
      out.push(finding('numbering', 'warning', { sheet, cell: this.cellOf(first), actionId: first.id }, { kind: 'prefix', actionId: ids, recommendation }));
    }
    return [...out, ...this.repeatedOrSkipped];
  }
}

/** "1.2" then "1.4" → "1.3"; null when the ids follow each other or are not comparable. */
function skipped(prev: string, next: string): string | null {
  const i = prev.lastIndexOf('.');
  const j = next.lastIndexOf('.');
  if (i < 1 || i !== j || !samePrefix(prev, next, i)) return null;
  const a = numberAfter(prev, i + 1);
  const b = numberAfter(next, j + 1);
  if (!Number.isInteger(a) || !Number.isInteger(b) || b <= a + 1) return null;
  return `${prev.slice(0, i)}.${a + 1}`;
}

// This runs for every action: ids are compared and read in place, without slicing them.

/** Whether the first n characters of a and b are the same. */
function samePrefix(a: string, b: string, n: number): boolean {
  for (let k = 0; k < n; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/** Number(id.slice(from)), read in place when it is a plain run of digits. */
function numberAfter(id: string, from: number): number {
  return numberIn(id, from, id.length);
}

/** Number(id.slice(from, to)), read in place when it is a plain run of digits. */
function numberIn(id: string, from: number, to: number): number {
  const digits = to - from;
  if (digits < 1 || digits > 15) return Number(id.slice(from, to));
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = id.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return Number(id.slice(from, to));
    n = n * 10 + d;
  }
  return n;
}
