// Entry point of the indicator roll-ups: find the record sheets, then roll each one up in one pass.
import { withTextCaches } from '../caches';
import type { WorkbookGrid } from '../grid';
import { finding, sortFindings, type Finding } from '../findings';
import { t, type Lang } from '../i18n';
import { rollupCoverage } from './coverage';
import type { RollupMap } from './map';
import { rollupProviders } from './providers';
import { kindKey, recogniseWorkbook } from './recognise';
import { rollupServiceLevels } from './service';
import { DEFAULT_THRESHOLD, type RollupResult } from './types';

export * from './types';
export { rollupSheets } from './sheets';
export { RollupMapSchema, parseRollupMap, type RollupMap } from './map';
export { recogniseSheet, recogniseWorkbook } from './recognise';

export interface RollupOptions {
  /** Coverage target for "areas above threshold" (default 0.8). */
  readonly threshold?: number;
  /** The user's column mapping. */
  readonly map?: RollupMap;
  /** Language of the labels that go into findings (column and indicator names). */
  readonly lang: Lang;
}

export function rollupWorkbook(wb: WorkbookGrid, opts: RollupOptions): RollupResult {
  return withTextCaches(() => rollupPass(wb, opts));
}

function rollupPass(wb: WorkbookGrid, opts: RollupOptions): RollupResult {
  const findings: Finding[] = [];
  const lang = opts.lang;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const found = recogniseWorkbook(wb, opts.map, lang, findings);
  for (const kind of ['coverage', 'systems', 'providers'] as const) {
    if (!found[kind] && !findings.some((f) => f.code === 'no_record_sheet' && f.params.kind === t(lang, 'rollup', kindKey(kind)))) {
      findings.push(finding('no_record_sheet', 'warning', {}, { kind: t(lang, 'rollup', kindKey(kind)) }));
    }
  }
  const coverage = found.coverage ? rollupCoverage(found.coverage, threshold, lang, findings) : null;
  const serviceLevels = found.systems ? rollupServiceLevels(found.systems, lang, findings) : null;
  const providerPerformance = found.providers ? rollupProviders(found.providers, lang, findings) : null;
  return { coverage, serviceLevels, providerPerformance, findings: sortFindings(findings) };
}
