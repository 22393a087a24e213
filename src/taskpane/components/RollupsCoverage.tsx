// Coverage at a glance: households, water and sanitation coverage (sums over sums), and how many
// areas reach the threshold.
import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { CoverageResult } from '../../core/rollup/types';
import { fmt, pct } from '../../core/rollup/sheets';
import { CHART_COLORS } from '../../core/rollup-charts';
import { useStrings } from '../strings';
import { Section } from './Section';

const useStyles = makeStyles({
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  kpi: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  kpiValue: { fontSize: '22px', lineHeight: '30px', fontWeight: 600, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  kpiLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  above: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  label: { fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  track: { height: '12px', borderRadius: '6px', backgroundColor: tokens.colorNeutralBackground3, overflow: 'hidden' },
  fill: { height: '100%', borderRadius: '6px' },
  count: { fontWeight: 600, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', textAlign: 'right' },
});

export function RollupsCoverage({ coverage }: { coverage: CoverageResult }): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const L = s.lang;
  const above = coverage.areasAboveThreshold;
  const rows = (
    [
      { id: 'water', label: s('kpiWater'), count: above?.water ?? null, color: CHART_COLORS.water },
      { id: 'sanitation', label: s('kpiSanitation'), count: above?.sanitation ?? null, color: CHART_COLORS.sanitation },
    ] as const
  ).filter((r) => r.count !== null);
  return (
    <Section title={s('rollupCoverageTitle')} id="rollup-coverage">
      <div className={styles.kpis}>
        <div className={styles.kpi} data-testid="rollup-households">
          <span className={styles.kpiValue}>{fmt(L, coverage.total.households)}</span>
          <span className={styles.kpiLabel}>{s('kpiHouseholds')}</span>
        </div>
        <div className={styles.kpi} data-testid="rollup-water">
          <span className={styles.kpiValue}>{pct(L, coverage.total.water)}</span>
          <span className={styles.kpiLabel}>{s('kpiWater')}</span>
        </div>
        <div className={styles.kpi} data-testid="rollup-sanitation">
          <span className={styles.kpiValue}>{pct(L, coverage.total.sanitation)}</span>
          <span className={styles.kpiLabel}>{s('kpiSanitation')}</span>
        </div>
      </div>
      {above && rows.length ? (
        <>
          <Text size={200} weight="semibold" block>
            {s('rollupAboveTitle', { threshold: pct(L, coverage.threshold), level: above.levelHeader })}
          </Text>
          <div className={styles.above}>
            {rows.map((r) => {
              const text = s('rollupAboveCount', { count: r.count ?? 0, of: above.of });
              return (
                <React.Fragment key={r.id}>
                  <span className={styles.label}>{r.label}</span>
                  <div className={styles.track} role="img" aria-label={`${r.label}: ${text}`}>
                    <div className={styles.fill} style={{ width: `${above.of ? ((r.count ?? 0) / above.of) * 100 : 0}%`, backgroundColor: r.color }} />
                  </div>
                  <span className={styles.count} data-testid={`rollup-above-${r.id}`}>
                    {text}
                  </span>
                </React.Fragment>
              );
            })}
          </div>
        </>
      ) : null}
    </Section>
  );
}
