// Milestone calendars in the pane: every milestone by period or by partner, overdue first. Each item
// is a button that selects its calendar cell. Statuses come from the tracking sheet (see the hint).
import * as React from 'react';
import { Button, Field, makeStyles, mergeClasses, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { byPartner, byPeriod } from '../../core/calendar/report';
import type { CalendarResult, Milestone } from '../../core/calendar/types';
import { catalogue, fill } from '../../core/i18n';
import { useStrings } from '../strings';
import { Section } from './Section';

export type MilestoneGrouping = 'period' | 'partner';

const useStyles = makeStyles({
  groupHead: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    width: '100%',
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalS,
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover, color: tokens.colorNeutralForeground1 },
  },
  overdue: { borderLeft: '3px solid #C50F1F' },
  selected: { backgroundColor: tokens.colorBrandBackground2, outline: `1px solid ${tokens.colorBrandStroke2}` },
  body: { minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  text: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  days: { color: '#A80000', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: `0 0 ${tokens.spacingVerticalS}` },
});

interface Group {
  readonly key: string;
  readonly label: string;
  readonly items: readonly Milestone[];
  readonly overdue: number;
}

function groupsOf(cal: CalendarResult, grouping: MilestoneGrouping, dueWord: (iso: string) => string): Group[] {
  if (grouping === 'period') {
    return byPeriod(cal).map((g) => ({
      key: `p:${g.period.label}`,
      label: g.period.end ? `${g.period.label} · ${dueWord(g.period.end)}` : g.period.label,
      items: g.items,
      overdue: g.overdue,
    }));
  }
  return byPartner(cal).map((g) => ({
    key: `s:${g.section ?? ''}:${g.partner}`,
    label: g.section ? `${g.partner} · ${g.section}` : g.partner,
    items: g.items,
    overdue: g.overdue,
  }));
}

export function MilestoneCalendar({
  calendars,
  trackingSheet,
  onSelect,
  selected,
}: {
  calendars: readonly CalendarResult[];
  /** The name the tracking sheet has (or will have) in this workbook. */
  trackingSheet: string;
  onSelect: (sheet: string, cell: string) => void;
  selected: string | null;
}): React.JSX.Element | null {
  const s = useStrings();
  const x = catalogue(s.lang).calendar;
  const styles = useStyles();
  const [grouping, setGrouping] = React.useState<MilestoneGrouping>('period');
  if (!calendars.length) return null;
  const all = calendars.flatMap((c) => c.items);
  const overdue = all.filter((m) => m.overdue).length;
  return (
    <Section title={x.paneTitle} count={all.length} id="milestones">
      <p className={styles.hint} data-testid="milestones-summary">
        {fill(x.paneSummary, { count: s.num(all.length), overdue: s.num(overdue) })}. {fill(x.paneTrackingHint, { sheet: trackingSheet })}
      </p>
      <Field label={x.paneGroupBy}>
        <RadioGroup layout="horizontal" value={grouping} onChange={(_, d) => setGrouping(d.value as MilestoneGrouping)}>
          <Radio value="period" label={x.paneByPeriod} data-testid="milestones-by-period" />
          <Radio value="partner" label={x.paneByPartner} data-testid="milestones-by-partner" />
        </RadioGroup>
      </Field>
      {calendars.map((cal) =>
        groupsOf(cal, grouping, (iso) => fill(x.paneDue, { due: s.date(iso) })).map((g) => (
          <div key={`${cal.sheet}|${g.key}`} role="group" aria-labelledby={`mg-${cal.sheet}-${g.key}`} data-testid="milestone-group">
            <h3 className={styles.groupHead} id={`mg-${cal.sheet}-${g.key}`}>
              <span>{g.label}</span>
              <span>{fill(x.paneGroupCount, { overdue: g.overdue, count: g.items.length })}</span>
            </h3>
            <ul className={styles.list}>
              {g.items.map((m, i) => {
                const key = `${cal.sheet}!${m.cell}`;
                return (
                  <li key={`${key}#${i}`}>
                    <Button
                      appearance="transparent"
                      className={mergeClasses(styles.item, m.overdue && styles.overdue, selected === key && styles.selected)}
                      onClick={() => onSelect(cal.sheet, m.cell)}
                      data-testid="milestone-item"
                      data-overdue={m.overdue ? 'true' : 'false'}
                    >
                      <span className={styles.body}>
                        <span className={styles.text}>{m.text}</span>
                        <span className={styles.meta}>{grouping === 'period' ? m.partner : m.period}</span>
                      </span>
                      {m.overdue ? (
                        <span className={styles.days}>{fill(x.paneDays, { days: s.num(m.daysOverdue ?? 0) })}</span>
                      ) : (
                        <span className={styles.status}>{s.status(m.status)}</span>
                      )}
                    </Button>
                  </li>
                );
              })}
            </ul>
          </div>
        )),
      )}
    </Section>
  );
}
