// Actuals from the record sheets: the roll-up figure an indicator's words name, as a fraction.
import type { RollupResult } from '../rollup/types';
import type { RecordsMeasure } from './vocab';

function sum(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a + b;
}

/** Every roll-up measure the records give (fractions 0–1), null where the records lack it. */
export function recordsFigures(rollup: RollupResult): Readonly<Record<RecordsMeasure, number | null>> {
  const cov = rollup.coverage?.total;
  const sys = rollup.serviceLevels;
  const prov = rollup.providerPerformance;
  return {
    water_coverage: cov?.water ?? null,
    sanitation_coverage: cov?.sanitation ?? null,
    schools_wash: cov?.schools ?? null,
    health_centres_wash: cov?.healthCentres ?? null,
    systems_a: sys?.shares.A ?? null,
    systems_ab: sum(sys?.shares.A, sys?.shares.B),
    providers_a: prov?.shares.A ?? null,
    providers_ab: sum(prov?.shares.A, prov?.shares.B),
    bacteriological: sys?.bacteriological?.rate ?? null,
    chlorination: sys?.chlorination?.share ?? null,
  };
}

/** A records figure is compared with a typed actual: more than half a percent point apart is a finding. */
export const RECORDS_TOLERANCE_POINTS = 0.5;
