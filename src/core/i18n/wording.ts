// How findings read to an officer (both languages): dates as the pane shows them, no "N° ?" placeholder,
// no "did you mean" without a word to offer, actions without a number said in words, column names
// instead of role ids. findingMessage() calls reword() before filling the template.
import type { Finding } from '../findings';
import { en } from './en';
import { es } from './es';
import { formatDate } from './format-date';
import type { Lang } from './index';

const WORDING = { es: es.wording, en: en.wording } as const;
const CODE_LABELS: Record<Lang, Readonly<Record<string, string>>> = { es: es.findingCode, en: en.findingCode };

/** Params that hold an ISO date. */
const DATE_PARAMS: readonly string[] = ['deadline', 'asOf'];

/** Rewrites `params` for reading and returns the template to use instead of the code's own, if any. */
export function reword(f: Finding, params: Record<string, string | number>, lang: Lang): string | null {
  const w = WORDING[lang];
  for (const k of DATE_PARAMS) {
    const v = params[k];
    if (typeof v === 'string' && v) params[k] = formatDate(v, lang);
  }
  if ('actionId' in params && params['actionId'] === '') params['actionId'] = w.noId;
  if (f.code === 'error_value' && typeof params['column'] === 'string') {
    const col = params['column'];
    params['column'] = col === 'status' ? w.columnStatus : col === 'responsible' ? w.columnResponsible : col;
  }
  if (f.code === 'missing_recommendation_header' && !params['recommendation']) return w.missingHeaderUnnumbered;
  if (f.code === 'unknown_status' && !params['suggestion']) return w.unknownStatusNoSuggestion;
  return null;
}

/** A finding's code as the exports show it: a word in the reader's language (Spanish sheets carry no English codes). */
export function findingLabel(code: string, lang: Lang): string {
  return CODE_LABELS[lang][code] ?? code;
}
