// An ISO date as people read it, the same in the pane, the findings, the CLI and the exports: "24 ago 2011" / "24 Aug 2011".
import type { Lang } from './index';

const FORMATS = new Map<Lang, Intl.DateTimeFormat>();

export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  let f = FORMATS.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'es' ? 'es-EC' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    FORMATS.set(lang, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}
