// Words a deadline cell may carry (es, pt, en). Data only: written as people type them, compared
// after fold() (lower case, no accents), so "Contínuo", "CONTINUO" and "continuo" are one word.
// src/core/deadline.ts compiles these tables once, at module load.

/** Month names and the abbreviations people type. Any prefix of 3+ letters of a full name is read too. */
export const MONTH_NAMES: readonly { readonly month: number; readonly names: readonly string[] }[] = [
  { month: 1, names: ['enero', 'ene', 'janeiro', 'january', 'jan'] },
  { month: 2, names: ['febrero', 'feb', 'fevereiro', 'fev', 'february'] },
  { month: 3, names: ['marzo', 'mar', 'março', 'march'] },
  { month: 4, names: ['abril', 'abr', 'april', 'apr'] },
  { month: 5, names: ['mayo', 'may', 'maio', 'mai'] },
  { month: 6, names: ['junio', 'jun', 'junho', 'june'] },
  { month: 7, names: ['julio', 'jul', 'julho', 'july'] },
  { month: 8, names: ['agosto', 'ago', 'august', 'aug'] },
  { month: 9, names: ['septiembre', 'setiembre', 'sep', 'sept', 'set', 'setembro', 'september'] },
  { month: 10, names: ['octubre', 'oct', 'outubro', 'out', 'october'] },
  { month: 11, names: ['noviembre', 'nov', 'novembro', 'november'] },
  { month: 12, names: ['diciembre', 'dic', 'dezembro', 'dez', 'december', 'dec'] },
];

/** Shortest month prefix read as a month ("mar", "sept", "novi"); two letters would be too loose. */
export const MONTH_MIN_PREFIX = 3;

/**
 * Parts of a year: "T2 2024", "2T 2024", "Q3-2024", "primer trimestre 2024", "S1 2024", "H2 2024".
 * `months` is the length of one part; its number runs from 1 to 12 / months.
 */
export const PERIOD_UNITS: readonly { readonly months: 2 | 3 | 4 | 6; readonly words: readonly string[] }[] = [
  { months: 3, words: ['trimestre', 'trim', 't', 'q', 'quarter', 'qtr', 'trimester'] },
  { months: 6, words: ['semestre', 'sem', 's', 'semester', 'h', 'half'] },
  { months: 4, words: ['cuatrimestre', 'cuatrim', 'quadrimestre'] },
  { months: 2, words: ['bimestre', 'bim'] },
];

/** Ordinal words and roman numerals that number a part of a year ("segundo semestre", "II trimestre"). */
export const ORDINAL_WORDS: readonly { readonly value: number; readonly words: readonly string[] }[] = [
  { value: 1, words: ['primer', 'primero', 'primera', 'primeiro', 'first', 'i'] },
  { value: 2, words: ['segundo', 'segunda', 'second', 'ii'] },
  { value: 3, words: ['tercer', 'tercero', 'tercera', 'terceiro', 'terceira', 'third', 'iii'] },
  { value: 4, words: ['cuarto', 'cuarta', 'quarto', 'quarta', 'fourth', 'iv'] },
  { value: 5, words: ['quinto', 'quinta', 'fifth', 'v'] },
  { value: 6, words: ['sexto', 'sexta', 'sixth', 'vi'] },
];

/** Letters glued to a number that make it an ordinal: 1er, 2do, 3ro, 4to, 1º, 2ª, 1st, 2nd, 3rd, 4th. */
export const ORDINAL_SUFFIXES: readonly string[] = ['er', 'ro', 'do', 'to', 'vo', 'no', 'o', 'a', 'º', 'ª', 'st', 'nd', 'rd', 'th'];

/** Words that carry no date information wherever they stand ("4 de mayo de 2011", "mes de marzo"). */
export const FILLER_WORDS: readonly string[] = [
  'de', 'del', 'el', 'la', 'los', 'las', 'en', 'año', 'anio', 'mes', 'día', 'dia',
  'do', 'da', 'o', 'em', 'no', 'na', 'ano', 'mês', 'of', 'the', 'in', 'year', 'month', 'day', 'on',
  // Weekdays of a long date format pasted as text ("lunes, 4 de mayo de 2011").
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];

/**
 * Words that may open the cell before the date and change nothing about the due day: "hasta junio 2024",
 * "antes del 30 de junio de 2024", "a más tardar 2024", "finales de 2024" (a period is due on its last day anyway).
 */
export const LEAD_WORDS: readonly string[] = [
  'hasta', 'antes', 'a', 'al', 'más', 'mas', 'tardar', 'para', 'fin', 'fines', 'final', 'finales', 'durante',
  'desde', 'entre', 'plazo', 'fecha', 'vence', 'vencimiento',
  'até', 'ate', 'prazo', 'data',
  'by', 'before', 'until', 'till', 'end', 'from', 'between', 'due', 'deadline', 'during',
];

