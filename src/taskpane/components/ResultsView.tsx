// The Results view: each results framework's indicators with their band, % met and a small
// target-against-actual chart (plain SVG); an indicator or a finding selects its cell in the sheet.
import * as React from 'react';
import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Band, Framework, FrameworkIndicator, FrameworkResult } from '../../core/framework';
import { bandLabel } from '../../core/framework/sheets';
import type { Finding, Severity } from '../../core/findings';
import { catalogue, fill } from '../../core/i18n';
import { useStrings } from '../strings';
import { FindingsList } from './FindingsList';
import { Section } from './Section';

/** Band colours, as the "Indicadores" sheet fills them. */
export const BAND_COLORS: Readonly<Record<Band, string>> = {
  on_track: '#107C41',
  at_risk: '#C19C00',
  over: '#CA5010',
  under: '#C50F1F',
  no_data: '#8A8886',
};

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    width: '100%',
    display: 'grid',
    gridTemplateColumns: '1fr 120px',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  text: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center', marginTop: '2px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  component: { margin: `${tokens.spacingVerticalS} 0 2px`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  summary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginBottom: tokens.spacingVerticalS },
  bands: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  empty: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function percent(p: number | null): string {
  return p === null ? '—' : `${Math.round(p * 1000) / 10}%`;
}

function shown(v: number | string | null): string {
  return v === null ? '—' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : v;
}

/** Target and actual to date as two bars on one scale (qualitative indicators have none). */
export function TargetActualChart({ indicator }: { indicator: FrameworkIndicator }): React.JSX.Element | null {
  const s = useStrings();
  const x = catalogue(s.lang).framework;
  const { targetToDate: target, actualToDate: actual } = indicator;
  if (typeof target !== 'number' || typeof actual !== 'number') return null;
  const max = Math.max(Math.abs(target), Math.abs(actual), 1e-9);
  const w = 110;
  const bar = (v: number) => Math.max(2, Math.round((Math.abs(v) / max) * w));
  const label = fill(x.paneChart, { target: shown(target), actual: shown(actual) });
  return (
    <svg viewBox={`0 0 ${w} 22`} width={w} height={22} role="img" aria-label={label} data-testid="target-actual-chart" data-target={target} data-actual={actual}>
      <title>{label}</title>
      <rect x={0} y={2} width={bar(target)} height={8} rx={2} fill="#8A8886" data-bar="target" />
      <rect x={0} y={12} width={bar(actual)} height={8} rx={2} fill={BAND_COLORS[indicator.band]} data-bar="actual" />
    </svg>
  );
}

function IndicatorRow({
  f,
  i,
  onSelect,
  selected,
}: {
  f: Framework;
  i: FrameworkIndicator;
  onSelect: (sheet: string, cell: string) => void;
  selected: string | null;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const x = catalogue(s.lang).framework;
  const key = `${f.sheet}!${i.cells.indicator}`;
  const unexplained = (i.band === 'under' || i.band === 'over') && !i.comment;
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(styles.item, selected === key && styles.selected)}
        onClick={() => onSelect(f.sheet, i.cells.indicator)}
        data-testid="result-indicator"
        data-band={i.band}
        data-id={i.id ?? ''}
      >
        <span>
          <span className={styles.text}>{i.id ? `${i.id} ${i.text}` : i.text}</span>
          <span className={styles.meta}>
            <Badge appearance="filled" style={{ backgroundColor: BAND_COLORS[i.band] }} size="small">
              {bandLabel(i.band, x)}
            </Badge>
            {i.percentMet !== null ? <span>{fill(x.paneMet, { percent: percent(i.percentMet) })}</span> : null}
            {i.measure === 'qualitative' && i.actualToDate !== null ? <span>{`${shown(i.actualToDate)} / ${shown(i.targetToDate)}`}</span> : null}
            {i.actualSource === 'records' && i.actualToDate !== null ? <span>{x.paneFromRecords}</span> : null}
            {unexplained ? <span>{x.paneNoComment}</span> : null}
          </span>
        </span>
        <TargetActualChart indicator={i} />
      </button>
    </li>
  );
}

export interface ResultsViewProps {
  readonly result: FrameworkResult | null;
  readonly onSelect: (sheet: string, cell: string) => void;
  readonly onSelectFinding: (f: Finding) => void;
  readonly selected: string | null;
}

export function ResultsView({ result, onSelect, onSelectFinding, selected }: ResultsViewProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const x = catalogue(s.lang).framework;
  const [severity, setSeverity] = React.useState<Severity | 'all'>('all');
  const frameworks = result?.frameworks ?? [];
  if (!frameworks.length) {
    return (
      <Section title={x.paneTitle} id="results">
        <p className={styles.empty} data-testid="results-empty">
          {x.paneEmpty}
        </p>
      </Section>
    );
  }
  const findings = result?.findings ?? [];
  const shownFindings = severity === 'all' ? findings : findings.filter((f) => f.severity === severity);
  return (
    <div className={styles.stack}>
      {frameworks.map((f) => {
        let component: string | null = null;
        return (
          <Section key={`${f.sheet}!${f.range}`} title={x.paneTitle} count={f.indicators.length} id={`results-${f.sheet}-${f.range}`.replace(/[^A-Za-z0-9-]/g, '-')}>
            <div className={styles.summary}>{fill(x.paneFramework, { sheet: f.sheet, range: f.range, indicators: f.indicators.length, period: f.latestEndedPeriod ?? '—' })}</div>
            <div className={styles.bands} data-testid="results-bands">
              {(Object.entries(f.bands) as [Band, number][])
                .filter(([, n]) => n > 0)
                .map(([b, n]) => (
                  <Badge key={b} appearance="tint" data-band={b} data-count={n}>{`${bandLabel(b, x)}: ${n}`}</Badge>
                ))}
            </div>
            <ul className={styles.list}>
              {f.indicators.map((i) => {
                const heading = i.component !== component ? i.component : null;
                component = i.component;
                return (
                  <React.Fragment key={i.row}>
                    {heading ? <li className={styles.component}>{heading}</li> : null}
                    <IndicatorRow f={f} i={i} onSelect={onSelect} selected={selected} />
                  </React.Fragment>
                );
              })}
            </ul>
          </Section>
        );
      })}
      {findings.length ? (
        <FindingsList
          findings={shownFindings}
          allFindings={findings}
          severity={severity}
          onSeverity={setSeverity}
          onSelect={onSelectFinding}
          selected={selected}
          title={x.paneFindings}
          id="results-findings"
        />
      ) : null}
    </div>
  );
}
