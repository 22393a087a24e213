// Overdue actions with days overdue and responsible, grouped by recommendation or lead organisation,
// searchable and filtered by responsible, status and recommendation, drawn a page at a time; then the
// actions due in the next 30 days. Each item is a button: it selects the action's row in the sheet.
import * as React from 'react';
import { Button, makeStyles, tokens, RadioGroup, Radio, Field, Input, Select, mergeClasses } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { groupOverdue, type GroupBy, type OverdueGroup, type OverdueItem } from '../logic';
import { facets, filterItems, NO_FILTER, type ListFilter, type UpcomingItem } from '../list-filter';
import type { StatusId } from '../../core/model';
import { PageFoot, SkipLink, usePage } from './Paged';
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
  // The card: its button holds only the short name's words (id, days, "Go to row"), so the name a screen
  // reader says is the text shown in it; the action's text sits beside it, and the button's ::after
  // covers the whole card so a click anywhere on it selects the row.
  item: {
    position: 'relative',
    display: 'grid',
    gridTemplateColumns: '44px 1fr',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    borderLeft: '3px solid #C50F1F',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `1px solid ${tokens.colorBrandStroke2}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  hit: {
    gridColumn: '1 / -1',
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    padding: 0,
    minHeight: 'auto',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground1,
    '::after': { content: '""', position: 'absolute', inset: 0, borderRadius: tokens.borderRadiusMedium },
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':hover:active': { color: tokens.colorNeutralForeground1 },
  },
  id: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  body: { gridColumn: 2, minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  text: {
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  who: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightSemibold,
  },
  soon: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  soonItem: { borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder1}` },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  search: { gridColumn: '1 / -1' },
  days: { color: '#A80000', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  empty: { color: tokens.colorNeutralForeground3 },
  radios: { marginBottom: tokens.spacingVerticalXS },
});

/**
 * The prefix the group's actions carry when it is not the group's number: the plan's band says "Recomendación 10"
 * but its actions read 11.x. The group keeps the band's number; the note points at the numbering finding.
 */
function numberedAs(g: OverdueGroup): string | null {
  if (g.label === null || !/^\d/.test(g.label)) return null;
  for (const it of g.items) {
    const id = it.action.id;
    const dot = id ? id.indexOf('.') : -1;
    if (id && dot > 0 && id.slice(0, dot) !== g.label) return id.slice(0, dot);
  }
  return null;
}

