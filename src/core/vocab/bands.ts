// Band rows between a plan's tables: recommendation headers, management responses, notes, totals.
import { fold, foldWords, mayFoldTo, plainCode } from '../text';

/** "Recomendación de la Evaluación N° 10", "Recommendation 3", "Recomendação 2": the number is captured. */
const RECOMMENDATION_HEADER = /^(?:recomendacion(?:es)?|recommendation|recomendacao|recomendacoes)\b[^0-9]{0,40}?(\d+(?:\.\d+)?)\b\s*$/;

/** "Respuesta de la gestión del Programa Conjunto", "Management response", "Resposta da gestão". */
const RESPONSE_LABEL = /^(?:respuesta de la (?:gestion|administracion|gerencia|direccion)|respuesta gerencial|respuesta institucional|management s response|management response|response of management|resposta da (?:gestao|gerencia|administracao)|resposta gerencial|resposta institucional)\b/;

/** Lines that are neither actions nor bands worth keeping: totals, notes, sources. */
const NOT_AN_ACTION = /^(?:total(?:es)?|subtotal|suma|sum|nota|notas|note|notes|fuente|fuentes|source|sources|elaborado por|prepared by)\b/;

// Every band and action row is asked these, and most are none of them: plain first characters (ones folding
// keeps, see plainCode) rule a text out before it is folded.

export function recommendationNumber(text: string): string | null {
  return recommendationBand(text)?.number ?? null;
}

/** Where a label's text starts: after the first ":" or dash (within the first 70 characters), else none. */
const LABEL_END = /^[^:–—]{1,70}?(?:[:–—]|\s-\s)\s*/;
/** After the number: "Recommendation 1. Strengthen…", "Recomendación 2) Fortalecer…". */
const AFTER_NUMBER = /^\d+(?:\.\d+)?\s*[.)]\s+(?=\S)/;

/**
 * "Recomendación de la Evaluación N° 10" → 10; "Recommendation 1: Strengthen the M&E system" → 1 and the text
 * after the label ("Strengthen the M&E system"), which is the recommendation itself.
 */
export function recommendationBand(text: string): { number: string; detail: string } | null {
  if (!mayFoldTo(text, 'recom')) return null; // recomendación, recommendation, recomendação
  const label = LABEL_END.exec(text);
  let head = label ? text.slice(0, label[0].length).replace(/[:–—-]\s*$/, '') : text;
  let detail = label ? text.slice(label[0].length).trim() : '';
  if (!label) {
    // "Recommendation 1. Strengthen…": the number, then a dot or bracket, then the text.
    const digit = text.search(/\d/);
    const after = digit > 0 && digit <= 60 ? AFTER_NUMBER.exec(text.slice(digit)) : null;
    if (after) {
      head = text.slice(0, digit + after[0].length);
      detail = text.slice(digit + after[0].length).trim();
    }
  }
  // The number closes the label within ~65 characters ("Recomendación de la Evaluación N° 10" is 36).
  if (head.length > 80) return null;
  const m = RECOMMENDATION_HEADER.exec(foldWords(head));
  return m?.[1] ? { number: m[1], detail } : null;
}

/** The text after a response label ("Management response: We agree…" → "We agree…"), or ''. */
export function responseDetail(text: string): string {
  const label = LABEL_END.exec(text);
  return label ? text.slice(label[0].length).trim() : '';
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

/** Words that may open a grouping cell before its number: "Compromiso 2: …", "Eje N° 3", "Outcome 1 – …". */
export const GROUP_WORDS: readonly string[] = [
  'compromiso', 'componente', 'eje', 'objetivo', 'recomendacion', 'pilar', 'resultado',
  'commitment', 'component', 'outcome', 'objective', 'recommendation', 'pillar', 'output',
  'compromisso', 'eixo', 'recomendacao',
];

// Folded with fold() (dots kept): "1.2" stays a number. A bare number needs punctuation after it (or nothing),
// so "20 municipios firman…" stays text.
const GROUP_WORDED = new RegExp(`^(?:${GROUP_WORDS.join('|')})\\s*(?:n\\s*[°º]|no\\.?|nro\\.?|num\\.?|#)?\\s*(\\d{1,3}(?:\\.\\d{1,3})?)(?![\\p{L}\\p{N}]|\\.\\d)`, 'u');
const GROUP_BARE = /^(?:(\d{1,3}\.\d{1,3})(?=$|[\s.):\-–—])|(\d{1,3})(?=$|\s*[.):\-–—]))/u;

/** The number a grouping cell gives ("Compromiso 2: Datos abiertos" → "2", "3. Transparencia" → "3"), else its text. */
export function groupKey(text: string): string {
  const f = fold(text.length > 80 ? text.slice(0, 80) : text);
  const m = GROUP_WORDED.exec(f) ?? GROUP_BARE.exec(f);
  return m?.[1] ?? m?.[2] ?? text.replace(/\s+/g, ' ').trim();
}
