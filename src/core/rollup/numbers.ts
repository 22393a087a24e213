// Numbers typed as text in record sheets: "1,234", "1.234" (Spanish tables), "1 234", "85%", "0,85".

/**
 * What a column counts: whole things (households, samples) or a fraction (a 0–1 score).
 * It decides "1.234" and "1,234": in a count column a single separator before three digits groups
 * thousands whatever the language (there is no 1.234 household); in a fraction column it is decimal.
 */
export type NumberKind = 'count' | 'fraction';

const CLEAN = /[\s\u00a0\u2007\u202f']/g;

/** The number a text cell holds, or null when it is not one. */
export function parseNumberText(raw: string, kind: NumberKind): number | null {
  let s = raw.replace(CLEAN, '');
  if (!s) return null;
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = countOf(s, '.');
  const commas = countOf(s, ',');
  let digits: string;
  if (dots && commas) {
    // Both: the last one is the decimal mark, the other groups thousands.
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const grp = dec === '.' ? ',' : '.';
    if (countOf(s, dec) !== 1) return null;
    const [intPart = '', frac = ''] = s.split(dec);
    if (!validGrouping(intPart, grp) || !/^\d+$/.test(frac)) return null;
    digits = intPart.split(grp).join('') + '.' + frac;
  } else if (dots || commas) {
    const sep = dots ? '.' : ',';
    const n = dots || commas;
    const parts = s.split(sep);
    if (n > 1) {
      if (!validGrouping(s, sep)) return null;
      digits = parts.join('');
    } else {
      const [a = '', b = ''] = parts;
      if (!a && !b) return null;
      const looksGrouped = b.length === 3 && /^[1-9]\d{0,2}$/.test(a);
      digits = !b ? a : looksGrouped && kind === 'count' ? a + b : (a || '0') + '.' + b;
      if (!/^\d*\.?\d+$/.test(digits)) return null;
    }
  } else digits = s;
  const v = Number(digits);
  if (!Number.isFinite(v)) return null;
  return sign * v * scale;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ch) n++;
  return n;
}

/** "1.234.567" with "." as the group mark: 1–3 digits, then groups of exactly three. */
function validGrouping(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (!parts[0] || !/^\d{1,3}$/.test(parts[0])) return parts.length === 1 && /^\d+$/.test(s);
  for (let i = 1; i < parts.length; i++) if (!/^\d{3}$/.test(parts[i] ?? '')) return false;
  return true;
}
