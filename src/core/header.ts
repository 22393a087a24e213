// Finding header rows of key-action tables: one row, or two rows with group cells above
// ("Seguimiento" | "Secretariado" over "Comentarios" | "Estado").
import type { Role } from './model';
import { roleOf } from './vocab/headers';
import type { SheetView } from './sheet-view';

export interface HeaderColumn {
  readonly col: number;
  readonly role: Role;
  /** Group cell above it in a two-row header ("Seguimiento"), or ''. */
  readonly group: string;
}

export interface Header {
  /** 0-based rows the header occupies (one or two). */
  readonly rows: readonly number[];
  readonly columns: readonly HeaderColumn[];
  /** Primary column per role: the first one (the first status/comments pair is the primary tracking). */
  readonly primary: Readonly<Partial<Record<Role, number>>>;
  readonly first: number;
  readonly last: number;
  /** The header row's filled cells around the recognised ones (columns no role names included): the table's width. */
  readonly from: number;
  readonly to: number;
}

const DETAIL_ROLES: readonly Role[] = ['deadline', 'status', 'responsible'];

function rowRoles(view: SheetView, r: number): (Role | null)[] {
  const texts = view.texts(r);
  const out: (Role | null)[] = [];
  for (let c = 0; c < view.width; c++) {
    const t = texts[c];
    out.push(t ? roleOf(t) : null);
  }
  return out;
}

/** Whether any cell of the row names a role (most rows don't: no roles array is built for them). */
function namesARole(view: SheetView, r: number): boolean {
  const texts = view.texts(r);
  const cells = view.sheet.rows[r] ?? [];
  // A merged band repeats one text across the row: ask once.
  let asked = '';
  for (let c = 0; c < view.width; c++) {
    const t = texts[c];
    if (!t || t === asked) continue;
    // Header words are text: numbers and dates (most cells of an action row) are skipped unasked.
    const own = cells[c];
    if (own !== null && own !== undefined && typeof own !== 'string') continue;
    if (!roleOf(t)) {
      asked = t;
      continue;
    }
    if (typeof view.raw(r, c) === 'string') return true;
  }
  return false;
}

function isHeaderish(roles: readonly (Role | null)[]): boolean {
  return roles.includes('action') && DETAIL_ROLES.some((d) => roles.includes(d));
}

/** A row under a header that only holds header words (or repeats the cell above: a vertical merge). */
function isSubHeader(view: SheetView, r: number, upper: number): boolean {
  if (r >= view.height) return false;
  const texts = view.texts(r);
  const above = view.texts(upper);
  let roles = 0;
  for (let c = 0; c < view.width; c++) {
    const t = texts[c];
    if (!t) continue;
    if (roleOf(t)) roles++;
    else if (t !== (above[c] ?? '')) return false;
  }
  return roles > 0;
}

/** The header starting at row r, or null. */
export function headerAt(view: SheetView, r: number): Header | null {
  // A header's top row always names at least one role (the action cell spans both rows).
  return namesARole(view, r) ? buildHeader(view, r) : null;
}

/** The header starting at row r, a row that names a role; or null. */
function buildHeader(view: SheetView, r: number): Header | null {
  const upper = rowRoles(view, r);
  const two = isSubHeader(view, r + 1, r);
  const lower = two ? rowRoles(view, r + 1) : null;
  const combined = upper.map((u, c) => lower?.[c] ?? u);
  if (!isHeaderish(combined)) return null;

  const columns: HeaderColumn[] = [];
  const primary: Partial<Record<Role, number>> = {};
  let group = '';
  for (let c = 0; c < combined.length; c++) {
    const role = combined[c];
    if (lower) {
      const upperText = view.text(r, c);
      if (upper[c] == null && upperText) group = upperText; // a group cell starts here
      else if (upper[c] != null) group = ''; // a column spanning both rows ends the group
      // upper blank: Excel keeps a merged group's text top-left only, so the group goes on
    }
    if (!role) continue;
    const g = lower?.[c] && upper[c] == null ? group : '';
    columns.push({ col: c, role, group: g });
    if (primary[role] === undefined) primary[role] = c;
  }
  const cols = columns.map((x) => x.col);
  const rows = two ? [r, r + 1] : [r];
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const filled = (c: number) => rows.some((row) => view.text(row, c) !== '');
  let from = first;
  while (from > 0 && filled(from - 1)) from--;
  let to = last;
  while (to < view.width - 1 && filled(to + 1)) to++;
  return { rows, columns, primary, first, last, from, to };
}

/** Two headers describe the same table when the action column and every role's column agree. */
export function sameColumns(a: Header, b: Header): boolean {
  if (a.columns === b.columns) return true; // a repeated header shares its columns
  if (a.columns.length !== b.columns.length) return false;
  return a.columns.every((x, i) => b.columns[i]?.col === x.col && b.columns[i]?.role === x.role);
}

/** Every header in the sheet, top to bottom (a two-row header is reported once). */
export function findHeaders(view: SheetView): Header[] {
  const out: Header[] = [];
  for (let r = 0; r < view.height; r++) {
    if (view.isBlankRow(r) || !namesARole(view, r)) continue;
    const h = repeatedAt(view, out[out.length - 1], r) ?? buildHeader(view, r);
    if (h) {
      out.push(h);
      r = h.rows[h.rows.length - 1] ?? r;
    }
  }
  return out;
}

/**
 * The previous header again at row r (plans repeat it above every block), or null: when row r and the
 * row below read as the previous header's two rows, buildHeader would find the same columns, so they are
 * shared rather than worked out again.
 */
function repeatedAt(view: SheetView, previous: Header | undefined, r: number): Header | null {
  const top = previous?.rows[0];
  if (!previous || top === undefined || !sameTexts(view, top, r) || !sameTexts(view, top + 1, r + 1)) return null;
  const { columns, primary, first, last, from, to } = previous;
  return { rows: previous.rows.length > 1 ? [r, r + 1] : [r], columns, primary, first, last, from, to };
}

function sameTexts(view: SheetView, a: number, b: number): boolean {
  const x = view.texts(a);
  const y = view.texts(b);
  for (let c = 0; c < view.width; c++) if ((x[c] ?? '') !== (y[c] ?? '')) return false;
  return true;
}
