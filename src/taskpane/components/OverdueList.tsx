// Overdue actions with days overdue and responsible, grouped by recommendation or lead organisation.
// Each item is a button: it selects the action's row in the sheet.
import * as React from 'react';
import { Button, makeStyles, tokens, RadioGroup, Radio, Field, mergeClasses } from '@fluentui/react-components';
import type { GroupBy, OverdueGroup, OverdueItem } from '../logic';
import { useStrings } from '../strings';
import { Section } from './Section';

const useStyles = makeStyles({
  groupHead: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: 'uppercase',
    letterSpacing: '0.03em',
    display: 'flex',
    justifyContent: 'space-between',
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    width: '100%',
    display: 'grid',
    gridTemplateColumns: '44px 1fr auto',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalS,
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
    borderLeft: '3px solid #C50F1F',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover, color: tokens.colorNeutralForeground1 },
    ':hover:active': { color: tokens.colorNeutralForeground1 },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `1px solid ${tokens.colorBrandStroke2}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorNeutralForeground1 },
  },
  id: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  body: { minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  text: {
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  days: {
    color: '#A80000',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
  empty: { color: tokens.colorNeutralForeground3 },
  radios: { marginBottom: tokens.spacingVerticalXS },
});

export function OverdueList({
  groups,
  total,
  groupBy,
  onGroupBy,
  onSelect,
  selected,
}: {
  groups: readonly OverdueGroup[];
  total: number;
  groupBy: GroupBy;
  onGroupBy: (g: GroupBy) => void;
  onSelect: (item: OverdueItem) => void;
  selected: string | null;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const groupLabel = (g: OverdueGroup): string =>
    groupBy === 'recommendation'
      ? g.label === null
        ? s('groupNoRecommendation')
        : s('groupRecommendationLabel', { n: g.label })
      : (g.label ?? s('groupNoLead'));
  return (
    <Section title={s('overdueTitle')} count={total} id="overdue">
      {total === 0 ? (
        <p className={styles.empty}>{s('noneOverdue')}</p>
      ) : (
        <>
          <Field label={s('groupBy')} className={styles.radios}>
            <RadioGroup layout="horizontal" value={groupBy} onChange={(_, d) => onGroupBy(d.value as GroupBy)}>
              <Radio value="recommendation" label={s('groupRecommendation')} />
              <Radio value="lead" label={s('groupLead')} />
            </RadioGroup>
          </Field>
          {groups.map((g) => (
            <div key={g.key} role="group" aria-labelledby={`og-${g.key}`} data-testid="overdue-group">
              <h3 className={styles.groupHead} id={`og-${g.key}`}>
                <span>{groupLabel(g)}</span>
                <span>{g.items.length}</span>
              </h3>
              <ul className={styles.list}>
                {g.items.map((it) => {
                  const a = it.action;
                  const key = `${it.sheet}!${it.address}`;
                  return (
                    <li key={key}>
                      <Button
                        appearance="transparent"
                        className={mergeClasses(styles.item, selected === key && styles.selected)}
                        onClick={() => onSelect(it)}
                        aria-label={`${a.id ?? ''} ${a.text}. ${s('daysOverdue', { days: a.daysOverdue ?? 0 })}. ${s('selectRow', { row: a.row, sheet: it.sheet })}`}
                        data-testid="overdue-item"
                        data-action-id={a.id ?? ''}
                      >
                        <span className={styles.id}>{a.id ?? '—'}</span>
                        <span className={styles.body}>
                          <span className={styles.text}>{a.text}</span>
                          <span className={styles.meta}>
                            {a.deadline ? `${s('dueOn', { deadline: s.date(a.deadline) })} · ` : ''}
                            {a.responsible ?? s('groupNoLead')}
                          </span>
                        </span>
                        <span className={styles.days}>{s('daysOverdue', { days: a.daysOverdue ?? 0 })}</span>
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </>
      )}
    </Section>
  );
}
