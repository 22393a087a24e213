// Header synonyms and cell words for indicator record sheets (SIASAR-style), as data.
// Every header is compared after normaliseHeader(): case, accents, punctuation and spacing ignored.
import { foldWords } from '../text';

/** Area levels, highest first. The community is the record level: roll-ups group by the levels above it. */
export type AreaLevel = 'region' | 'department' | 'municipality' | 'parish' | 'community';
export const AREA_LEVELS: readonly AreaLevel[] = ['region', 'department', 'municipality', 'parish', 'community'];

/** Column roles a record sheet can have. */
export type RollupRole =
  | AreaLevel
  // coverage
  | 'households'
  | 'water'
  | 'sanitation'
  | 'schools'
  | 'schoolsWash'
  | 'healthCentres'
  | 'healthWash'
  // water systems
  | 'system'
  | 'systemType'
  | 'category'
  | 'score'
  | 'chlorination'
  | 'samplesTested'
  | 'samplesPassed'
  | 'ladder'
  // service providers
  | 'provider'
  | 'providerType';

export type VocabLang = 'es' | 'en' | 'pt';

/** Plain synonyms per role and language (already in folded form or foldable). */
export const ROLE_SYNONYMS: Readonly<Partial<Record<RollupRole, Readonly<Record<VocabLang, readonly string[]>>>>> = {
  region: {
    es: ['región', 'region'],
    en: ['region'],
    pt: ['região'],
  },
  department: {
    es: ['departamento', 'provincia', 'estado federal'],
    en: ['department', 'province', 'state'],
    pt: ['departamento', 'província', 'unidade federativa', 'uf'],
  },
  municipality: {
    es: ['municipio', 'municipalidad', 'cantón', 'distrito', 'mancomunidad'],
    en: ['municipality', 'district', 'county', 'canton'],
    pt: ['município', 'distrito', 'concelho'],
  },
  parish: {
    es: ['parroquia'],
    en: ['parish'],
    pt: ['freguesia'],
  },
  community: {
    es: ['comunidad', 'localidad', 'aldea', 'caserío', 'poblado', 'comunidad rural'],
    en: ['community', 'locality', 'village', 'settlement'],
    pt: ['comunidade', 'localidade', 'povoado'],
  },
  system: {
    es: ['código sistema', 'código del sistema', 'código de sistema', 'id sistema', 'sistema', 'sistema de agua', 'acueducto'],
    en: ['system', 'system code', 'system id', 'water system', 'system name'],
    pt: ['código do sistema', 'sistema', 'sistema de abastecimento'],
  },
  systemType: {
    es: ['tipo de sistema', 'tipo sistema', 'tipo de abastecimiento'],
    en: ['system type', 'type of system'],
    pt: ['tipo de sistema', 'tipo do sistema'],
  },
  category: {
    es: ['categoría siasar', 'categoría', 'clasificación siasar', 'siasar'],
    en: ['category', 'siasar category', 'siasar'],
    pt: ['categoria siasar', 'categoria'],
  },
  score: {
    es: ['puntaje siasar', 'puntaje', 'puntuación', 'índice siasar', 'índice', 'valor siasar'],
    en: ['score', 'siasar score', 'siasar index', 'index'],
    pt: ['pontuação', 'índice siasar', 'índice'],
  },
  chlorination: {
    es: ['cloración', 'clorado', 'clora', 'sistema clorado', 'realiza cloración', 'desinfección', 'cloro'],
    en: ['chlorination', 'chlorinated', 'chlorinates', 'disinfection'],
    pt: ['cloração', 'clorado', 'desinfecção'],
  },
  samplesTested: {
    es: ['muestras analizadas', 'muestras', 'muestras tomadas', 'análisis bacteriológicos'],
    en: ['samples tested', 'samples', 'samples analysed', 'samples analyzed'],
    pt: ['amostras analisadas', 'amostras'],
  },
  samplesPassed: {
    es: ['muestras aptas', 'muestras conformes', 'muestras satisfactorias', 'muestras negativas'],
    en: ['samples passed', 'samples compliant', 'samples safe'],
    pt: ['amostras aptas', 'amostras conformes', 'amostras satisfatórias'],
  },
  ladder: {
    es: ['nivel de servicio jmp', 'escalera jmp', 'escalera de servicio', 'nivel de servicio', 'jmp'],
    en: ['jmp service level', 'jmp ladder', 'service ladder', 'service level', 'jmp'],
    pt: ['nível de serviço jmp', 'escada jmp', 'nível de serviço'],
  },
  provider: {
    es: ['prestador', 'prestador de servicios', 'prestador de servicio', 'operador', 'junta de agua', 'junta administradora'],
    en: ['provider', 'service provider', 'operator', 'water committee'],
    pt: ['prestador', 'prestador de serviço', 'prestador de serviços', 'operador'],
  },
  providerType: {
    es: ['tipo de prestador', 'tipo prestador', 'tipo de operador'],
    en: ['provider type', 'type of provider', 'operator type'],
    pt: ['tipo de prestador', 'tipo de operador'],
  },
};

