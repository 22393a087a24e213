// Entry point of the engine for improvement plans: recognise tables, validate, flag overdue.
import type { WorkbookGrid } from './grid';
import type { CheckResult } from './model';
import type { StatusVocabulary } from './vocab/status';
import type { Lang } from './i18n';

export interface CheckOptions {
  /** As-of date, YYYY-MM-DD (hosts pass today's date by default). */
  readonly asOf: string;
  /** Only this sheet. */
  readonly sheet?: string;
  /** Extra status words on top of the built-in table. */
  readonly vocabulary?: StatusVocabulary;
  /** Language of suggestions in findings (messages themselves are rendered later). */
  readonly lang?: Lang;
}

export function checkWorkbook(_wb: WorkbookGrid, _opts: CheckOptions): CheckResult {
  throw new Error('not implemented yet');
}
