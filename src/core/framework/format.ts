// How framework figures read in the user's language: "123,6 %" in Spanish (decimal comma, a space
// before the sign), "123.6%" in English; the band counts name only the bands of the scheme in use.
import { catalogue, type Lang } from '../i18n';
import type { Band, BandCounts, BandScheme } from './model';
import { schemeBands } from './highlight';

import { formatPercent } from '../i18n/format-percent';

const FIGURES = new Map<Lang, Intl.NumberFormat>();

/** A % met for people: 1.236 → "123,6 %" / "123.6%"; a dash when there is none. */
export const percentMetText = formatPercent;

/** A figure for people, at most four decimals: 84.100164 → "84,1002" / "84.1002". */
export function figureText(v: number, lang: Lang): string {
  let f = FIGURES.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-GB', { maximumFractionDigits: 4, useGrouping: false });
    FIGURES.set(lang, f);
  }
  return f.format(v);
}

/** "en rango 8, bajo la meta 4, …": the bands the scheme can give, with their counts. */
export function bandCountsText(counts: BandCounts, scheme: BandScheme, lang: Lang): string {
  const x = catalogue(lang).framework;
  return schemeBands(scheme)
    .map((b: Band) => `${x[`band_${b}`]} ${counts[b]}`)
    .join(', ');
}
