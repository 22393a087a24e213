// Text normalisation shared by every vocabulary: header synonyms, status words, period words.
import { textCache } from './caches';

const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u2007\u202f\u200b]+/g;

/** Lower case, no accents, no line breaks or non-breaking spaces, single spaces, trimmed. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(SPACES, ' ').trim().toLowerCase();
}

const foldWordsCache = textCache<string>();
/** Cells repeat (statuses, headers, bands): folding is the engine's hot path, so results are kept. */
const FOLD_CACHE_LIMIT = 50_000;

/** fold() and then punctuation dropped (kept: letters, digits, spaces, '#' and '°' as id marks). */
export function foldWords(s: string): string {
  const hit = foldWordsCache.get(s);
  if (hit !== undefined) return hit;
  const out = fold(s)
    .replace(/[º°]/g, '°')
    .replace(/[^\p{L}\p{N}#° ]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
  if (foldWordsCache.size >= FOLD_CACHE_LIMIT) foldWordsCache.clear();
  foldWordsCache.set(s, out);
  return out;
}

/**
 * s[i]'s code, lower-cased, when it is an ASCII letter or digit, else -1. Folding (fold, foldWords) keeps a
 * leading run of ASCII letters and digits where it is, only lower-cased: vocabularies can rule a text out
 * by its first characters without folding it (hashing a long fresh text for the fold cache is costly).
 */
export function plainCode(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return c;
  const lower = c | 32; // ASCII upper to lower case; nothing else lands on a-z
  return lower >= 97 && lower <= 122 ? lower : -1;
}

/** False when text's plain first characters (see plainCode) already differ from prefix's: folded, text cannot start with prefix. */
export function mayFoldTo(text: string, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const c = plainCode(text, i);
    if (c === -1) return true; // only folding can tell from here on
    if (c !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** Strips simple HTML-ish tags that survive conversions from Word (`<p>`), keeping the text. */
export function stripTags(s: string): string {
  if (!s.includes('<')) return s.trim();
  return s.replace(/<\/?(p|br|span|b|i|strong|em)\b[^>]*>/gi, ' ').replace(SPACES, ' ').trim();
}

/** Edit distance, small strings only (used to suggest the nearest vocabulary word). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
