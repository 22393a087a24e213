// The Roll-ups tab: which record sheets were recognised, the totals at a glance, the threshold, and
// "Write roll-up sheets" (each sheet also gets its chart, in Excel and in the .xlsx download).
import * as React from 'react';
import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { TableAddRegular } from '@fluentui/react-icons';
import type { Finding, Severity } from '../../core/findings';
import { t } from '../../core/i18n';
import type { WorkbookGrid } from '../../core/grid';
import type { KindMap, RollupMap } from '../../core/rollup/map';
import { RECORD_KINDS, type RecordKind, type RollupResult } from '../../core/rollup/types';
import { fmt } from '../../core/rollup/sheets';
import { categorySegments, hasRecords, recordSources } from '../rollups';
import { kindMapped } from '../../core/workbook-state';
import { needsMapping } from '../rollup-mapping';
import { useStrings } from '../strings';
import { FindingsList } from './FindingsList';
import { RollupsCategories } from './RollupsCategories';
import { RollupsCoverage } from './RollupsCoverage';
import { RollupsAreas } from './RollupsAreas';
import { RollupsMapper } from './RollupsMapper';
import { RollupsSources } from './RollupsSources';

const useStyles = makeStyles({
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  threshold: { width: '140px' },
  hint: { color: tokens.colorNeutralForeground3, display: 'block' },
});

export interface RollupsViewProps {
  readonly rollup: RollupResult | null;
  /** The workbook as read (the mapper lists its sheets and header cells). */
  readonly grid: WorkbookGrid | null;
  /** The user's saved column map (settings.rollupMap). */
  readonly rollupMap: RollupMap | undefined;
  readonly onMapApply: (kind: RecordKind, m: KindMap) => void;
  readonly onMapReset: (kind: RecordKind) => void;
  readonly thresholdText: string;
  readonly thresholdValid: boolean;
  readonly onThresholdText: (text: string) => void;
  readonly onWrite: () => void;
  readonly onSelectSheet: (sheet: string, range: string) => void;
  readonly onSelectFinding: (f: Finding) => void;
  readonly selected: string | null;
  readonly busy: boolean;
  /** Excel draws a chart per sheet (the browser's .xlsx carries the same charts; only the hint's wording differs). */
  readonly charts: boolean;
}

export function RollupsView(props: RollupsViewProps): React.JSX.Element {
  const { rollup } = props;
  const s = useStrings();
  const styles = useStyles();
  const L = s.lang;
  const [severity, setSeverity] = React.useState<Severity | 'all'>('all');
  const any = hasRecords(rollup);
  const names = rollup
    ? [
        rollup.coverage ? t(L, 'rollup', 'sheetCoverage') : null,
        rollup.serviceLevels ? t(L, 'rollup', 'sheetService') : null,
        rollup.providerPerformance ? t(L, 'rollup', 'sheetProviders') : null,
      ].filter((x): x is string => x !== null)
    : [];
  // "No record sheet of this kind" is already said by the list of sources.
  const findings = React.useMemo(() => (rollup ? rollup.findings.filter((f) => f.code !== 'no_record_sheet') : []), [rollup]);
  const shown = severity === 'all' ? findings : findings.filter((f) => f.severity === severity);
  const sv = rollup?.serviceLevels ?? null;
  const pp = rollup?.providerPerformance ?? null;
  const bact = sv?.bacteriological ?? null;
  const categorised = pp ? pp.providers - pp.unclassified : 0;
  // Right under the record sheets when recognition was unsure; after the figures when all went well.
  const unsure = !!rollup && RECORD_KINDS.some((k) => needsMapping(k, rollup, kindMapped(props.rollupMap, k)));
  const mapper =
    rollup && props.grid ? (
      <RollupsMapper grid={props.grid} rollup={rollup} map={props.rollupMap} onApply={props.onMapApply} onReset={props.onMapReset} busy={props.busy} />
    ) : null;

  return (
    <>
      <div className={styles.controls}>
        <Field
          label={s('rollupThreshold')}
          hint={s('rollupThresholdHint')}
          validationState={props.thresholdValid ? 'none' : 'error'}
          validationMessage={props.thresholdValid ? undefined : s('rollupThresholdInvalid')}
        >
          <Input
            className={styles.threshold}
            value={props.thresholdText}
            onChange={(_, d) => props.onThresholdText(d.value)}
            inputMode="decimal"
            contentAfter={<span aria-hidden>%</span>}
            data-testid="threshold"
          />
        </Field>
        <Button appearance="primary" icon={<TableAddRegular />} onClick={props.onWrite} disabled={props.busy || !any || !props.thresholdValid} data-testid="write-rollups">
          {s('rollupWrite')}
        </Button>
        {any ? (
          <Caption1 className={styles.hint} data-testid="rollup-write-hint">
            {s('rollupWriteHint', { sheets: names.map((n) => `«${n}»`).join(', ') })} {props.charts ? s('rollupChartsExcel') : s('rollupChartsBrowser')}
          </Caption1>
        ) : null}
      </div>

      {rollup && !any ? (
        <MessageBar intent="warning" layout="multiline" data-testid="no-records">
          <MessageBarBody>
            <MessageBarTitle>{s('rollupNoneTitle')}</MessageBarTitle>
            {s('rollupNoneBody')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {rollup ? <RollupsSources sources={recordSources(rollup)} onSelect={props.onSelectSheet} /> : null}
      {unsure ? mapper : null}
      {rollup?.coverage ? <RollupsCoverage coverage={rollup.coverage} /> : null}
      {rollup?.coverage ? <RollupsAreas coverage={rollup.coverage} /> : null}
      {sv ? (
        <RollupsCategories
          id="systems"
          title={s('rollupSystemsTitle')}
          total={sv.systems}
          segments={categorySegments(sv.byCategory, sv.shares)}
          unclassified={sv.unclassified}
          headline={bact ? { label: s('rollupBacterio'), value: bact.rate, detail: s('rollupBacterioDetail', { passed: fmt(L, bact.passed), samples: fmt(L, bact.samples) }) } : null}
        />
      ) : null}
      {pp ? (
        <RollupsCategories
          id="providers"
          title={s('rollupProvidersTitle')}
          total={pp.providers}
          segments={categorySegments(pp.byCategory, pp.shares)}
          unclassified={pp.unclassified}
          headline={{ label: s('rollupGood'), value: pp.goodPerformanceShare, detail: s('rollupGoodDetail', { count: fmt(L, pp.byCategory.A), of: fmt(L, categorised) }) }}
        />
      ) : null}
      {unsure ? null : mapper}
      {any && findings.length ? (
        <FindingsList
          title={s('rollupFindingsTitle')}
          id="rollup-findings"
          findings={shown}
          allFindings={findings}
          severity={severity}
          onSeverity={setSeverity}
          onSelect={props.onSelectFinding}
          selected={props.selected}
        />
      ) : null}
    </>
  );
}
