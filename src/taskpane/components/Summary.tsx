// Headline figures and the status chart.
import * as React from 'react';
import { makeStyles, tokens, Text } from '@fluentui/react-components';
import type { CheckResult } from '../../core/model';
import { chartBars } from '../logic';
import { useStrings } from '../strings';
import { StatusChart } from './StatusChart';
import { Section } from './Section';

const useStyles = makeStyles({
  kpis: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  kpi: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  kpiValue: { fontSize: '24px', lineHeight: '30px', fontWeight: 600, fontVariantNumeric: 'tabular-nums' },
  overdue: { color: '#C50F1F' },
  kpiLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function Summary({ result }: { result: CheckResult }): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const findings = result.findings.filter((f) => f.code !== 'overdue').length;
  const title = s('chartTitle', { asOf: s.date(result.asOf) });
  return (
    <Section title={s('summaryTitle')} id="summary">
      <div className={styles.kpis}>
        <div className={styles.kpi} data-testid="kpi-actions">
          <span className={styles.kpiValue}>{s.num(result.summary.actions)}</span>
          <span className={styles.kpiLabel}>{s('kpiActions')}</span>
        </div>
        <div className={styles.kpi} data-testid="kpi-overdue">
          <span className={`${styles.kpiValue} ${result.summary.overdue ? styles.overdue : ''}`}>{s.num(result.summary.overdue)}</span>
          <span className={styles.kpiLabel}>{s('kpiOverdue')}</span>
        </div>
        <div className={styles.kpi} data-testid="kpi-findings">
          <span className={styles.kpiValue}>{findings}</span>
          <span className={styles.kpiLabel}>{s('kpiFindings')}</span>
        </div>
      </div>
      <Text size={200} weight="semibold" block>
        {title}
      </Text>
      <StatusChart bars={chartBars(result)} title={title} />
    </Section>
  );
}
