// Sheets Tablero writes for results frameworks, as data every host renders: the marked "Indicadores"
// sheet (`check --out`, the pane) and the IPTT sheet of the donor export.
import { catalogue, fill, type Catalogue, type Lang } from '../i18n';
import type { Fill, OutputColumn, OutputSheet, OutputTable, OutputValue } from '../output';
import type { Band, BandScheme, Framework, FrameworkIndicator, FrameworkResult } from './model';
import { percentMet } from './rules';
import { bandCountsText } from './format';

type Texts = Catalogue['framework'];

/**
 * % met cell fills, in the bands' own colours, by the scheme's thresholds: under below 0.85, over above
 * 1.15 (a hair above, so 1.15 itself stays on track as the rule says), at risk between ±5 % and ±15 % under
 * the semáforo. Highest threshold first.
 */
const OVER_115 = 1.15 + 1e-9;
const PERCENT_BANDS: Readonly<Record<BandScheme, readonly { readonly atLeast: number; readonly fill: Fill }[]>> = {
  toladata: [
    { atLeast: OVER_115, fill: 'band_over' },
    { atLeast: 0.85, fill: 'band_on_track' },
    { atLeast: -Infinity, fill: 'band_under' },
  ],
  semaforo: [
    { atLeast: OVER_115, fill: 'band_over' },
    { atLeast: 1.05 + 1e-9, fill: 'band_at_risk' },
    { atLeast: 0.95, fill: 'band_on_track' },
    { atLeast: 0.85, fill: 'band_at_risk' },
    { atLeast: -Infinity, fill: 'band_under' },
  ],
};

export function bandLabel(band: Band, x: Texts): string {
  return x[`band_${band}`];
}

/** A value as written: numbers stay numbers in the framework's own scale, answers stay text. */
function cellValue(v: number | string | null): OutputValue {
  return v;
}

function totals(frameworks: readonly Framework[]): Record<Band, number> & { indicators: number } {
  const t = { on_track: 0, at_risk: 0, under: 0, over: 0, no_data: 0, indicators: 0 };
  for (const f of frameworks) {
    for (const [b, n] of Object.entries(f.bands) as [Band, number][]) t[b] += n;
    t.indicators += f.indicators.length;
  }
  return t;
}

/** The "Indicadores" sheet: one row per indicator with its to-date figures and band (an Excel table). */
export function indicadoresSheet(result: FrameworkResult, lang: Lang): OutputSheet {
  const x = catalogue(lang).framework;
  const rows: OutputValue[][] = [];
  for (const f of result.frameworks) {
    for (const i of f.indicators) {
      rows.push([
        f.sheet,
        i.component,
        i.id,
        i.text,
        i.unit,
        x[`direction_${i.direction}`],
        i.accumulation,
        cellValue(i.baseline),
        f.latestEndedPeriod,
        cellValue(i.targetToDate),
        cellValue(i.actualToDate),
        i.actualToDate === null ? null : x[`source_${i.actualSource}`],
        i.percentMet,
        bandLabel(i.band, x),
        cellValue(i.finalTarget),
        i.comment,
        i.cells.indicator,
      ]);
    }
  }
  const t = totals(result.frameworks);
  const table: OutputTable = {
    name: 'Tablero_Indicadores',
    caption: x.caption,
    columns: [
      { header: x.colSheet, type: 'text', width: 16 },
      { header: x.colComponent, type: 'text', width: 24 },
      { header: x.colId, type: 'text', width: 6 },
      { header: x.colIndicator, type: 'text', width: 50 },
      { header: x.colUnit, type: 'text', width: 12 },
      { header: x.colDirection, type: 'text', width: 12 },
      { header: x.colAccumulation, type: 'text', width: 14 },
      { header: x.colBaseline, type: 'number', width: 10 },
      { header: x.colPeriod, type: 'text', width: 12 },
      { header: x.colTargetToDate, type: 'number', width: 12 },
      { header: x.colActualToDate, type: 'number', width: 12 },
      { header: x.colActualSource, type: 'text', width: 10 },
      { header: x.colPercentMet, type: 'percent', width: 10, bands: PERCENT_BANDS[result.frameworks[0]?.bandScheme ?? 'toladata'] },
      { header: x.colBand, type: 'text', width: 14 },
      { header: x.colFinalTarget, type: 'number', width: 10 },
      { header: x.colComment, type: 'text', width: 40 },
      { header: x.colCell, type: 'text', width: 8 },
    ],
    rows,
  };
  return {
    name: x.sheetName,
    lines: [x.title, fill(x.asOf, { asOf: result.asOf }), fill(x.statusLine, { indicators: t.indicators, bands: bandCountsText(t, result.frameworks[0]?.bandScheme ?? 'toladata', lang) })],
    tables: [table],
  };
}