/**
 * Coverage columns are "<subject>" (the denominator) or "<subject> with <service>" (a numerator):
 * "Viviendas", "Viviendas con agua", "Households with safe water", "Escuelas con APS".
 * A subject alone is the total; "with" plus words naming the service is the numerator.
 */
export interface CoverageSubject {
  readonly total: RollupRole;
  readonly subjects: readonly string[];
  /** Numerator roles by the words that name the service after "with". */
  readonly services: readonly { readonly role: RollupRole; readonly words: readonly string[] }[];
}

const WASH_WORDS = ['aps', 'agua y saneamiento', 'agua potable y saneamiento', 'wash', 'water and sanitation', 'agua e saneamento', 'agua', 'water'];

export const COVERAGE_SUBJECTS: readonly CoverageSubject[] = [
  {
    total: 'households',
    subjects: [
      // es
      'viviendas', 'hogares', 'familias', 'población', 'habitantes', 'personas', 'casas',
      // en
      'households', 'population', 'people', 'families', 'dwellings', 'homes', 'inhabitants',
      // pt
      'domicílios', 'famílias', 'população', 'moradias', 'residências',
    ],
    services: [
      { role: 'water', words: ['agua', 'water', 'abastecimiento de agua', 'acueducto'] },
      { role: 'sanitation', words: ['saneamiento', 'sanitation', 'saneamento', 'letrina', 'letrinas', 'latrine', 'latrines', 'alcantarillado', 'sewerage', 'esgoto', 'esgotamento'] },
    ],
  },
  {
    total: 'schools',
    subjects: ['escuelas', 'centros educativos', 'centros escolares', 'schools', 'escolas'],
    services: [{ role: 'schoolsWash', words: WASH_WORDS }],
  },
  {
    total: 'healthCentres',
    subjects: [
      'centros de salud', 'establecimientos de salud', 'unidades de salud', 'puestos de salud',
      'health centres', 'health centers', 'health facilities', 'health posts',
      'centros de saúde', 'unidades de saúde', 'postos de saúde',
    ],
    services: [{ role: 'healthWash', words: WASH_WORDS }],
  },
];

/** Words joining a subject to its service: "con", "with", "com" (and "con acceso a", "with access to"). */
export const WITH_WORDS: readonly string[] = ['con acceso a', 'con servicio de', 'con', 'with access to', 'with', 'com acesso a', 'com'];

/** Words that may precede or follow a header without changing its meaning ("N° de viviendas", "Nombre del prestador"). */
export const HEADER_NOISE_PREFIXES: readonly string[] = [
  'numero total de', 'numero de', 'numero', 'n° de', 'n°', 'no de', 'nro de', 'nro', 'no', '#', 'cantidad de', 'cantidad',
  'total de', 'total', 'nombre del', 'nombre de la', 'nombre de', 'nombre', 'name of', 'name', 'number of', 'number', 'nome do', 'nome da', 'nome',
  'quantidade de',
];
export const HEADER_NOISE_SUFFIXES: readonly string[] = ['total', 'totales', 'n°', 'nombre', 'name', 'nome'];

/** Normalises a header cell: fold(), punctuation dropped, noise words around it removed. */
export function normaliseHeader(text: string): string {
  let s = foldWords(text);
  // Years and parenthesised units are noise too: "Viviendas (2017)" → "viviendas".
  s = s.replace(/\b(19|20)\d\d\b/g, ' ').replace(/ +/g, ' ').trim();
  return s;
}

/** Words that make a row a total or subtotal when a label cell equals them or starts with them. */
export const TOTAL_WORDS: readonly string[] = [
  'total', 'totales', 'subtotal', 'subtotales', 'sub total', 'gran total', 'total general', 'suma', 'soma', 'grand total', 'sum', 'overall',
];
/** Words that make a row a total when a label cell ends with them (Excel's Subtotal writes "Intibucá Total"). */
export const TOTAL_SUFFIX_WORDS: readonly string[] = ['total', 'totales', 'subtotal', 'grand total'];

