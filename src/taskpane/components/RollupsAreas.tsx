// Coverage per area, every level in the sheet's order (each area followed by those under it), drawn a
// page at a time like the overdue list: 100,000 communities make hundreds of areas.
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CoverageResult } from '../../core/rollup/types';
import { fmt, pct } from '../../core/rollup/sheets';
import { useStrings } from '../strings';
import { Section } from './Section';
import { PageFoot, SkipLink, usePage } from './Paged';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: '4px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  td: { padding: '4px 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  name: { textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  top: { fontWeight: tokens.fontWeightSemibold },
  below: { color: '#9C0006' },
});

export function RollupsAreas({ coverage }: { coverage: CoverageResult }): React.JSX.Element | null {
  const s = useStrings();
  const styles = useStyles();
  const L = s.lang;
  const areas = coverage.areas;
  const { limit, more } = usePage(areas);
  if (!areas.length) return null;
  const shown = areas.slice(0, limit);
  const flag = (v: number | null): string | undefined => (v !== null && v < coverage.threshold ? styles.below : undefined);
  return (
    <Section title={s('rollupAreasTitle')} count={areas.length} id="rollup-areas">
      {areas.length > limit ? <SkipLink to="rollup-areas-end" /> : null}
      <div className={styles.wrap}>
        <table className={styles.table} data-testid="rollup-areas">
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {s('rollupAreaCol')}
              </th>
              <th scope="col" className={styles.th}>
                {s('rollupAreaLevel')}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {s('kpiHouseholds')}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {s('kpiWater')}
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                {s('kpiSanitation')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.path.join('\u0000')} data-testid="rollup-area">
                <th scope="row" className={`${styles.td} ${styles.name} ${a.parent === null ? styles.top : ''}`} style={{ paddingLeft: `${6 + (a.path.length - 1) * 12}px` }}>
                  {a.name}
                </th>
                <td className={styles.td}>{a.levelHeader}</td>
                <td className={`${styles.td} ${styles.num}`}>{fmt(L, a.households)}</td>
                <td className={`${styles.td} ${styles.num} ${flag(a.water) ?? ''}`}>{pct(L, a.water)}</td>
                <td className={`${styles.td} ${styles.num} ${flag(a.sanitation) ?? ''}`}>{pct(L, a.sanitation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageFoot shown={shown.length} total={areas.length} onMore={more} anchor="rollup-areas-end" testId="rollup-areas" />
    </Section>
  );
}
