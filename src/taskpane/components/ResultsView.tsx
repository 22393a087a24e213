// The Results view: each results framework's indicators with their band, % met and a small
// target-against-actual chart (plain SVG); an indicator or a finding selects its cell in the sheet;
// "Highlight the bands" colours them in the user's sheet, in the same colours.
import * as React from 'react';
import { Badge, Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { HighlightFilled, HighlightRegular } from '@fluentui/react-icons';
import type { Band, Framework, FrameworkIndicator, FrameworkResult } from '../../core/framework';
import { bandLabel } from '../../core/framework/sheets';
import { BAND_LOOK } from '../../core/framework/highlight';
import { figureText, percentMetText } from '../../core/framework/format';
import { actualWrites, type ActualWrite } from '../../core/framework/write-actual';
import type { Finding, Severity } from '../../core/findings';
import { catalogue, fill } from '../../core/i18n';
import { useStrings } from '../strings';
import { FindingsList } from './FindingsList';
import { Section } from './Section';

/** A band's badge: the look its cells get in the user's sheet (colour-blind-safe hues, src/core/framework/highlight.ts). */
const badgeStyle = (b: Band): React.CSSProperties => ({ backgroundColor: `#${BAND_LOOK[b].fill}`, color: `#${BAND_LOOK[b].font}` });

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
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
});

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
      <rect x={0} y={12} width={bar(actual)} height={8} rx={2} fill={`#${BAND_LOOK[indicator.band].strong}`} data-bar="actual" />
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
            <Badge appearance="filled" style={badgeStyle(i.band)} size="small">
              {bandLabel(i.band, x)}
            </Badge>
            {i.percentMet !== null ? <span>{fill(x.paneMet, { percent: percentMetText(i.percentMet, s.lang) })}</span> : null}
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
  /** The pane's highlight action (overdue rows, calendar cells and bands, all removable at once); absent: no buttons. */
  readonly highlights?: {
    readonly on: boolean;
    readonly can: boolean;
    readonly busy: boolean;
    readonly onHighlight: () => void;
    readonly onRemove: () => void;
  };
  /** Writing a figure from the records into the user's cell, one cell per click; absent: no offers shown. */
  readonly writes?: {
    readonly busy: boolean;
    readonly onWrite: (w: ActualWrite) => void;
  };
}

/** Figures the records give for cells that are blank or contradict them: listed, written only when picked. */
function RecordWrites({ result, busy, onWrite }: { result: FrameworkResult; busy: boolean; onWrite: (w: ActualWrite) => void }): React.JSX.Element | null {
  const s = useStrings();
  const styles = useStyles();
  const x = catalogue(s.lang).framework;
  const offers = actualWrites(result);
  if (!offers.length) return null;
  return (
    <Section title={x.paneWritesTitle} count={offers.length} id="results-writes">
      <Caption1 className={styles.note}>{x.paneWritesIntro}</Caption1>
      <ul className={styles.list}>
        {offers.map((w) => {
          const value = figureText(w.value, s.lang);
          const typed = w.seen === null ? fill(x.paneWriteTypedBlank, { cell: w.cell }) : fill(x.paneWriteTyped, { cell: w.cell, typed: typeof w.seen === 'number' ? figureText(w.seen, s.lang) : w.seen });
          return (
            <li key={`${w.sheet}!${w.cell}`} className={styles.tools} data-testid="results-write" data-cell={w.cell}>
              <span className={styles.text}>{fill(x.paneWriteLine, { indicator: w.indicator, period: w.period, value, typed })}</span>
              <Button size="small" onClick={() => onWrite(w)} disabled={busy} data-testid="results-write-button">
                {fill(x.paneWriteButton, { value, cell: w.cell })}
              </Button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

export function ResultsView({ result, onSelect, onSelectFinding, selected, highlights, writes }: ResultsViewProps): React.JSX.Element {
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
      {highlights ? (
        <div className={styles.tools}>
          {highlights.on ? (
            <Button icon={<HighlightFilled />} onClick={highlights.onRemove} disabled={highlights.busy} data-testid="results-remove-highlights">
              {s('highlightRemove')}
            </Button>
          ) : (
            <Button icon={<HighlightRegular />} onClick={highlights.onHighlight} disabled={highlights.busy || !highlights.can} data-testid="results-highlight">
              {x.paneHighlight}
            </Button>
          )}
          <Caption1 className={styles.note}>{x.paneHighlightNote}</Caption1>
        </div>
      ) : null}
      {frameworks.map((f) => {
        let component: string | null = null;
        return (
          <Section key={`${f.sheet}!${f.range}`} title={x.paneTitle} count={f.indicators.length} id={`results-${f.sheet}-${f.range}`.replace(/[^A-Za-z0-9-]/g, '-')}>
            <div className={styles.summary}>
              {fill(x.paneFramework, { sheet: f.sheet, range: f.range, indicators: f.indicators.length, period: f.latestEndedPeriod ?? '—' })}
              {' · '}
              <span data-testid="results-scheme" data-scheme={f.bandScheme}>{fill(x.paneScheme, { scheme: x[`scheme_${f.bandScheme}`] })}</span>
            </div>
            <div className={styles.bands} data-testid="results-bands">
              {(Object.entries(f.bands) as [Band, number][])
                .filter(([, n]) => n > 0)
                .map(([b, n]) => (
                  <Badge key={b} appearance="filled" style={badgeStyle(b)} data-band={b} data-count={n}>{`${bandLabel(b, x)}: ${n}`}</Badge>
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
      {writes && result ? <RecordWrites result={result} busy={writes.busy} onWrite={writes.onWrite} /> : null}
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
