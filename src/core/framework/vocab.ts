// Words of results frameworks (logframes, IPTTs, matrices de resultados) in es, en, pt, as data.
// Headers are compared folded (case, accents, punctuation and spacing ignored); see frameworkRoleOf.
import { fold, foldWords } from '../text';

/** Column roles of a results framework. `target`, `actual` and `percentMet` repeat once per period. */
export type FrameworkRole =
  | 'id'
  | 'indicator'
  | 'component'
  | 'unit'
  | 'direction'
  | 'accumulation'
  | 'numberKind'
  | 'baseline'
  | 'finalTarget'
  | 'source'
  | 'comments'
  | 'target'
  | 'actual'
  | 'percentMet';

/** A period's value columns. */
export type ValueRole = 'target' | 'actual' | 'percentMet';

/** Header words per role: a header equal to one of them (folded) names the role. */
export const FRAMEWORK_HEADERS: Readonly<Record<FrameworkRole, readonly string[]>> = {
  id: ['N°', 'Nº', 'No.', 'No', 'Nro.', 'Núm.', '#', 'Id', 'Código', 'Cód.', 'Code', 'Ref.', 'Ref', 'Número do indicador', 'Indicator no.', 'Indicator number', 'Indicator code', 'Código del indicador'],
  indicator: [
    'Indicador', 'Indicadores', 'Nombre del indicador', 'Indicador de resultado', 'Indicadores de resultado', 'Indicador de desempeño',
    'Descripción del indicador', 'Indicator', 'Indicators', 'Indicator name', 'Performance indicator', 'Performance indicators',
    'Indicator title', 'Nome do indicador', 'Indicador de desempenho',
  ],
  component: ['Componente', 'Componentes', 'Component', 'Nivel', 'Level', 'Eje', 'Eixo', 'Nível', 'Result level', 'Nivel de resultado', 'Objetivo', 'Objective', 'Resultado esperado', 'Expected result'],
  unit: ['Unidad de medida', 'Unidad', 'Unit of measure', 'Unit of measurement', 'Unit', 'UoM', 'Unidade de medida', 'Unidade'],
  direction: ['Sentido', 'Sentido esperado', 'Dirección', 'Tendencia esperada', 'Polaridad', 'Direction', 'Desired direction', 'Direction of change', 'Change (+/-)', 'Change', 'Polarity', 'Polaridade', 'Sentido do indicador'],
  accumulation: ['Acumulación', 'Tipo de acumulación', 'Acumulativo', 'Acumulado', 'C / NC', 'C/NC', 'NC / C', 'Cumulative', 'Cumulative / non-cumulative', 'Accumulation', 'Acumulação', 'Tipo de acumulação', 'Cumulativo'],
  numberKind: ['# / %', '#/%', '% / #', 'Tipo de valor', 'Value type'],
  baseline: ['Línea base', 'Línea de base', 'Linea basal', 'Línea base valor', 'Valor de línea base', 'Baseline', 'Baseline value', 'Linha de base', 'Linha base', 'Valor de referência', 'LB'],
  finalTarget: [
    'Meta final', 'Meta al final del proyecto', 'Meta al final del programa', 'Meta total', 'Meta global', 'Meta del programa',
    'LoP Target', 'LOP', 'Life of project target', 'Life of programme target', 'Life of program target', 'End of project target',
    'End target', 'Final target', 'Meta final do projeto', 'Meta do projeto',
  ],
  source: ['Fuente', 'Fuentes', 'Fuente de verificación', 'Fuente de información', 'Medio de verificación', 'Medios de verificación', 'Source', 'Data source', 'Source of verification', 'Sources of verification', 'Means of verification', 'Fonte', 'Fonte de verificação', 'Meio de verificação', 'Meios de verificação'],
  comments: [
    'Comentarios', 'Comentario', 'Observaciones', 'Observación', 'Explicación de desviaciones', 'Explicación de la desviación', 'Justificación',
    'Comments', 'Comment', 'Remarks', 'Notes', 'Explanation of deviations', 'Explanation of deviation', 'Deviation narrative', 'Explanation',
    'Comentários', 'Observações', 'Justificativa', 'Explicação dos desvios',
  ],
  target: ['Meta', 'Metas', 'Meta programada', 'Meta planificada', 'Meta prevista', 'Target', 'Targets', 'Planned', 'Programado', 'Programada', 'Planificado', 'Planejado', 'Meta planejada'],
  actual: ['Real', 'Logro', 'Logrado', 'Avance', 'Valor alcanzado', 'Alcanzado', 'Resultado alcanzado', 'Actual', 'Actuals', 'Achieved', 'Achievement', 'Realizado', 'Alcançado', 'Valor alcançado', 'Executado físico'],
  percentMet: ['% Met', '% met', '% of target', '% achieved', '% de cumplimiento', '% cumplimiento', 'Cumplimiento', '% logro', '% de logro', '% de avance', '% alcanzado', '% alcançado', '% de execução', '% realizado', 'Percent met'],
};

