// Findings with a severity filter; each one selects its cell.
import * as React from 'react';
import { Button, makeStyles, tokens, mergeClasses, ToggleButton } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled, Info16Filled } from '@fluentui/react-icons';
import type { Finding, Severity } from '../../core/findings';
import { severityCounts } from '../logic';
import { useStrings } from '../strings';
import { Section } from './Section';
import { PageFoot, SkipLink, usePage } from './Paged';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    width: '100%',
    display: 'grid',
    gridTemplateColumns: '18px 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover, color: tokens.colorNeutralForeground1 },
    ':hover:active': { color: tokens.colorNeutralForeground1 },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  icon: { marginTop: '2px' },
  error: { color: '#C50F1F' },
  warning: { color: '#BC4B09' },
  info: { color: '#0F6CBD' },
  msg: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  where: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground3 },
});

export function FindingsList({
  findings,
  allFindings,
  severity,
  onSeverity,
  onSelect,
  selected,
  title,
  id = 'findings',
}: {
  findings: readonly Finding[];
  allFindings: readonly Finding[];
  severity: Severity | 'all';
  onSeverity: (s: Severity | 'all') => void;
  onSelect: (f: Finding) => void;
  selected: string | null;
  /** Another list of findings (the roll-ups') gets its own title and section id. */
  title?: string;
  id?: string;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const page = usePage(findings);
  const counts = severityCounts(allFindings);
  const shown = findings.slice(0, page.limit);
  const filters: { id: Severity | 'all'; label: string }[] = [
    { id: 'all', label: s('severityAll', { count: counts.all }) },
    { id: 'error', label: s('severityError', { count: counts.error }) },
    { id: 'warning', label: s('severityWarning', { count: counts.warning }) },
    { id: 'info', label: s('severityInfo', { count: counts.info }) },
  ];
  const icon = (sev: Severity): React.JSX.Element =>
    sev === 'error' ? (
      <ErrorCircle16Filled className={mergeClasses(styles.icon, styles.error)} aria-hidden />
    ) : sev === 'warning' ? (
      <Warning16Filled className={mergeClasses(styles.icon, styles.warning)} aria-hidden />
    ) : (
      <Info16Filled className={mergeClasses(styles.icon, styles.info)} aria-hidden />
    );
  return (
    <Section title={title ?? s('findingsTitle')} count={allFindings.length} id={id}>
      <div className={styles.filters} role="group" aria-label={s('severityFilter')}>
        {filters.map((f) => (
          <ToggleButton
            key={f.id}
            size="small"
            shape="circular"
            checked={severity === f.id}
            appearance={severity === f.id ? 'primary' : 'secondary'}
            onClick={() => onSeverity(f.id)}
            data-testid={`severity-${f.id}`}
          >
            {f.label}
          </ToggleButton>
        ))}
      </div>
      {findings.length === 0 ? (
        <p className={styles.empty}>{s('noFindings')}</p>
      ) : (
        <>
          <SkipLink to={`${id}-end`} />
          <ul className={styles.list} data-testid="findings-list">
            {shown.map((f, i) => {
              const where = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : (f.sheet ?? '');
              const key = `${where}#${f.code}#${i}`;
              const message = s.finding(f);
              return (
                <li key={key}>
                  <Button
                    appearance="transparent"
                    className={mergeClasses(styles.item, selected === where && styles.selected)}
                    onClick={() => onSelect(f)}
                    disabled={!f.sheet || !f.cell}
                    data-testid="finding-item"
                    data-severity={f.severity}
                  >
                    {icon(f.severity)}
                    <span className={styles.msg}>
                      {message}
                      {where ? <span className={styles.where}>{where}</span> : null}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <PageFoot shown={shown.length} total={findings.length} onMore={page.more} anchor={`${id}-end`} testId="findings" />
    </Section>
  );
}
