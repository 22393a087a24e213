// Text normalisation shared by every vocabulary: header synonyms, status words, period words.

const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u2007\u202f\u200b]+/g;

/** Lower case, no accents, no line breaks or non-breaking spaces, single spaces, trimmed. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(SPACES, ' ').trim().toLowerCase();
}

const foldWordsCache = new Map<string, string>();
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