/**
 * Words that mark a budget table ("Previsto / Executado", "Presupuestado / Ejecutado"): a header row with
 * any of them is never read as a results framework, even when it has an indicator-like column.
 */
export const BUDGET_WORDS: readonly string[] = [
  'Previsto', 'Executado', 'Presupuesto', 'Presupuestado', 'Ejecutado', 'Orçamento', 'Orçado', 'Budget', 'Budgeted', 'Expenditure', 'Expenditures', 'Gasto', 'Gastos', 'Despesa', 'Rubro', 'Rubrica', 'Partida',
];

/** Indicator direction, from the direction cell (folded, whole cell or its first word). */
export const DIRECTION_WORDS: Readonly<Record<'increase' | 'decrease', readonly string[]>> = {
  increase: [
    'Ascendente', 'Creciente', 'Aumentar', 'Aumento', 'Incrementar', 'Positivo', 'Mayor es mejor', 'Más es mejor', '+', '↑',
    'Increase', 'Increasing', 'Up', 'Higher is better', 'Positive', 'Quanto maior, melhor', 'Maior melhor', 'Crescente', 'Aumentar',
  ],
  decrease: [
    'Descendente', 'Decreciente', 'Disminuir', 'Disminución', 'Reducir', 'Reducción', 'Negativo', 'Menor es mejor', 'Menos es mejor', '-', '−', '↓',
    'Decrease', 'Decreasing', 'Down', 'Reduce', 'Lower is better', 'Negative', 'Quanto menor, melhor', 'Menor melhor', 'Decrescente', 'Diminuir', 'Redução',
  ],
};

/** How values add up over periods, from the accumulation cell. */
export type AccumulationKind = 'flow' | 'cumulative' | 'latest' | 'unspecified';

export const ACCUMULATION_WORDS: Readonly<Record<Exclude<AccumulationKind, 'unspecified'>, readonly string[]>> = {
  // Non-cumulative numbers: each period counts its own (new connections in the year): they sum.
  flow: ['No acumulado', 'No acumulativo', 'No acumulable', 'NC', 'Non-cumulative', 'Noncumulative', 'Not cumulative', 'Não acumulado', 'Não cumulativo', 'Anual', 'Por periodo', 'Por período', 'Per period', 'Sumable'],
  // Running totals as kept in Excel: the latest period's figure is the total to date.
  cumulative: ['Acumulado', 'Acumulativo', 'C', 'Cumulative', 'Acumulada', 'Cumulativo', 'Running total'],
  // A level measured each period (a rate, a coverage): the latest period's figure.
  latest: ['Último valor', 'Ultimo valor', 'Valor más reciente', 'Último dato', 'Latest value', 'Last value', 'Most recent value', 'Level', 'Último valor disponível', 'Valor final'],
};

/** Units (or "# / %" cells) that make an indicator a percentage. */
export const PERCENT_UNITS: readonly string[] = ['%', 'Porcentaje', 'Porcentual', 'Tasa (%)', 'Percent', 'Percentage', 'Per cent', 'Porcentagem', 'Percentual', 'Proporción', 'Proportion', 'Proporção'];

/** Units that make an indicator qualitative (an answer, not a number). */
export const QUALITATIVE_UNITS: readonly string[] = ['Sí/No', 'Si/No', 'Yes/No', 'Y/N', 'Sim/Não', 'Cualitativo', 'Qualitative', 'Qualitativo', 'Binario', 'Binary'];

/**
 * Roll-up measures an indicator's words can name, tried in order (folded text, punctuation as spaces).
 * `all`: every group must match one of its words (a word is a prefix of a text word); `none`: no word may match.
 */
export type RecordsMeasure =
  | 'water_coverage'
  | 'sanitation_coverage'
  | 'schools_wash'
  | 'health_centres_wash'
  | 'systems_a'
  | 'systems_ab'
  | 'providers_a'
  | 'providers_ab'
  | 'bacteriological'
  | 'chlorination';

