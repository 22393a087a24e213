// What the check of an improvement plan returns: tables, actions, findings, summary.
import type { FrameworkResult } from './framework/model';
import type { AsOfSource } from './as-of';
import type { CalendarResult, RemovedMilestone } from './calendar/types';
import type { Finding } from './findings';

/** Column roles a key-action table can have. */
/** `recommendation`: a grouping column (Compromiso, Componente, Eje, Recommendation…) whose number or text groups the actions. */
export type Role = 'id' | 'action' | 'deadline' | 'responsible' | 'status' | 'comments' | 'recommendation';
export const ROLES: readonly Role[] = ['id', 'action', 'deadline', 'responsible', 'status', 'comments', 'recommendation'];

export type DeadlineKind = 'date' | 'period' | 'continuous' | 'missing' | 'invalid';

export type StatusId = 'completed' | 'in_progress' | 'not_started' | 'not_applicable' | 'missing' | 'unknown';
export const STATUS_IDS: readonly StatusId[] = ['completed', 'in_progress', 'not_started', 'not_applicable', 'missing', 'unknown'];

/** A second status/comments column under another group (e.g. "Secretariado"). */
export interface SecondaryColumn {
  readonly role: Role;
  readonly column: string;
  readonly group: string;
}

/** A recommendation block: band, recommendation text, management response, then actions. */
export interface Block {
  /** The number the band gives ("9"), or the inferred one when the band is missing. */
  readonly recommendation: string | null;
  readonly recommendationText: string | null;
  readonly response: string | null;
  /** False when the "Recomendación … N° X" band is missing. */
  readonly headerFound: boolean;
  /** 1-based sheet row where the block starts. */
  readonly row: number;
}

export interface Action {
  readonly id: string | null;
  readonly recommendation: string | null;
  /** Index into the table's blocks, or null for flat tables without blocks. */
  readonly block: number | null;
  /** 1-based sheet row. */
  readonly row: number;
  readonly text: string;
  readonly responsible: string | null;
  /** Due day as YYYY-MM-DD (the last day of a period), or null. */
  readonly deadline: string | null;
  readonly deadlineKind: DeadlineKind;
  readonly deadlineText: string;
  readonly status: StatusId;
  readonly statusText: string;
  readonly comments: string | null;
  readonly overdue: boolean;
  readonly daysOverdue: number | null;
  /** A1 addresses of the action's cells by role (where the column exists). */
  readonly cells: Readonly<Partial<Record<Role, string>>>;
  /** Secondary tracking (e.g. the Secretariado's comments and status), by group. */
  readonly secondary: readonly { group: string; role: Role; text: string }[];
}

export interface TableResult {
  readonly sheet: string;
  /** The layout that recognised it (e.g. "recommendation-blocks", "flat"). */
  readonly layout: string;
  /** A1 range from the first header row to the last action row. */
  readonly range: string;
  /** Column letters by role (primary columns). */
  readonly columns: Readonly<Partial<Record<Role, string>>>;
  readonly secondary: readonly SecondaryColumn[];
  /** 1-based rows of every header row (a header repeated per block appears once per block). */
  readonly headerRows: readonly number[];
  readonly blocks: readonly Block[];
  readonly actions: readonly Action[];
  /** Text of the title rows above the table (programme name, etc.), top to bottom. */
  readonly titleLines: readonly string[];
}

export type StatusCounts = Record<StatusId, number>;

export interface CheckSummary {
  readonly actions: number;
  readonly overdue: number;
  readonly continuous: number;
  readonly byStatus: StatusCounts;
}

export interface CheckResult {
  readonly asOf: string;
  /** Where the as-of date came from (hosts say so); absent when the caller did not tell. */
  readonly asOfSource?: AsOfSource;
  readonly tables: readonly TableResult[];
  readonly findings: readonly Finding[];
  readonly summary: CheckSummary;
  /** Milestone calendars (src/core/calendar), when the workbook holds any. */
  readonly calendars?: readonly CalendarResult[];
  /** Rows of Tablero's milestone tracking sheet whose milestone left every calendar (kept, marked as removed). */
  readonly milestonesRemoved?: readonly RemovedMilestone[];
  /** Results frameworks (src/core/framework), when the workbook holds any; their findings are in `findings`. */
  readonly frameworks?: FrameworkResult;
}

export function emptyStatusCounts(): StatusCounts {
  return { completed: 0, in_progress: 0, not_started: 0, not_applicable: 0, missing: 0, unknown: 0 };
}
