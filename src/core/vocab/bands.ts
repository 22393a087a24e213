// Band rows between a plan's tables: recommendation headers, management responses, notes, totals.
import { foldWords, mayFoldTo, plainCode } from '../text';

/** "Recomendación de la Evaluación N° 10", "Recommendation 3", "Recomendação 2": the number is captured. */
const RECOMMENDATION_HEADER = /^(?:recomendacion(?:es)?|recommendation|recomendacao|recomendacoes)\b[^0-9]{0,40}?(\d+(?:\.\d+)?)\b\s*$/;

/** "Respuesta de la gestión del Programa Conjunto", "Management response", "Resposta da gestão". */
const RESPONSE_LABEL = /^(?:respuesta de la (?:gestion|administracion|gerencia|direccion)|respuesta gerencial|management response|resposta da (?:gestao|gerencia|administracao))\b/;

/** Lines that are neither actions nor bands worth keeping: totals, notes, sources. */
const NOT_AN_ACTION = /^(?:total(?:es)?|subtotal|suma|sum|nota|notas|note|notes|fuente|fuentes|source|sources|elaborado por|prepared by)\b/;

// Every band and action row is asked these, and most are none of them: plain first characters (ones folding
// keeps, see plainCode) rule a text out before it is folded.

export function recommendationNumber(text: string): string | null {
  // The number closes the band within ~65 characters ("Recomendación de la Evaluación N° 10" is 36).
  if (text.length > 80 || !mayFoldTo(text, 'recom')) return null; // recomendación, recommendation, recomendação
  const m = RECOMMENDATION_HEADER.exec(foldWords(text));
  return m?.[1] ?? null;
}

export function isResponseLabel(text: string): boolean {
  if (text.length > 120 || !(mayFoldTo(text, 'resp') || mayFoldTo(text, 'management'))) return false; // respuesta, resposta
  // The label is at most 30 folded characters: fold only the start of a long band.
  return RESPONSE_LABEL.test(foldWords(text.length > 48 ? text.slice(0, 48) : text));
}

/** Cheap first look on the raw text (every action row passes here); folding only for candidates. */
const NOT_AN_ACTION_HINT = /^\s*(?:tot|sub|sum|not|fue|sou|ela|pre)/i;
const NOT_AN_ACTION_FIRST: ReadonlySet<number> = new Set([...'tsnfep'].map((ch) => ch.charCodeAt(0)));

export function isNotAnAction(text: string): boolean {
  // Cheaper still: the hint's first letters (most actions start with their id, a digit).
  const first = plainCode(text, 0);
  if (first !== -1 && !NOT_AN_ACTION_FIRST.has(first)) return false;
  if (!NOT_AN_ACTION_HINT.test(text)) return false;
  return NOT_AN_ACTION.test(foldWords(text.slice(0, 24)));
}

/** Leading action id: "1.1. Revisión…" → "1.1"; "10.2 …" → "10.2"; "3) …" → "3". */
// A bare number needs punctuation after it, so "20 municipios firman…" keeps its text.
// Sticky (anchored at 0) and without groups: test() tells where the match ends without building a match
// array, as this runs on every action row.
const LEADING_DOTTED_ID = /\s*\d{1,3}(?:\.\d{1,3}){1,3}\.?(?:\s+|(?=[A-Za-zÁÉÍÓÚÑáéíóúñ]))/y;
const LEADING_PLAIN_ID = /\s*\d{1,3}[.)\-–:]\s*(?=\S)/y;

export function splitLeadingId(text: string): { id: string | null; rest: string } {
  const end = matchEnd(LEADING_DOTTED_ID, text) ?? matchEnd(LEADING_PLAIN_ID, text);
  if (end === null) return { id: null, rest: text.trim() };
  // The id: the digits and dots after the leading spaces, without the dot that may close it.
  const from = text.length - text.trimStart().length;
  let to = from;
  while (to < end && isIdChar(text.charCodeAt(to))) to++;
  if (text.charCodeAt(to - 1) === DOT) to--;
  return { id: text.slice(from, to), rest: text.slice(end).trim() };
}

const DOT = 46;

function isIdChar(code: number): boolean {
  return code === DOT || (code >= 48 && code <= 57);
}

/** Where a sticky pattern's match from the start of text ends, or null. */
function matchEnd(re: RegExp, text: string): number | null {
  re.lastIndex = 0;
  return re.test(text) ? re.lastIndex : null;
}
