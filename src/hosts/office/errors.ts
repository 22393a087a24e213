// Errors the Office host raises, already worded for the user (catalogue section "pane").
import { t, type Lang } from '../../core/i18n';

export type OfficeErrorKey =
  | 'officeWriteProtected'
  | 'officeSheetNotFound'
  | 'officeCellEditMode'
  | 'officeTooLarge'
  | 'officeExcelError'
  | 'officeNoCreateWorkbook';

export class OfficeHostError extends Error {
  constructor(
    readonly key: OfficeErrorKey,
    readonly params: Readonly<Record<string, string | number>>,
    lang: Lang,
  ) {
    super(t(lang, 'pane', key, params));
    this.name = 'OfficeHostError';
  }
}

/** The code of an OfficeExtension.Error ("AccessDenied", "ItemNotFound"…), or null. */
export function excelErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** Excel refused a request or a response over its payload limit (Excel on the web: 5 MB). */
export function isPayloadError(e: unknown): boolean {
  const code = excelErrorCode(e) ?? '';
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code);
}

/** One line: Excel's messages sometimes carry line breaks and debug details. */
export function oneLine(s: string, max = 300): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Turns what Excel threw into a message the user can act on; our own errors pass through. */
export function toHostError(e: unknown, lang: Lang, sheet?: string): Error {
  if (e instanceof OfficeHostError) return e;
  const code = excelErrorCode(e);
  if (code === 'InvalidOperationInCellEditMode') return new OfficeHostError('officeCellEditMode', {}, lang);
  if (code === 'AccessDenied') return new OfficeHostError('officeWriteProtected', { sheet: sheet ?? '?' }, lang);
  if (isPayloadError(e)) return new OfficeHostError('officeTooLarge', { sheet: sheet ?? '?' }, lang);
  const detail = e instanceof Error ? e.message : String(e);
  return new OfficeHostError('officeExcelError', { detail: oneLine(detail) }, lang);
}
