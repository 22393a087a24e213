// What the check of a results framework returns: periods, indicators with their to-date figures and bands.
import type { Finding } from '../findings';
import type { AccumulationKind, RecordsMeasure } from './vocab';

/** IATI's measures: a count or amount, a percentage, or an answer (Sí/No). */
export type Measure = 'unit' | 'percentage' | 'qualitative';
export type Direction = 'increase' | 'decrease';
/**
 * TolaData's ±15% rule: on_track from 0.85 to 1.15 inclusive, under below, over above. The semáforo
 * (±5% / ±15%) adds at_risk: more than 5% but at most 15% from the target either way.
 */
export type Band = 'on_track' | 'at_risk' | 'under' | 'over' | 'no_data';
export const BANDS: readonly Band[] = ['on_track', 'at_risk', 'under', 'over', 'no_data'];
export type BandScheme = 'toladata' | 'semaforo';
/** Percentages as typed: percent points (84.1) or fractions shown as percentages (0.841). */
export type Scale = 'points' | 'fraction';
export type Value = number | string | null;

export interface FrameworkPeriod {
  readonly label: string;
  readonly start: string | null;
  readonly end: string | null;
  /** Its last day is before the as-of date. */
  readonly ended: boolean;
}

/** Why a figure reads the way it does (stable codes; the catalogues say them in words). */
export type IndicatorNote =
  | 'accumulation_unspecified'
  | 'direction_unspecified'
  | 'decimal_comma'
  | 'records_latest_period'
  | 'no_period_ended'
  | 'no_target'
  | 'decrease_without_baseline';

export interface PeriodValues {
  readonly label: string;
  readonly target: Value;
  readonly actual: Value;
  /** Where the actual came from ("records" only for the latest ended period with a blank cell). */
  readonly actualSource: 'typed' | 'records';
}

export interface FrameworkIndicator {
  readonly id: string | null;
  /** 1-based sheet row. */
  readonly row: number;
  readonly text: string;
  readonly component: string | null;
  readonly unit: string | null;
  readonly measure: Measure;
  readonly scale: Scale | null;
  readonly direction: Direction;
  /** The accumulation cell as typed ("Último valor"), null when the sheet has none. */
  readonly accumulation: string | null;
  readonly accumulationKind: AccumulationKind;
  readonly baseline: Value;
  readonly finalTarget: Value;
  readonly values: readonly PeriodValues[];
  readonly targetToDate: Value;
  readonly actualToDate: Value;
  readonly actualSource: 'typed' | 'records';
  /** The roll-up measure the indicator's words name, and its figure in the framework's scale. */
  readonly records: { readonly measure: RecordsMeasure; readonly value: number | null } | null;
  readonly percentMet: number | null;
  readonly band: Band;
  readonly comment: string | null;
  readonly source: string | null;
  readonly notes: readonly IndicatorNote[];
  /** A1 addresses: fixed cells by role, and per period target / actual cells. */
  readonly cells: {
    readonly id?: string;
    readonly indicator: string;
    readonly baseline?: string;
    readonly finalTarget?: string;
    readonly comments?: string;
    readonly targets: readonly (string | null)[];
    readonly actuals: readonly (string | null)[];
  };
}

export type BandCounts = Record<Band, number>;

export interface Framework {
  readonly sheet: string;
  readonly range: string;
  /** 1-based header rows. */
  readonly headerRows: readonly number[];
  readonly baselineYear: string | null;
  readonly periods: readonly FrameworkPeriod[];
  readonly latestEndedPeriod: string | null;
  readonly bandScheme: BandScheme;
  readonly indicators: readonly FrameworkIndicator[];
  readonly bands: BandCounts;
}

export interface FrameworkResult {
  readonly asOf: string;
  readonly frameworks: readonly Framework[];
  readonly findings: readonly Finding[];
}

export function emptyBandCounts(): BandCounts {
  return { on_track: 0, at_risk: 0, under: 0, over: 0, no_data: 0 };
}
