// Why a damaged workbook cannot be read, in the user's words: the zip and XML readers' own (English,
// technical) reasons such as "no end of central directory" never reach an officer as they are.
import { t, type Lang } from '../../core/i18n';

/** Reader reasons that mean the file stops short (a copy or download cut off). */
const TRUNCATED = /truncated|end of central directory|too short|outside the file|incomplete|unterminated|unexpected end|invalid zip data|invalid (?:block|length|distance)/i;
const NO_WORKBOOK = /xl\/workbook\.xml|not a workbook part/i;
const SHEET = /sheet "([^"]+)"/;

export function corruptDetail(detail: string, lang: Lang): string {
  if (TRUNCATED.test(detail)) return t(lang, 'cli', 'corruptTruncated');
  if (NO_WORKBOOK.test(detail)) return t(lang, 'cli', 'corruptNoWorkbook');
  const sheet = SHEET.exec(detail)?.[1];
  if (sheet) return t(lang, 'cli', 'corruptSheet', { sheet });
  return t(lang, 'cli', 'corruptOther');
}
