// Every string the pane shows comes from the catalogues (section "pane", plus status/severity/findings).
import { createContext, useContext } from 'react';
import { catalogue, fill, findingMessage, t, type Catalogue, type Lang } from '../core/i18n';
import { formatDate } from '../core/i18n/format-date';
import type { Finding } from '../core/findings';
import type { StatusId } from '../core/model';

export type PaneKey = keyof Catalogue['pane'];
type Params = Readonly<Record<string, string | number | null | undefined>>;

export interface Strings {
  readonly lang: Lang;
  (key: PaneKey, params?: Params): string;
  status(id: StatusId): string;
  finding(f: Finding): string;
  /** An ISO date as the user reads it (e.g. "15 sept 2011" / "Sep 15, 2011"). */
  date(iso: string): string;
  /** A count with the thousands separator of the user's language ("5.000" / "5,000"). */
  num(n: number): string;
}

/** Parameters that are counts: shown with thousands separators. Row numbers and ids are not. */
const COUNT_PARAMS = new Set(['count', 'of', 'rows', 'samples', 'passed', 'days', 'shown', 'total', 'done', 'actions', 'overdue', 'findings']);

export function makeStrings(lang: Lang): Strings {
  const nf = new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: 0, useGrouping: true });
  const num = (n: number): string => nf.format(n);
  const counts = (params?: Params): Params | undefined => {
    if (!params) return params;
    const out: Record<string, string | number | null | undefined> = { ...params };
    for (const k of Object.keys(out)) {
      const v = out[k];
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1000 && COUNT_PARAMS.has(k)) out[k] = num(v);
    }
    return out;
  };
  const fn = ((key: PaneKey, params?: Params) => {
    if (!params) return t(lang, 'pane', key);
    // Plural forms pick their word by the raw number first; then counts get their separators.
    const template = String(catalogue(lang).pane[key] ?? key).replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const v = params[name];
      return v === undefined || v === null ? whole : Number(v) === 1 ? one : other;
    });
    return fill(template, counts(params));
  }) as Strings;
  Object.assign(fn, {
    num,
    lang,
    status: (id: StatusId) => catalogue(lang).status[id],
    finding: (f: Finding) => findingMessage(f, lang),
    date: (iso: string) => formatDate(iso, lang),
  });
  return fn;
}

/** Spanish groups thousands with a dot from 1.000 on (es-EC's default leaves 4-digit numbers bare). */
function numberLocale(lang: Lang): string {
  return lang === 'es' ? 'es-EC' : 'en-GB';
}

// One formatter for the pane and the findings' messages (src/core/i18n/format-date.ts).
export { formatDate };

export const StringsContext = createContext<Strings>(makeStrings('es'));

export function useStrings(): Strings {
  return useContext(StringsContext);
}