const COVERAGE = ['cobertura', 'coverage', 'acceso', 'access', 'acesso', 'viviendas con', 'households with', 'hogares con', 'domicilios com'];
const SYSTEMS = ['sistema', 'system', 'acueducto'];
const PROVIDERS = ['prestador', 'provider', 'junta', 'operador', 'operator', 'jaap', 'comite de agua'];
const CATEGORY_A = ['categoria siasar a', 'categoria a', 'category a', 'siasar category a', 'siasar a', 'clase a', 'nivel a'];
const A_OR_B = ['a o b', 'a or b', 'a ou b', 'a y b', 'a and b', 'a e b', 'a b'];
const CATEGORY_WORDS = ['categoria', 'category', 'clase', 'nivel', 'siasar'];

export const RECORDS_MEASURES: readonly { readonly measure: RecordsMeasure; readonly all: readonly (readonly string[])[]; readonly none?: readonly string[] }[] = [
  { measure: 'bacteriological', all: [['bacteriolog', 'microbiolog', 'coliform', 'e coli']] },
  { measure: 'chlorination', all: [SYSTEMS, ['clorac', 'clorad', 'chlorinat', 'cloraca', 'clorando', 'cloro']] },
  { measure: 'schools_wash', all: [['escuela', 'school', 'escola', 'centro educativo', 'centros educativos']] },
  { measure: 'health_centres_wash', all: [['centro de salud', 'centros de salud', 'health centre', 'health center', 'health facilit', 'unidade de saude', 'establecimiento de salud', 'establecimientos de salud']] },
  { measure: 'providers_ab', all: [PROVIDERS, CATEGORY_WORDS, A_OR_B] },
  { measure: 'providers_a', all: [PROVIDERS, CATEGORY_A] },
  { measure: 'systems_ab', all: [SYSTEMS, CATEGORY_WORDS, A_OR_B] },
  { measure: 'systems_a', all: [SYSTEMS, CATEGORY_A] },
  { measure: 'water_coverage', all: [COVERAGE, ['agua', 'water', 'abastecimiento', 'abastecimento']], none: ['saneamiento', 'sanitation', 'saneamento', 'conexion', 'connection', 'ligac', 'escuela', 'school', 'salud', 'health'] },
  { measure: 'sanitation_coverage', all: [COVERAGE, ['saneamiento', 'sanitation', 'saneamento', 'letrina', 'latrine', 'alcantarillado', 'sewer']], none: ['agua', 'water', 'escuela', 'school', 'salud', 'health'] },
];

// ---------------------------------------------------------------------------------------------------
// Compiled forms.

/** A header cell folded for comparison: punctuation as spaces, except the marks "#", "%", "+", "-", "/" that some headers are made of. */
export function frameworkKey(text: string): string {
  return fold(text)
    .replace(/[º°]/g, '°')
    .replace(/[^\p{L}\p{N}#°%+\-/ ]+/gu, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/ +/g, ' ')
    .trim()
    .replace(/\.$/, '');
}

const ROLE_BY_KEY: ReadonlyMap<string, FrameworkRole> = (() => {
  const m = new Map<string, FrameworkRole>();
  for (const [role, words] of Object.entries(FRAMEWORK_HEADERS) as [FrameworkRole, readonly string[]][]) {
    for (const w of words) if (!m.has(frameworkKey(w))) m.set(frameworkKey(w), role);
  }
  return m;
})();

/** Roles whose header often goes on with more words ("Comentarios / explicación de desviaciones", "Meta final 2019"). */
const PREFIX_ROLES: readonly FrameworkRole[] = ['finalTarget', 'baseline', 'comments', 'source', 'indicator', 'unit', 'percentMet'];
const PREFIXES: readonly { readonly key: string; readonly role: FrameworkRole }[] = (() => {
  const out: { key: string; role: FrameworkRole }[] = [];
  for (const role of PREFIX_ROLES) for (const w of FRAMEWORK_HEADERS[role]) out.push({ key: frameworkKey(w), role });
  // Longest first: "meta final" before "meta".
  return out.sort((a, b) => b.key.length - a.key.length);
})();

/** A header's role by its words alone: the whole cell, or (for a few roles) its first words. */
export function frameworkRoleOf(text: string): FrameworkRole | null {
  if (!text || text.length > 80) return null;
  const key = frameworkKey(text.replace(/\(\s*\d{4}\s*\)\s*$/, ''));
  const exact = ROLE_BY_KEY.get(key);
  if (exact) return exact;
  for (const p of PREFIXES) if (key.startsWith(p.key + ' ') || key.startsWith(p.key + '/')) return p.role;
  return null;
}

const VALUE_WORDS: readonly { readonly key: string; readonly role: ValueRole }[] = (['target', 'actual', 'percentMet'] as const)
  .flatMap((role) => FRAMEWORK_HEADERS[role].map((w) => ({ key: frameworkKey(w), role })))
  .sort((a, b) => b.key.length - a.key.length);

/**
 * A header that names a period's value with the period inline: "Meta 2021", "Realizado 2021", "2021 Target",
 * "Target Q1 2023". The period text is returned for the period reader; null when the cell is not one.
 */
export function valueWithPeriod(text: string): { role: ValueRole; period: string } | null {
  const key = frameworkKey(text);
  const words = text.trim().split(/\s+/);
  for (const w of VALUE_WORDS) {
    // The period keeps the header's own spelling: the value word's words are dropped from the cell.
    const n = w.key.split(' ').length;
    if (key.startsWith(w.key + ' ')) return { role: w.role, period: words.slice(n).join(' ') };
    if (key.endsWith(' ' + w.key)) return { role: w.role, period: words.slice(0, words.length - n).join(' ') };
  }
  return null;
}

/** The value role a whole header cell names ("Meta", "Actual", "% Met"), or null. */
export function valueRoleOf(text: string): ValueRole | null {
  const role = frameworkRoleOf(text);
  return role === 'target' || role === 'actual' || role === 'percentMet' ? role : null;
}

const BUDGET_KEYS: ReadonlySet<string> = new Set(BUDGET_WORDS.map(frameworkKey));

export function isBudgetWord(text: string): boolean {
  return BUDGET_KEYS.has(frameworkKey(text));
}

function keySet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(frameworkKey));
}

