// A titled card; the title is a heading so screen-reader users can jump between sections.
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../strings';

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxShadow: tokens.shadow2,
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  count: {
    marginLeft: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
});

export function Section({
  title,
  count,
  id,
  actions,
  children,
}: {
  title: string;
  count?: number;
  id: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  const s = useStrings();
  return (
    <section className={styles.root} aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <div className={styles.head}>
        <h2 className={styles.title} id={`${id}-title`}>
          {title}
          {count !== undefined ? <span className={styles.count}>({s.num(count)})</span> : null}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