/** Words between the two ends of a range ("marzo a junio 2024", "del 1 al 15 de marzo"); dashes count too. */
export const RANGE_WORDS: readonly string[] = ['a', 'al', 'hasta', 'y', 'até', 'ate', 'e', 'to', 'until', 'till', 'through', 'thru', 'and'];

/**
 * Words that name a piece of a plan's calendar rather than a date: "Trimestre 7 (Abr – Jun 2011)",
 * "Hito 2 (marzo 2024)". Such a label is dropped when the parentheses hold the dates.
 */
export const LABEL_WORDS: readonly string[] = [
  // Not "marco" (a milestone in Portuguese): folded, "março" is March.
  'hito', 'fase', 'etapa', 'período', 'periodo', 'semana', 'meta', 'actividad', 'producto',
  'milestone', 'phase', 'stage', 'period', 'week',
];

/**
 * A cell that starts with one of these is a continuous action (never overdue):
 * "Continuo hasta el final del Programa", "Permanente", "Ongoing", "Mensual".
 * Recurring cadences (monthly, quarterly…) are here too: the action as a whole has no single due day.
 */
export const CONTINUOUS_WORDS: readonly string[] = [
  'continuo', 'continua', 'continuado', 'continuada', 'continuamente', 'de forma continua', 'de manera continua',
  'permanente', 'permanentemente', 'de forma permanente', 'de manera permanente', 'constante', 'constantemente',
  'en curso', 'em curso', 'em andamento', 'recurrente', 'periódico', 'periódica', 'periódicamente', 'periodicamente',
  'diario', 'diaria', 'diariamente', 'semanal', 'semanalmente', 'quincenal', 'mensual', 'mensualmente',
  'bimestral', 'trimestral', 'trimestralmente', 'cuatrimestral', 'semestral', 'semestralmente', 'anual', 'anualmente',
  'cada mes', 'cada trimestre', 'cada semestre', 'cada año', 'todos los meses', 'todos los años',
  'contínua', 'mensal', 'mensalmente', 'todo mês', 'todo mes',
  'ongoing', 'continuous', 'continuously', 'continual', 'continually', 'permanent', 'permanently',
  'daily', 'weekly', 'monthly', 'quarterly', 'biannually', 'yearly', 'annually', 'annual', 'recurring', 'every month',
];

/**
 * "Durante todo el programa", "hasta el final del proyecto", "throughout the programme": the action runs
 * until the plan ends, a day no cell states, so it is continuous. A cell is read so when it starts with
 * one of PROGRAMME_SPAN_LEADS and names one of PROGRAMME_NOUNS after it.
 */
export const PROGRAMME_SPAN_LEADS: readonly string[] = [
  'durante todo el', 'durante toda la', 'durante el', 'durante la', 'a lo largo del', 'a lo largo de la',
  'hasta el final del', 'hasta el fin del', 'hasta el cierre del', 'hasta la finalización del', 'hasta finalizar el',
  'hasta el término del', 'al final del', 'al cierre del', 'fin del', 'final del', 'todo el', 'toda la',
  'durante todo o', 'durante toda a', 'ao longo do', 'até o final do', 'até o fim do', 'até o término do',
  'throughout the', 'throughout', 'for the duration of the', 'until the end of the', 'end of the', 'for the whole',
];
export const PROGRAMME_NOUNS: readonly string[] = [
  'programa', 'programa conjunto', 'pc', 'proyecto', 'ejecución', 'plan', 'intervención', 'vigencia', 'convenio',
  'projeto', 'execução', 'programme', 'program', 'project', 'implementation',
];

/** The whole cell is one of these: no deadline was given ("N/A", "s/f"). Compared with punctuation as spaces. */
export const MISSING_EXACT: readonly string[] = [
  'n a', 'na', 'n d', 'nd', 's f', 'sf', 'none', 'ninguno', 'ninguna', 'ninguna fecha', 'pendiente', 'no', 'nada',
  'no aplica', 'no aplicable', 'não aplica', 'não se aplica', 'nenhum', 'nenhuma', 'not applicable', 'n e',
];

/** A cell that starts with one of these has no deadline yet: "Sin fecha", "Por definir", "TBD". */
export const MISSING_LEADS: readonly string[] = [
  'sin fecha', 'sin plazo', 'sin definir', 'no definido', 'no definida', 'no establecido', 'no establecida',
  'por definir', 'por determinar', 'por confirmar', 'por establecer', 'a definir', 'a determinar', 'a confirmar',
  'pendiente de definir', 'pendiente de definición', 'pendiente de fecha', 'fecha por definir', 'plazo por definir',
  'fecha a definir', 'plazo a definir', 'sem prazo', 'sem data', 'a ser definido', 'a ser definida', 'não definido',
  'não definida', 'no due date', 'no deadline', 'no date', 'not set', 'not defined', 'to be defined',
  'to be determined', 'to be confirmed', 'tbd', 'tbc', 'tba',
];
