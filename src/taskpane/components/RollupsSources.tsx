// The record sheets the roll-up read (each one selects its rows), and the kinds it did not find.
import * as React from 'react';
import { Badge, Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, Warning16Filled } from '@fluentui/react-icons';
import type { RecordKind } from '../../core/rollup/types';
import { fmt } from '../../core/rollup/sheets';
import type { RecordSource } from '../rollups';
import type { PaneKey } from '../strings';
import { useStrings } from '../strings';
import { Section } from './Section';

const KIND_LABEL: Readonly<Record<RecordKind, PaneKey>> = {
  coverage: 'rollupKindCoverage',
  systems: 'rollupKindSystems',
  providers: 'rollupKindProviders',
};

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', minHeight: '40px' },
  missing: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '40px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  warnIcon: { color: '#BC4B09', flexShrink: 0, width: '20px', display: 'flex', justifyContent: 'center' },
  text: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  kind: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  badges: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: '2px' },
  dim: { color: tokens.colorNeutralForeground3 },
});

export function RollupsSources({
  sources,
  onSelect,
}: {
  sources: readonly RecordSource[];
  onSelect: (sheet: string, range: string) => void;
}): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const found = sources.filter((x) => x.sheet !== null).length;
  return (
    <Section title={s('rollupSourcesTitle')} count={found} id="rollup-sources">
      <ul className={styles.list} data-testid="rollup-sources">
        {sources.map((src) => {
          const kind = s(KIND_LABEL[src.kind]);
          if (src.sheet === null || src.range === null) {
            return (
              <li key={src.kind} className={styles.missing} data-testid="rollup-source" data-kind={src.kind} data-found="false">
                <span className={styles.warnIcon}>
                  <Warning16Filled aria-hidden />
                </span>
                <span className={mergeClasses(styles.text, styles.dim)}>
                  <span className={styles.kind}>{kind}</span>
                </span>
                <Badge appearance="tint" color="warning">
                  {s('rollupMissing')}
                </Badge>
              </li>
            );
          }
          const { sheet, range } = src;
          return (
            <li key={src.kind}>
              <Button
                appearance="subtle"
                className={styles.item}
                icon={<DocumentTableRegular />}
                onClick={() => onSelect(sheet, range)}
                data-testid="rollup-source"
                data-kind={src.kind}
                data-found="true"
              >
                <span className={styles.text}>
                  <span className={styles.kind}>{kind}</span>
                  <span className={styles.where}>
                    {sheet} · {range}
                  </span>
                </span>
                <span className={styles.badges}>
                  <Badge appearance="tint" color="brand" data-testid="rollup-records">
                    {s('rollupRecords', { count: fmt(s.lang, src.records) })}
                  </Badge>
                  {src.skipped ? <Caption1 className={styles.dim}>{s('rollupSkipped', { count: fmt(s.lang, src.skipped) })}</Caption1> : null}
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
