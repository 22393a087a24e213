// Every string the pane shows comes from the catalogues (section "pane", plus status/severity/findings).
import { createContext, useContext } from 'react';
import { catalogue, findingMessage, t, type Catalogue, type Lang } from '../core/i18n';
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
}

export function makeStrings(lang: Lang): Strings {
  const fn = ((key: PaneKey, params?: Params) => t(lang, 'pane', key, params)) as Strings;
  Object.assign(fn, {
    lang,
    status: (id: StatusId) => catalogue(lang).status[id],
    finding: (f: Finding) => findingMessage(f, lang),
    date: (iso: string) => formatDate(iso, lang),
  });
  return fn;
}

export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-EC' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export const StringsContext = createContext<Strings>(makeStrings('es'));

export function useStrings(): Strings {
  return useContext(StringsContext);
}
