// The IATI 2.03 results CSV, in AidStream's V203 results template column order (its CSV importer reads
// it): one row per indicator and dated period, rows of one result (component) together.
import { csvValue, quoteField } from '../export/csv';
import type { OutputValue } from '../output';
import { foldWords } from '../text';
import type { FrameworkIndicator, FrameworkResult, Measure } from './model';

/** AidStream's V203 results template headers, in its order. */
export const IATI_RESULT_COLUMNS = [
  'Type', 'Aggregation Status', 'Title', 'Title Language', 'Description', 'Description Language',
  'Results Reference Vocabulary', 'Results Reference Code', 'Results Reference URI',
  'Measure', 'Ascending', 'Indicator Aggregation Status', 'Indicator Title', 'Indicator Title Language',
  'Indicator Description', 'Indicator Description Language', 'Reference Vocabulary', 'Reference Code', 'Reference URI',
  'Baseline Year', 'Baseline Value', 'Baseline Location Ref', 'Baseline Dimension Name', 'Baseline Dimension Value',
  'Baseline Comment', 'Baseline Comment Language', 'Period Start', 'Period End',
  'Target Value', 'Target Location Ref', 'Target Dimension Name', 'Target Dimension Value', 'Target Comment', 'Target Comment Language',
  'Actual Value', 'Actual Location Ref', 'Actual Dimension Name', 'Actual Dimension Value', 'Actual Comment', 'Actual Comment Language',
] as const;

type Column = (typeof IATI_RESULT_COLUMNS)[number];

/** IATI IndicatorMeasure codes. */
export const IATI_MEASURE: Readonly<Record<Measure, number>> = { unit: 1, percentage: 2, qualitative: 5 };

/** IATI ResultType from a component's words: 1 output, 2 outcome, 3 impact, 9 other (when it does not say). */
const RESULT_TYPE_WORDS: readonly { readonly code: number; readonly words: readonly string[] }[] = [
  { code: 1, words: ['output', 'producto', 'produto'] },
  { code: 2, words: ['outcome', 'efecto', 'efeito', 'resultado intermedio'] },
  { code: 3, words: ['impact', 'impacto', 'goal', 'fin'] },
];

export function resultType(component: string | null): number {
  const w = component ? foldWords(component) : '';
  for (const t of RESULT_TYPE_WORDS) if (t.words.some((x) => w === x || w.startsWith(`${x} `))) return t.code;
  return 9;
}

/** IATI percentages are percent points: fractions kept as 0.841 go out as 84.1. */
function iatiNumber(i: FrameworkIndicator, v: number | string | null): number | null {
  if (typeof v !== 'number') return null;
  return i.scale === 'fraction' ? Math.round(v * 100 * 1e6) / 1e6 : v;
}

/** Rows as values, in IATI_RESULT_COLUMNS order. */
export function iatiResultRows(result: FrameworkResult): OutputValue[][] {
  const rows: OutputValue[][] = [];
  for (const f of result.frameworks) {
    for (const i of f.indicators) {
      const qualitative = i.measure === 'qualitative';
      i.values.forEach((v, k) => {
        const p = f.periods[k];
        // IATI periods have dates: a period the sheet does not date cannot be reported.
        if (!p?.start || !p.end) return;
        const latest = f.latestEndedPeriod === p.label && p.ended;
        const cell: Partial<Record<Column, OutputValue>> = {
          Type: resultType(i.component),
          Title: i.component ?? i.text,
          Measure: IATI_MEASURE[i.measure],
          Ascending: i.direction === 'increase' ? 1 : 0,
          'Indicator Title': i.text,
          'Reference Vocabulary': i.id ? 99 : null,
          'Reference Code': i.id,
          'Baseline Year': f.baselineYear !== null ? Number(f.baselineYear) : null,
          'Baseline Value': qualitative ? null : iatiNumber(i, i.baseline),
          'Baseline Comment': qualitative && i.baseline !== null ? String(i.baseline) : null,
          'Period Start': p.start,
          'Period End': p.end,
          // Qualitative indicators carry no value in IATI: the answer goes in the comment.
          'Target Value': qualitative ? null : iatiNumber(i, v.target),
          'Target Comment': qualitative && v.target !== null ? String(v.target) : null,
          'Actual Value': qualitative ? null : iatiNumber(i, v.actual),
          'Actual Comment': qualitative && v.actual !== null ? String(v.actual) : latest ? i.comment : null,
        };
        rows.push(IATI_RESULT_COLUMNS.map((c) => cell[c] ?? null));
      });
    }
  }
  return rows;
}

/**
 * The CSV text: RFC 4180, CRLF, UTF-8 without a BOM (AidStream matches its headers by name, and a BOM
 * would stick to "Type"); text that a spreadsheet would run as a formula is neutralised as in every export.
 */
export function iatiResultsCsv(result: FrameworkResult): string {
  const lines = [IATI_RESULT_COLUMNS.map((h) => quoteField(h)).join(',')];
  for (const row of iatiResultRows(result)) lines.push(row.map((v) => quoteField(csvValue(v))).join(','));
  return lines.join('\r\n') + '\r\n';
}