const INCREASE = keySet(DIRECTION_WORDS.increase);
const DECREASE = keySet(DIRECTION_WORDS.decrease);

/** "Ascendente", "Quanto menor, melhor", "+" → the direction; null when the cell does not say. */
export function parseDirection(text: string): 'increase' | 'decrease' | null {
  const t = text.trim();
  if (!t) return null;
  const key = frameworkKey(t) || t;
  if (INCREASE.has(key) || INCREASE.has(t)) return 'increase';
  if (DECREASE.has(key) || DECREASE.has(t)) return 'decrease';
  const first = key.split(' ')[0] ?? '';
  if (INCREASE.has(first)) return 'increase';
  if (DECREASE.has(first)) return 'decrease';
  return null;
}

const ACCUMULATION_BY_KEY: ReadonlyMap<string, Exclude<AccumulationKind, 'unspecified'>> = (() => {
  const m = new Map<string, Exclude<AccumulationKind, 'unspecified'>>();
  for (const [kind, words] of Object.entries(ACCUMULATION_WORDS) as [Exclude<AccumulationKind, 'unspecified'>, readonly string[]][]) {
    for (const w of words) m.set(frameworkKey(w), kind);
  }
  return m;
})();

/** "No acumulado", "C", "Último valor" → how the indicator adds up; 'unspecified' when the cell does not say. */
export function parseAccumulation(text: string): AccumulationKind {
  return ACCUMULATION_BY_KEY.get(frameworkKey(text)) ?? 'unspecified';
}

const PERCENT_KEYS = keySet(PERCENT_UNITS);
const QUALITATIVE_KEYS = keySet(QUALITATIVE_UNITS);

/** A unit (or a "# / %" cell) that makes the indicator a percentage: "%", "Porcentaje", "% de viviendas". */
export function isPercentUnit(text: string): boolean {
  const key = frameworkKey(text);
  if (!key) return false;
  return PERCENT_KEYS.has(key) || key.startsWith('%') || key.startsWith('porcentaje') || key.startsWith('percent') || key.startsWith('porcentagem');
}

export function isQualitativeUnit(text: string): boolean {
  return QUALITATIVE_KEYS.has(frameworkKey(text));
}

/** The roll-up measure an indicator's words name, or null. */
export function recordsMeasureOf(text: string): RecordsMeasure | null {
  const words = ` ${foldWords(text)} `;
  // A word is a prefix of a text word ("bacteriolog"), but a phrase ending in a lone letter ("categoria a") ends there.
  const has = (w: string) => words.includes(/ [a-z]$/.test(w) ? ` ${w} ` : ` ${w}`);
  for (const m of RECORDS_MEASURES) {
    if (m.all.every((group) => group.some(has)) && !(m.none ?? []).some(has)) return m.measure;
  }
  return null;
}