/** Yes and no as people type them in yes/no columns. */
export const YES_WORDS: readonly string[] = ['si', 's', 'yes', 'y', 'sim', 'x', 'true', 'verdadero', 'verdadeiro', '1', 'ok'];
export const NO_WORDS: readonly string[] = ['no', 'n', 'nao', 'false', 'falso', '0', 'ninguno', 'none'];

/** SIASAR categories. */
export type Category = 'A' | 'B' | 'C' | 'D';
export const CATEGORIES: readonly Category[] = ['A', 'B', 'C', 'D'];

/** SIASAR bands a 0–1 score: A ≥ 0.9, B ≥ 0.7, C ≥ 0.4, else D. */
export const SCORE_BANDS: readonly { readonly atLeast: number; readonly category: Category }[] = [
  { atLeast: 0.9, category: 'A' },
  { atLeast: 0.7, category: 'B' },
  { atLeast: 0.4, category: 'C' },
  { atLeast: 0, category: 'D' },
];

/** Words that may precede the letter: "Categoría A", "Cat. B", "Category C", "SIASAR D". */
const CATEGORY_PREFIXES: readonly string[] = ['categoria siasar', 'categoria', 'category', 'cat', 'siasar', 'clase', 'class', 'nivel', 'level'];

/** JMP drinking-water service ladder. */
export type LadderRung = 'safelyManaged' | 'basic' | 'limited' | 'unimproved' | 'surfaceWater';
export const LADDER_RUNGS: readonly LadderRung[] = ['safelyManaged', 'basic', 'limited', 'unimproved', 'surfaceWater'];

export const LADDER_WORDS: Readonly<Record<LadderRung, readonly string[]>> = {
  safelyManaged: [
    'gestionado de forma segura', 'gestionado de manera segura', 'gestionada de forma segura', 'gestionada de manera segura',
    'gestion segura', 'manejo seguro', 'seguro', 'safely managed', 'safe', 'gerenciado de forma segura', 'gerido de forma segura', 'gestao segura',
  ],
  basic: ['basico', 'basica', 'basic', 'servicio basico', 'basic service'],
  limited: ['limitado', 'limitada', 'limited', 'servicio limitado', 'limited service'],
  unimproved: ['no mejorado', 'no mejorada', 'fuente no mejorada', 'unimproved', 'nao melhorado', 'nao melhorada'],
  surfaceWater: ['agua superficial', 'aguas superficiales', 'superficial', 'surface water', 'surface'],
};

function buildWordMap<T>(table: Readonly<Record<string, readonly string[]>>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [key, words] of Object.entries(table)) for (const w of words) m.set(foldWords(w), key as T);
  return m;
}

const LADDER_MAP = buildWordMap<LadderRung>(LADDER_WORDS);
const YES_SET = new Set(YES_WORDS);
const NO_SET = new Set(NO_WORDS);

// Answers repeat ("Sí", "No" on every row): remember each spelling once, within a bound.
const YES_NO_SEEN = new Map<string, boolean | null>();
const YES_NO_SEEN_MAX = 10000;

/** "Sí" → true, "no" → false, anything else → null. Booleans pass through. */
export function parseYesNo(v: string | number | boolean): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  const seen = YES_NO_SEEN.get(v);
  if (seen !== undefined) return seen;
  const w = foldWords(v);
  const answer = YES_SET.has(w) ? true : NO_SET.has(w) ? false : null;
  if (YES_NO_SEEN.size < YES_NO_SEEN_MAX) YES_NO_SEEN.set(v, answer);
  return answer;
}

/** "A", "categoría b", "Cat. C", "D - no funciona" → the letter; anything else → null. */
export function parseCategory(text: string): Category | null {
  if (text.length === 1) {
    const u = text.toUpperCase();
    return u === 'A' || u === 'B' || u === 'C' || u === 'D' ? u : null;
  }
  let s = foldWords(text);
  for (const p of CATEGORY_PREFIXES) {
    if (s.startsWith(p + ' ')) {
      s = s.slice(p.length + 1);
      break;
    }
  }
  const m = /^([abcd])(?: |$)/.exec(s);
  return m && m[1] ? (m[1].toUpperCase() as Category) : null;
}

