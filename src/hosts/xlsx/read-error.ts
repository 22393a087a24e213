// A read error as one line in the user's language: the CLI and the browser pane say the same thing.
import { t, type Lang } from '../../core/i18n';
import { corruptDetail } from './corrupt-detail';
import { XlsxReadError } from './package';

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export function readErrorText(e: unknown, file: string, lang: Lang): string {
  if (e instanceof XlsxReadError) {
    switch (e.kind) {
      case 'empty':
        return t(lang, 'cli', 'errEmpty', { file });
      case 'not_xlsx':
        return t(lang, 'cli', 'errNotXlsx', { file });
      case 'encrypted':
        return t(lang, 'cli', 'errEncrypted', { file });
      case 'old_xls':
        return t(lang, 'cli', 'errOldXls', { file });
      case 'corrupt':
        return t(lang, 'cli', 'errCorrupt', { file, detail: corruptDetail(e.detail, lang) });
      case 'too_large':
        return e.where
          ? t(lang, 'cli', 'errTooLarge', { file, where: e.where, limit: megabytes(e.limit) })
          : t(lang, 'cli', 'errTooManyCells', { file, sheet: e.sheet, limit: e.limit.toLocaleString(lang === 'es' ? 'es' : 'en') });
      case 'outside_grid':
        return t(lang, 'cli', 'errOutsideGrid', { file, sheet: e.sheet, where: e.where });
      case 'bad_crc':
        return t(lang, 'cli', 'errBadCrc', { file, where: e.where });
      case 'duplicate_entry':
        return t(lang, 'cli', 'errDuplicateEntry', { file, where: e.where });
    }
  }
  return t(lang, 'cli', 'errCorrupt', { file, detail: corruptDetail(e instanceof Error ? e.message : String(e), lang) });
}
