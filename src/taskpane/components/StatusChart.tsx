// A small horizontal bar chart in plain SVG: counts by status, then overdue (no chart library).
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ChartBar } from '../logic';
import { useStrings } from '../strings';

export const BAR_COLORS: Record<ChartBar['id'], string> = {
  completed: '#107C41',
  in_progress: '#0F6CBD',
  not_started: '#8A8886',
  not_applicable: '#B3B0AD',
  missing: '#CA5010',
  unknown: '#8764B8',
  overdue: '#C50F1F',
};

const useStyles = makeStyles({
  root: { display: 'block', width: '100%' },
  label: { fontSize: '12px', fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase },
  count: { fontSize: '12px', fontWeight: 600, fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase },
  track: { fill: tokens.colorNeutralBackground3 },
});

export function StatusChart({ bars, title }: { bars: readonly ChartBar[]; title: string }): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const labelOf = (b: ChartBar): string => (b.id === 'overdue' ? s('chartOverdue') : s.status(b.id));
  const max = Math.max(1, ...bars.map((b) => b.count));
  const rowH = 24;
  const labelW = 118;
  const countW = 44; // "3.723" at 12 px bold
  const width = 320;
  const barW = width - labelW - countW;
  const height = bars.length * rowH + 6;
  const description = bars.map((b) => s('chartBar', { label: labelOf(b), count: b.count })).join(', ');
  return (
    <svg
      className={styles.root}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${title}: ${description}`}
      data-testid="status-chart"
    >
      <title>{`${title}: ${description}`}</title>
      {bars.map((b, i) => {
        const y = i * rowH + (b.id === 'overdue' ? 6 : 0);
        const w = Math.round((b.count / max) * barW);
        return (
          <g key={b.id} data-bar={b.id} data-count={b.count}>
            {b.id === 'overdue' ? <line x1={0} x2={width} y1={y - 3} y2={y - 3} stroke="#E1DFDD" strokeWidth={1} /> : null}
            <text className={styles.label} x={0} y={y + 15}>
              {labelOf(b)}
            </text>
            <rect className={styles.track} x={labelW} y={y + 5} width={barW} height={12} rx={3} />
            <rect x={labelW} y={y + 5} width={Math.max(b.count ? 3 : 0, w)} height={12} rx={3} fill={BAR_COLORS[b.id]} />
            <text className={styles.count} x={width} y={y + 15} textAnchor="end">
              {s.num(b.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
