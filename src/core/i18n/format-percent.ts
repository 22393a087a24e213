// A ratio as a percentage people read, the same in the pane, the findings and the CLI: 1.236 → "123,6 %"
// in Spanish (decimal comma, a space before the sign), "123.6%" in English; at most one decimal.
import type { Lang } from './index';

const FORMATS = new Map<Lang, Intl.NumberFormat>();

/** A dash when there is no figure. */
export function formatPercent(p: number | null, lang: Lang): string {
  if (p === null || !Number.isFinite(p)) return '—';
  let f = FORMATS.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
    FORMATS.set(lang, f);
  }
  return f.format(p);
}
