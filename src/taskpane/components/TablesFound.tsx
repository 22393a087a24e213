// The tables the check recognised (sheet, range, number of actions); each one selects its range.
import * as React from 'react';
import { Button, makeStyles, tokens, Badge } from '@fluentui/react-components';
import { TableSimple20Regular } from '@fluentui/react-icons';
import type { TableResult } from '../../core/model';
import { useStrings } from '../strings';
import { Section } from './Section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', minHeight: '36px' },
  text: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  sheet: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  range: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
});

export function TablesFound({
  tables,
  onSelect,
  actions,
}: {
  tables: readonly TableResult[];
  onSelect: (sheet: string, range: string) => void;
  actions?: React.ReactNode;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  return (
    <Section title={s('tablesTitle')} count={tables.length} id="tables" actions={actions}>
      <ul className={styles.list} data-testid="tables-list">
        {tables.map((t) => (
          <li key={`${t.sheet}!${t.range}`}>
            <Button
              appearance="subtle"
              className={styles.item}
              icon={<TableSimple20Regular />}
              onClick={() => onSelect(t.sheet, t.range)}
              data-testid="table-item"
            >
              <span className={styles.text}>
                <span className={styles.sheet}>{t.sheet}</span>
                <span className={styles.range}>{t.range}</span>
              </span>
              <Badge appearance="tint" color="brand" data-testid="table-actions">
                {s('tableActions', { count: t.actions.length })}
              </Badge>
            </Button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
