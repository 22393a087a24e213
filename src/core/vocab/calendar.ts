// Words of milestone calendars (partner × period grids): the partner column's header, numbered period
// labels ("Trimestre 5", "Q3 FY24", "Year 2"), fiscal-year markers, bullets. Data, compared after fold().

/**
 * What the column naming each row's partner may be called (or it is left blank, as in the Guatemala plan).
 * A period header row whose first cell holds anything else is not a calendar (e.g. "Indicador | 2017 | 2018").
 */
export const PARTNER_HEADERS: readonly string[] = [
  'Socio', 'Socios', 'Socio implementador', 'Socios implementadores', 'Contraparte', 'Contrapartes', 'Actor', 'Actores',
  'Responsable', 'Responsables', 'Institución', 'Instituciones', 'Organización', 'Organizaciones', 'Entidad', 'Entidades',
  'Aliado', 'Aliados', 'Componente', 'Área', 'Ente responsable', 'Unidad responsable',
  'Partner', 'Partners', 'Implementing partner', 'Implementing partners', 'Stakeholder', 'Stakeholders', 'Actors',
  'Responsible', 'Responsible party', 'Lead', 'Lead agency', 'Organisation', 'Organization', 'Institution', 'Agency',
  'Component', 'Workstream',
  'Parceiro', 'Parceiros', 'Responsável', 'Responsáveis', 'Instituição', 'Organização', 'Ator', 'Atores',
];

/** Numbered parts of a plan's own timeline: "Trimestre 5", "Q7", "Semestre 2", "Año 1", "Month 18". Months per part. */
export const PERIOD_LABEL_UNITS: readonly { readonly months: 1 | 3 | 6 | 12; readonly words: readonly string[] }[] = [
  { months: 3, words: ['trimestre', 'trim', 'quarter', 'qtr', 'q', 't'] },
  { months: 6, words: ['semestre', 'sem', 'semester', 'half', 'h', 's'] },
  { months: 12, words: ['año', 'ano', 'year', 'yr', 'y'] },
  { months: 1, words: ['mes', 'mês', 'month', 'm'] },
];

/** "Q3 FY24", "T2 AF2011", "Q1 fiscal year 2025": the year named is a fiscal year. */
export const FISCAL_YEAR_WORDS: readonly string[] = ['fy', 'af', 'año fiscal', 'ano fiscal', 'fiscal year', 'fiscal', 'exercício', 'ejercicio'];

/**
 * The month a fiscal year starts in when a header names one without the months beneath: October, the
 * US government's (USAID plans such as Guatemala's, whose "año fiscal 2011" runs Oct 2010 – Sep 2011).
 * Fiscal year N ends in year N. A month range under the label always wins.
 */
export const FISCAL_YEAR_START_MONTH = 10;

/** Marks in front of a milestone line that are not part of it: bullets, dashes, list numbers. */
export const BULLET_MARKS: readonly string[] = ['•', '◦', '▪', '▫', '‣', '·', '●', '○', '■', '□', '➢', '➤', '►', '✓', '✔', '-', '–', '—', '*', '+', '>'];
