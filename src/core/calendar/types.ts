// Milestone calendars: grids with one row per partner and one column per period, each cell holding the
// milestones that partner should reach by the end of that period (one per line).
import type { StatusId } from '../model';

export interface CalendarPeriod {
  /** As the header reads: "Q1 2024", or "Trimestre 5 (Oct – Dic 2010)" for a label over its months. */
  readonly label: string;
  /** First and last day (YYYY-MM-DD); null for a numbered period with no months given ("Trimestre 5" alone). */
  readonly start: string | null;
  readonly end: string | null;
}

export interface Milestone {
  /** The band above the milestone's grid ("Estrategia Electoral"), or null. */
  readonly section: string | null;
  readonly partner: string;
  /** The period's label (one of the calendar's periods). */
  readonly period: string;
  /** The period's last day; null when the period has no dates. */
  readonly due: string | null;
  /** The line of the cell, bullet dropped, spaces as one. */
  readonly text: string;
  /** A1 address of the calendar cell that holds it. */
  readonly cell: string;
  /** From Tablero's tracking sheet ("missing" until someone types one there). */
  readonly status: StatusId;
  readonly statusText: string;
  readonly comments: string | null;
  readonly overdue: boolean;
  readonly daysOverdue: number | null;
}

export interface CalendarResult {
  readonly sheet: string;
  /** A1 range from the first band or header row to the last partner row. */
  readonly range: string;
  /** Every period of the calendar's grids, by due day (undated last). */
  readonly periods: readonly CalendarPeriod[];
  /** In reading order: grid by grid, row by row, period by period, line by line. */
  readonly items: readonly Milestone[];
}

/** A row of the tracking sheet for a milestone no longer in any calendar: kept, marked as removed. */
export interface RemovedMilestone {
  readonly sheet: string | null;
  readonly section: string | null;
  readonly partner: string;
  readonly period: string;
  readonly due: string | null;
  readonly text: string;
  readonly statusText: string;
  readonly comments: string | null;
}
