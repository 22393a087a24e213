// What changed since the previous "Refresh status": the last entry of the history the workbook keeps
// in our sheet (src/core/refresh-history.ts), and the earlier ones folded away.
import * as React from 'react';
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RefreshEntry } from '../../core/refresh-history';
import { useStrings, type Strings } from '../strings';
import { Section } from './Section';

/** Ids shown per line; the count says how many there are in all. */
const IDS_SHOWN = 20;

const useStyles = makeStyles({
  line: { display: 'block', marginTop: tokens.spacingVerticalXS },
  ids: { color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground3, display: 'block', marginTop: tokens.spacingVerticalS },
  earlier: { marginTop: tokens.spacingVerticalS, '& ul': { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL } },
});

function ids(list: readonly string[], total: number): string {
  if (!list.length) return '';
  return `: ${list.slice(0, IDS_SHOWN).join(', ')}${total > Math.min(list.length, IDS_SHOWN) ? ', …' : ''}`;
}

/** One entry in words: when, the figures, and what changed (or that it was the first). */
function changeLines(s: Strings, e: RefreshEntry): string[] {
  if (!e.compared) return [s('historyFirst')];
  if (!e.newlyOverdueCount && !e.newlyCompletedCount) return [s('historyNothing')];
  const out: string[] = [];
  if (e.newlyOverdueCount) out.push(s('historyNewOverdue', { count: e.newlyOverdueCount }) + ids(e.newlyOverdue, e.newlyOverdueCount));
  if (e.newlyCompletedCount) out.push(s('historyNewCompleted', { count: e.newlyCompletedCount }) + ids(e.newlyCompleted, e.newlyCompletedCount));
  return out;
}

export function RefreshHistory({ history, sheetName }: { history: readonly RefreshEntry[]; sheetName: string | null }): React.JSX.Element | null {
  const s = useStrings();
  const styles = useStyles();
  const [last, ...earlier] = history;
  if (!last) return null;
  const when = (e: RefreshEntry): string => s('historyWhen', { at: e.at, asOf: s.date(e.asOf), overdue: e.overdue, completed: e.completed });
  return (
    <Section title={s('historyTitle')} id="history">
      <div data-testid="history-last">
        <Text className={styles.line}>{when(last)}</Text>
        {changeLines(s, last).map((l) => (
          <Text key={l} className={styles.line} weight="semibold" data-testid="history-change">
            {l}
          </Text>
        ))}
      </div>
      {earlier.length ? (
        <details className={styles.earlier} data-testid="history-earlier">
          <summary>{s('historyEarlier', { count: earlier.length })}</summary>
          <ul>
            {earlier.map((e) => (
              <li key={`${e.at}|${e.asOf}|${e.overdue}`}>
                <Caption1>{[when(e), ...changeLines(s, e)].join(' ')}</Caption1>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {sheetName ? <Caption1 className={styles.note}>{s('historySource', { sheet: sheetName })}</Caption1> : null}
    </Section>
  );
}