/** Period labels across frameworks, in first-seen order (an IPTT has one column group per period). */
function periodLabels(frameworks: readonly Framework[]): string[] {
  const out: string[] = [];
  for (const f of frameworks) for (const p of f.periods) if (!out.includes(p.label)) out.push(p.label);
  return out;
}

function periodOf(i: FrameworkIndicator, label: string): { target: OutputValue; actual: OutputValue; met: number | null } {
  const v = i.values.find((p) => p.label === label);
  if (!v) return { target: null, actual: null, met: null };
  const met =
    typeof v.target === 'number' && typeof v.actual === 'number' && i.measure !== 'qualitative'
      ? percentMet(v.target, v.actual, i.direction, typeof i.baseline === 'number' ? i.baseline : null)
      : null;
  return { target: v.target, actual: v.actual, met };
}

/**
 * The donor's IPTT: indicator, unit, direction, baseline, then per period target | actual | % met, then
 * to date and the band. Fixed table name whatever the language.
 */
export function ipttSheet(result: FrameworkResult, lang: Lang): OutputSheet {
  const x = catalogue(lang).framework;
  const labels = periodLabels(result.frameworks);
  const columns: OutputColumn[] = [
    { header: x.colId, type: 'text' },
    { header: x.colIndicator, type: 'text', width: 50 },
    { header: x.colUnit, type: 'text' },
    { header: x.colDirection, type: 'text' },
    { header: x.colBaseline, type: 'number' },
  ];
  for (const l of labels) {
    const period = l || '—';
    columns.push({ header: fill(x.colTarget, { period }), type: 'number' });
    columns.push({ header: fill(x.colActual, { period }), type: 'number' });
    columns.push({ header: fill(x.colPeriodMet, { period }), type: 'percent' });
  }
  columns.push(
    { header: x.colTargetToDate, type: 'number' },
    { header: x.colActualToDate, type: 'number' },
    { header: x.colPercentMet, type: 'percent', bands: PERCENT_BANDS[result.frameworks[0]?.bandScheme ?? 'toladata'] },
    { header: x.colBand, type: 'text' },
  );
  const rows: OutputValue[][] = [];
  for (const f of result.frameworks) {
    for (const i of f.indicators) {
      const row: OutputValue[] = [i.id, i.text, i.unit, x[`direction_${i.direction}`], i.baseline];
      for (const l of labels) {
        const p = periodOf(i, l);
        row.push(p.target, p.actual, p.met);
      }
      row.push(i.targetToDate, i.actualToDate, i.percentMet, bandLabel(i.band, x));
      rows.push(row);
    }
  }
  const fitted = columns.map((c) => (c.width ? c : { ...c, width: Math.max(8, Math.min(30, c.header.length + 4)) }));
  return {
    name: x.ipttSheet,
    lines: [x.ipttTitle, fill(x.asOf, { asOf: result.asOf })],
    tables: [{ name: 'Tablero_IPTT', columns: fitted, rows }],
  };
}

/** The "Indicadores" sheet when the check found a results framework, else none (for `check --out` and the pane). */
export function indicadoresSheets(result: { readonly frameworks?: FrameworkResult }, lang: Lang): OutputSheet[] {
  return result.frameworks?.frameworks.length ? [indicadoresSheet(result.frameworks, lang)] : [];
}