export function OverdueList({
  items,
  upcoming,
  groupBy,
  onGroupBy,
  lead,
  onSelect,
  selected,
}: {
  items: readonly OverdueItem[];
  upcoming: readonly UpcomingItem[];
  groupBy: GroupBy;
  onGroupBy: (g: GroupBy) => void;
  lead: (responsible: string | null) => string | null;
  onSelect: (item: OverdueItem) => void;
  selected: string | null;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [filter, setFilter] = React.useState<ListFilter>(NO_FILTER);
  const options = React.useMemo(() => facets(items, lead), [items, lead]);
  const shownItems = React.useMemo(() => filterItems(items, filter, lead), [items, filter, lead]);
  const groups = React.useMemo(() => groupOverdue(shownItems, groupBy, lead), [shownItems, groupBy, lead]);
  const page = usePage(groups);
  const soon = usePage(upcoming);
  const total = items.length;
  const set = (patch: Partial<ListFilter>): void => setFilter((f) => ({ ...f, ...patch }));
  // A group without a number (a commitment's name) shows its text as it is.
  const groupLabel = (g: OverdueGroup): string =>
    groupBy === 'recommendation'
      ? g.label === null
        ? s('groupNoRecommendation')
        : /^\d/.test(g.label)
          ? s('groupRecommendationLabel', { n: g.label })
          : g.label
      : (g.label ?? s('groupNoLead'));

  // The page: groups in order, cut after `limit` items in all.
  let budget = page.limit;
  const drawn: { g: OverdueGroup; items: readonly OverdueItem[] }[] = [];
  for (const g of groups) {
    if (budget <= 0) break;
    drawn.push({ g, items: g.items.slice(0, budget) });
    budget -= g.items.length;
  }
  const drawnCount = drawn.reduce((n, d) => n + d.items.length, 0);

  const card = (it: OverdueItem, soonDays: number | null): React.JSX.Element => {
    const a = it.action;
    const key = `${it.sheet}!${it.address}`;
    const days = soonDays ?? a.daysOverdue ?? 0;
    const name = s(soonDays !== null ? 'upcomingItemName' : 'overdueItemName', { id: a.id ?? '—', days, row: a.row });
    return (
      <li key={key} className={mergeClasses(styles.item, soonDays !== null && styles.soonItem, selected === key && styles.selected)}>
        <Button
          appearance="transparent"
          className={styles.hit}
          onClick={() => onSelect(it)}
          aria-label={name}
          data-testid={soonDays !== null ? 'upcoming-item' : 'overdue-item'}
          data-action-id={a.id ?? ''}
        >
          <span className={styles.id}>{a.id ?? '—'}</span>{' '}
          {soonDays !== null ? <span className={styles.soon}>{s('dueIn', { days })}</span> : <span className={styles.days}>{s('daysOverdue', { days })}</span>}
        </Button>
        <span className={styles.body} data-testid="item-body">
          <span className={styles.text}>{a.text}</span>
          <span className={styles.who} data-testid="item-responsible">
            {a.responsible ?? s('groupNoLead')}
          </span>
          {a.deadline ? <span className={styles.meta}>{s('dueOn', { deadline: s.date(a.deadline) })}</span> : null}
        </span>
      </li>
    );
  };

  return (
    <>
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
            {total > 1 ? (
              <div className={styles.filters} role="search">
                <Field label={s('listSearch')} className={styles.search}>
                  <Input
                    type="search"
                    contentBefore={<SearchRegular aria-hidden />}
                    placeholder={s('listSearchHint')}
                    value={filter.query}
                    onChange={(_, d) => set({ query: d.value })}
                    data-testid="overdue-search"
                  />
                </Field>
                <Field label={s('filterResponsible')}>
                  <Select value={filter.responsible} onChange={(_, d) => set({ responsible: d.value })} data-testid="filter-responsible">
                    <option value="">{s('filterAll')}</option>
                    {options.responsible.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={s('filterStatus')}>
                  <Select value={filter.status} onChange={(_, d) => set({ status: d.value as StatusId | '' })} data-testid="filter-status">
                    <option value="">{s('filterAll')}</option>
                    {options.status.map((st) => (
                      <option key={st} value={st}>
                        {s.status(st)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={s('filterRecommendation')}>
                  <Select value={filter.recommendation} onChange={(_, d) => set({ recommendation: d.value })} data-testid="filter-recommendation">
                    <option value="">{s('filterAll')}</option>
                    {options.recommendation.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            ) : null}
            {shownItems.length === 0 ? <p className={styles.empty}>{s('noMatches')}</p> : null}
            {drawnCount > 0 ? <SkipLink to="overdue-end" /> : null}
            {drawn.map(({ g, items: its }) => (
              <div key={g.key} role="group" aria-labelledby={`og-${g.key}`} data-testid="overdue-group">
                <h3 className={styles.groupHead} id={`og-${g.key}`}>
                  <span>{groupLabel(g)}</span>
                  <span>{s.num(g.items.length)}</span>
                </h3>
                {groupBy === 'recommendation' && numberedAs(g) ? (
                  <p className={styles.meta} data-testid="group-numbering">
                    {s('groupNumberedAs', { prefix: numberedAs(g) ?? '' })}
                  </p>
                ) : null}
                <ul className={styles.list}>{its.map((it) => card(it, null))}</ul>
              </div>
            ))}
            <PageFoot shown={drawnCount} total={shownItems.length} onMore={page.more} anchor="overdue-end" testId="overdue" />
          </>
        )}
      </Section>
      <Section title={s('upcomingTitle')} count={upcoming.length} id="upcoming">
        {upcoming.length === 0 ? (
          <p className={styles.empty}>{s('noneUpcoming')}</p>
        ) : (
          <>
            <SkipLink to="upcoming-end" />
            <ul className={styles.list}>{upcoming.slice(0, soon.limit).map((it) => card(it, it.daysLeft))}</ul>
            <PageFoot shown={Math.min(soon.limit, upcoming.length)} total={upcoming.length} onMore={soon.more} anchor="upcoming-end" testId="upcoming" />
          </>
        )}
      </Section>
    </>
  );
}
