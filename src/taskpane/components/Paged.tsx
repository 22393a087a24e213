// Long lists draw a page at a time: the first PAGE_SIZE items, then "Show 50 more". A skip link jumps
// past the list for keyboard and screen-reader users; the count says how many are drawn of how many.
import * as React from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../strings';

export const PAGE_SIZE = 50;

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: '-10000px',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    ':focus': {
      position: 'static',
      width: 'auto',
      height: 'auto',
      display: 'inline-block',
      padding: '2px 6px',
      backgroundColor: tokens.colorNeutralBackground1,
      outline: `2px solid ${tokens.colorBrandStroke1}`,
    },
  },
  foot: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** How many items are drawn; back to one page whenever `reset` changes (a new filter, a new check). */
export function usePage(reset: unknown): { limit: number; more: () => void } {
  const [limit, setLimit] = React.useState(PAGE_SIZE);
  React.useEffect(() => setLimit(PAGE_SIZE), [reset]);
  return { limit, more: () => setLimit((l) => l + PAGE_SIZE) };
}

/** The skip link, before a list: moves focus to the anchor after it. */
export function SkipLink({ to }: { to: string }): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  return (
    <a
      href={`#${to}`}
      className={styles.skip}
      data-testid="skip-link"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(to)?.focus();
      }}
    >
      {s('skipList')}
    </a>
  );
}

/** After a list: "Showing 50 of 3.723", the button for more, and the skip link's target. */
export function PageFoot({
  shown,
  total,
  onMore,
  anchor,
  testId,
}: {
  shown: number;
  total: number;
  onMore: () => void;
  anchor: string;
  testId: string;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.foot} id={anchor} tabIndex={-1}>
      {total > shown ? (
        <>
          <Caption1 className={styles.muted} data-testid={`${testId}-shown`}>
            {s('shownOf', { shown, total })}
          </Caption1>
          <Button size="small" appearance="subtle" onClick={onMore} data-testid={`${testId}-more`}>
            {s('showMore', { count: Math.min(PAGE_SIZE, total - shown) })}
          </Button>
        </>
      ) : null}
    </div>
  );
}
