// Band rows between a plan's tables: recommendation headers, management responses, notes, totals.
import { foldWords } from '../text';

/** "Recomendación de la Evaluación N° 10", "Recommendation 3", "Recomendação 2": the number is captured. */
const RECOMMENDATION_HEADER = /^(?:recomendacion(?:es)?|recommendation|recomendacao|recomendacoes)\b[^0-9]{0,40}?(\d+(?:\.\d+)?)\b\s*$/;

/** "Respuesta de la gestión del Programa Conjunto", "Management response", "Resposta da gestão". */
const RESPONSE_LABEL = /^(?:respuesta de la (?:gestion|administracion|gerencia|direccion)|respuesta gerencial|management response|resposta da (?:gestao|gerencia|administracao))\b/;

/** Lines that are neither actions nor bands worth keeping: totals, notes, sources. */
const NOT_AN_ACTION = /^(?:total(?:es)?|subtotal|suma|sum|nota|notas|note|notes|fuente|fuentes|source|sources|elaborado por|prepared by)\b/;

export function recommendationNumber(text: string): string | null {
  if (text.length > 120) return null;
  const m = RECOMMENDATION_HEADER.exec(foldWords(text));
  return m?.[1] ?? null;
}

export function isResponseLabel(text: string): boolean {
  return text.length <= 120 && RESPONSE_LABEL.test(foldWords(text));
}

/** Cheap first look on the raw text (every action row passes here); folding only for candidates. */
const NOT_AN_ACTION_HINT = /^\s*(?:tot|sub|sum|not|fue|sou|ela|pre)/i;

export function isNotAnAction(text: string): boolean {
  if (!NOT_AN_ACTION_HINT.test(text)) return false;
  return NOT_AN_ACTION.test(foldWords(text.slice(0, 24)));
}

/** Leading action id: "1.1. Revisión…" → "1.1"; "10.2 …" → "10.2"; "3) …" → "3". */
// A bare number needs punctuation after it, so "20 municipios firman…" keeps its text.
const LEADING_DOTTED_ID = /^\s*(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?:\s+|(?=[A-Za-zÁÉÍÓÚÑáéíóúñ]))/;
const LEADING_PLAIN_ID = /^\s*(\d{1,3})[.)\-–:]\s*(?=\S)/;

export function splitLeadingId(text: string): { id: string | null; rest: string } {
  const m = LEADING_DOTTED_ID.exec(text) ?? LEADING_PLAIN_ID.exec(text);
  if (!m || !m[1]) return { id: null, rest: text.trim() };
  return { id: m[1], rest: text.slice(m[0].length).trim() };
}