/** A 0–1 score banded as SIASAR does. */
export function bandScore(score: number): Category {
  for (const b of SCORE_BANDS) if (score >= b.atLeast) return b.category;
  return 'D';
}

export function parseLadder(text: string): LadderRung | null {
  return LADDER_MAP.get(foldWords(text)) ?? null;
}

/** Is this label cell a total or subtotal ("TOTAL", "Total Alpha", "Intibucá Total", "Subtotal")? */
export function isTotalLabel(text: string): boolean {
  // Cheap test first: most cells never contain these letters.
  if (!/tot|sum|som|overall/i.test(text)) return false;
  const s = foldWords(text);
  for (const w of TOTAL_WORDS) if (s === w || s.startsWith(w + ' ')) return true;
  for (const w of TOTAL_SUFFIX_WORDS) if (s.endsWith(' ' + w)) return true;
  return false;
}

// ---- header matching -------------------------------------------------------------------------

interface Compiled {
  readonly exact: Map<string, RollupRole>;
  readonly noisePrefixes: readonly string[];
  readonly noiseSuffixes: readonly string[];
}

let compiled: Compiled | null = null;

function compile(): Compiled {
  const exact = new Map<string, RollupRole>();
  for (const [role, byLang] of Object.entries(ROLE_SYNONYMS) as [RollupRole, Record<VocabLang, readonly string[]>][]) {
    for (const lang of ['es', 'en', 'pt'] as const) for (const w of byLang[lang]) exact.set(normaliseHeader(w), role);
  }
  const fw = (list: readonly string[]) => list.map((w) => foldWords(w)).sort((a, b) => b.length - a.length);
  return { exact, noisePrefixes: fw(HEADER_NOISE_PREFIXES), noiseSuffixes: fw(HEADER_NOISE_SUFFIXES) };
}

function strip(s: string, c: Compiled): string[] {
  // Every variant with noise words peeled off, most specific first.
  const out = [s];
  let cur = s;
  for (let guard = 0; guard < 3; guard++) {
    let changed = false;
    for (const p of c.noisePrefixes) {
      if (cur.startsWith(p + ' ')) {
        cur = cur.slice(p.length + 1);
        changed = true;
        break;
      }
    }
    for (const p of c.noiseSuffixes) {
      if (cur.endsWith(' ' + p)) {
        cur = cur.slice(0, cur.length - p.length - 1);
        changed = true;
        break;
      }
    }
    if (!changed) break;
    out.push(cur);
  }
  return out;
}

function matchCoverage(s: string): RollupRole | null {
  for (const subj of COVERAGE_SUBJECTS) {
    for (const raw of subj.subjects) {
      const word = foldWords(raw);
      if (s === word) return subj.total;
      if (!s.startsWith(word + ' ')) continue;
      const rest = s.slice(word.length + 1);
      for (const w of WITH_WORDS) {
        if (!rest.startsWith(w + ' ')) continue;
        const service = ' ' + rest.slice(w.length + 1) + ' ';
        const roles = new Set<RollupRole>();
        for (const sv of subj.services) {
          for (const sw of sv.words) if (service.includes(' ' + foldWords(sw) + ' ')) roles.add(sv.role);
        }
        // "Viviendas con agua y saneamiento" names two services: not a column we can attribute.
        if (roles.size === 1) return [...roles][0] ?? null;
        if (roles.size > 1 && subj.services.length === 1) return subj.services[0]?.role ?? null;
        return null;
      }
    }
  }
  return null;
}

/** The role a header cell names, or null. */
export function matchHeader(text: string): RollupRole | null {
  if (!text) return null;
  const c = compiled ?? (compiled = compile());
  const norm = normaliseHeader(text);
  if (!norm) return null;
  for (const s of strip(norm, c)) {
    const hit = c.exact.get(s) ?? matchCoverage(s);
    if (hit) return hit;
  }
  return null;
}

/** Sheet-name hints: used only to break a tie between two kinds. */
export const SHEET_NAME_HINTS: Readonly<Record<'coverage' | 'systems' | 'providers', readonly string[]>> = {
  coverage: ['comunidades', 'cobertura', 'communities', 'coverage', 'comunidade', 'cobertura'],
  systems: ['sistemas', 'systems', 'niveles de servicio', 'service levels', 'acueductos'],
  providers: ['prestadores', 'providers', 'operadores', 'juntas', 'desempeno'],
};
