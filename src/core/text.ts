// Text normalisation shared by every vocabulary: header synonyms, status words, period words.
import { textCache } from './caches';

const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u2007\u202f\u200b]+/g;

/** Lower case, no accents, no line breaks or non-breaking spaces, single spaces, trimmed. */
export function fold(s: string): string {
  return foldLatin1(s, FOLD_CODES) ?? foldAny(s);
}

/** fold() for any text: Unicode decomposition (slow, so only texts beyond Latin-1 come here). */
function foldAny(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(SPACES, ' ').trim().toLowerCase();
}

/** foldWords() for any text (see fold's fast path). */
function foldWordsAny(s: string): string {
  return foldAny(s)
    .replace(/[º°]/g, '°')
    .replace(/[^\p{L}\p{N}#° ]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

// Folding is the engine's hot path and nearly every cell is Latin-1 (es, en, pt): there each character folds on
// its own, so a table per code (worked out with the general functions above, hence the same answers) replaces
// decomposition and regular expressions.
const SPACE = 32;
/** A code the table cannot fold on its own: the text takes the general path (none in Latin-1 today). */
const GENERAL = 0xffff;

/** Per Latin-1 code: its folded code (SPACE for a space: runs of them collapse and the ends drop). */
function latin1Table(foldChar: (ch: string) => string): Uint16Array {
  const table = new Uint16Array(256);
  for (let c = 0; c < 256; c++) {
    // Between letters, so that trimming cannot drop it.
    const f = foldChar(`a${String.fromCharCode(c)}a`).slice(1, -1);
    table[c] = f.length === 1 ? f.charCodeAt(0) : GENERAL;
  }
  return table;
}

const FOLD_CODES = latin1Table(foldAny);
const WORD_CODES = latin1Table(foldWordsAny);
const LATIN1 = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));

/**
 * s folded with a Latin-1 table, or null when s holds another character. The runs of characters that fold to
 * themselves are sliced out of s whole (ASCII capitals included: one toLowerCase at the end lowers them).
 */
function foldLatin1(s: string, table: Uint16Array): string | null {
  const n = s.length;
  let out = '';
  let from = 0; // s[from, i) is kept as it is
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) return null;
    const f = table[c] as number;
    if (f === c && c !== SPACE) continue;
    if (f === SPACE) {
      // A plain space between two kept characters stays; any other run of spaces becomes one, or none at the ends.
      if (c === SPACE && i > 0 && i + 1 < n && table[s.charCodeAt(i - 1)] !== SPACE) {
        const next = s.charCodeAt(i + 1);
        if (next > 255 || table[next] !== SPACE) continue;
      }
      if (i > from) out += s.slice(from, i);
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d > 255 || table[d] !== SPACE) break;
        j++;
      }
      if (out !== '' && j < n) out += ' ';
      from = j;
      i = j - 1;
      continue;
    }
    if (f === GENERAL) return null;
    if (c >= 65 && c <= 90 && f === c + 32) {
      upper = true;
      continue;
    }
    if (i > from) out += s.slice(from, i);
    out += LATIN1[f] as string;
    from = i + 1;
  }
  if (from === 0) return upper ? s.toLowerCase() : s;
  if (from < n) out += s.slice(from);
  return upper ? out.toLowerCase() : out;
}

const foldWordsCache = textCache<string>();
/** Cells repeat (statuses, headers, bands): folding is the engine's hot path, so results are kept. */
const FOLD_CACHE_LIMIT = 50_000;

/** fold() and then punctuation dropped (kept: letters, digits, spaces, '#' and '°' as id marks). */
export function foldWords(s: string): string {
  const hit = foldWordsCache.get(s);
  if (hit !== undefined) return hit;
  const out = foldLatin1(s, WORD_CODES) ?? foldWordsAny(s);
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
