// One catalogue per language; every user-facing string comes from here.
import { es } from './es';
import { en } from './en';
import type { Finding } from '../findings';
import { reword } from './wording';
import { formatPercent } from './format-percent';

export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];

type Sections = typeof es;
/** The shape every language must have: same sections, same keys, string values. */
export type Catalogue = { [S in keyof Sections]: { [K in keyof Sections[S]]: string } };
export type Section = keyof Catalogue;

const CATALOGUES: Record<Lang, Catalogue> = { es, en };

export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

/**
 * Fills {name} placeholders; unknown placeholders stay visible rather than vanish. {name|one|other} picks a
 * word by number ("{days} {days|día|días}" → "1 día", "3 días").
 */
export function fill(template: string, params: Readonly<Record<string, string | number | null | undefined>> = {}): string {
  if (template.includes('|')) {
    template = template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const v = params[name];
      return v === undefined || v === null ? whole : Number(v) === 1 ? one : other;
    });
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

export function t<S extends Section>(
  lang: Lang,
  section: S,
  key: keyof Catalogue[S],
  params?: Readonly<Record<string, string | number | null | undefined>>,
): string {
  const template = (CATALOGUES[lang][section] as Record<string | number | symbol, string>)[key];
  return fill(template ?? String(key), params);
}

/** A finding's message in the chosen language. */
export function findingMessage(f: Finding, lang: Lang): string {
  const c = CATALOGUES[lang];
  const params: Record<string, string | number> = { ...f.params };
  // Numbering findings carry their kind; the detail sentence is rendered in the reader's language.
  const kind = f.params['kind'];
  if (f.code === 'numbering' && (kind === 'prefix' || kind === 'duplicate' || kind === 'skipped')) {
    params['detail'] = fill(c.numbering[kind], f.params);
  }
  if (f.code === 'overdue' && typeof f.params['status'] === 'string' && f.params['status'] in c.status) {
    params['status'] = c.status[f.params['status'] as keyof Catalogue['status']];
  }
  // A missing actual quotes what the cell held, when it held anything ("n/d").
  if (f.code === 'missing_actual') params['text'] = f.params['text'] ? ` ("${String(f.params['text'])}")` : '';
  // An off-track indicator's % met in the reader's own number form ("123,6 %" / "123.6%").
  if (f.code === 'off_track_unexplained' && typeof f.params['ratio'] === 'number') params['percent'] = formatPercent(f.params['ratio'], lang);
  // Decimals in the reader's own form: "80,728718" in Spanish. Counts and row numbers are whole: unchanged.
  if (lang === 'es') {
    for (const [k, v] of Object.entries(params)) if (typeof v === 'number' && !Number.isInteger(v)) params[k] = String(v).replace('.', ',');
  }
  return fill(reword(f, params, lang) ?? c.findings[f.code], params);
}

export function parseLang(s: string | undefined | null): Lang | null {
  if (!s) return null;
  const p = s.toLowerCase().slice(0, 2);
  return p === 'es' || p === 'en' ? p : null;
}
