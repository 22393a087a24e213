// SIASAR A–D for water systems or providers: one stacked bar in the SIASAR colours, the counts,
// and the headline figure under it (bacteriological compliance, or good performance).
import * as React from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { fmt, pct } from '../../core/rollup/sheets';
import { CHART_COLORS } from '../../core/rollup-charts';
import type { CategorySegment } from '../rollups';
import { useStrings } from '../strings';
import { Section } from './Section';

const useStyles = makeStyles({
  bar: { display: 'flex', height: '20px', borderRadius: '6px', overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground3, gap: '2px' },
  legend: { display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  cat: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  catHead: { display: 'flex', alignItems: 'center', gap: '6px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  swatch: { width: '10px', height: '10px', borderRadius: '3px', flexShrink: 0 },
  catCount: { fontSize: '18px', lineHeight: '24px', fontWeight: 600, fontVariantNumeric: 'tabular-nums' },
  catShare: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  headline: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  headValue: { fontSize: '22px', lineHeight: '30px', fontWeight: 600, fontVariantNumeric: 'tabular-nums' },
  headLabel: { fontWeight: 600, color: tokens.colorNeutralForeground2 },
  headDetail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexBasis: '100%' },
  note: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3 },
});

export function RollupsCategories({
  id,
  title,
  total,
  segments,
  unclassified,
  headline,
}: {
  id: 'systems' | 'providers';
  title: string;
  total: number;
  segments: readonly CategorySegment[];
  unclassified: number;
  headline: { label: string; value: number | null; detail: string } | null;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const L = s.lang;
  const sum = segments.reduce((n, x) => n + x.count, 0);
  const describe = (x: CategorySegment): string => s('rollupCategory', { category: x.category, count: fmt(L, x.count), share: pct(L, x.share) });
  return (
    <Section title={title} count={total} id={`rollup-${id}`}>
      <div className={styles.bar} role="img" aria-label={`${title}: ${segments.map(describe).join(', ')}`} data-testid={`rollup-${id}-bar`}>
        {segments
          .filter((x) => x.count > 0)
          .map((x) => (
            <div key={x.category} title={describe(x)} style={{ flexGrow: x.count, flexBasis: 0, minWidth: '3px', backgroundColor: CHART_COLORS[x.category] }} />
          ))}
        {sum === 0 ? <div style={{ flexGrow: 1 }} /> : null}
      </div>
      <div className={styles.legend}>
        {segments.map((x) => (
          <div key={x.category} className={styles.cat} data-testid={`rollup-${id}-cat`} data-category={x.category} data-count={x.count}>
            <span className={styles.catHead}>
              <span className={styles.swatch} style={{ backgroundColor: CHART_COLORS[x.category] }} aria-hidden />
              {x.category}
            </span>
            <span className={styles.catCount}>{fmt(L, x.count)}</span>
            <span className={styles.catShare}>{pct(L, x.share)}</span>
          </div>
        ))}
      </div>
      {unclassified ? <Caption1 className={styles.note}>{s('rollupUnclassified', { count: fmt(L, unclassified) })}</Caption1> : null}
      {headline ? (
        <div className={styles.headline} data-testid={`rollup-${id}-headline`}>
          <span className={styles.headValue}>{pct(L, headline.value)}</span>
          <span className={styles.headLabel}>{headline.label}</span>
          <span className={styles.headDetail}>{headline.detail}</span>
        </div>
      ) : null}
    </Section>
  );
}
