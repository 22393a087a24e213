// Bad data is a result, not an exception: every problem is a Finding with a stable code.

export type Severity = 'error' | 'warning' | 'info';

/** Stable codes: tests, JSON consumers and the message catalogues key on them. Add, never rename. */
export const FINDING_CODES = [
  // check (improvement plans)
  'overdue',
  'invalid_deadline',
  'missing_deadline',
  'implausible_deadline',
  'deadline_as_text',
  'unknown_status',
  'missing_status',
  'numbering',
  'missing_recommendation_header',
  'missing_responsible',
  'no_table',
  'as_of_from_workbook',
  'error_value',
  // roll-ups (indicator record sheets)
  'row_skipped_blank',
  'row_skipped_total',
  'number_as_text',
  'unreadable_number',
  'missing_column',
  'unknown_category',
  'no_record_sheet',
  'value_out_of_range',
  'numerator_exceeds_total',
  'unknown_answer',
  'area_filled_down',
  // results frameworks (targets against actuals)
  'missing_actual',
  'off_track_unexplained',
  'final_target_mismatch',
  'actual_differs_from_records',
  'undated_periods',
  // writing (what a written workbook could not hold as it was)
  'text_truncated',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingParams = Readonly<Record<string, string | number>>;

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string | null;
  /** A1 address of the cell the finding is about (null for workbook-wide findings). */
  readonly cell: string | null;
  readonly actionId: string | null;
  /** Values the message template fills in ({deadline}, {suggestion}, …). */
  readonly params: FindingParams;
}

export function finding(
  code: FindingCode,
  severity: Severity,
  where: { sheet?: string | null; cell?: string | null; actionId?: string | null },
  params: FindingParams = {},
): Finding {
  return { code, severity, sheet: where.sheet ?? null, cell: where.cell ?? null, actionId: where.actionId ?? null, params };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; within a severity the order they were found (a stable sort). */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return [...list].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
