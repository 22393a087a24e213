// The Plan tab: as-of date, refresh and export, the tables found, summary, tools, overdue and findings.
import * as React from 'react';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { OverdueItem } from '../logic';
import { listedFindings, overdueItems } from '../logic';
import { upcomingItems } from '../list-filter';
import type { PaneSession } from '../session';
import { Summary } from '../components/Summary';
import { TablesFound } from '../components/TablesFound';
import { ColumnMapper } from '../components/ColumnMapper';
import { recognisedMapping } from '../mapping-prefill';
import { Tools } from '../components/Tools';
import { OverdueList } from '../components/OverdueList';
import { FindingsList } from '../components/FindingsList';
import { MilestoneCalendar } from '../components/MilestoneCalendar';
import { trackingSheetName } from '../../core/calendar';
import { catalogue } from '../../core/i18n';
import { Section } from '../components/Section';
import { ExportDialog } from '../components/ExportDialog';
import { RefreshHistory } from '../components/RefreshHistory';
import { findHistorySheet } from '../../core/refresh-history';

const useStyles = makeStyles({
  asOfRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  asOf: { flexGrow: 1, minWidth: '150px' },
  actionRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, '& > *': { flexGrow: 1 } },
});

export function PlanTab({ session }: { session: PaneSession }): React.JSX.Element {
  const styles = useStyles();
  const { state, s, isBusy, engine } = session;
  const { result, grid, mapping, groupBy, severity, selected } = state;
  const items = React.useMemo(() => (result ? overdueItems(result) : []), [result]);
  const upcoming = React.useMemo(() => (result ? upcomingItems(result) : []), [result]);
  const findings = React.useMemo(() => (result ? listedFindings(result, severity) : []), [result, severity]);
  const allFindings = React.useMemo(() => (result ? listedFindings(result, 'all') : []), [result]);
  // A workbook whose only content is a milestone calendar was checked: no "no table" warning.
  const noTable = !!result && result.tables.length === 0 && !result.calendars?.length;
  const selectOverdue = (it: OverdueItem): void => session.select(it.sheet, it.address);
  // Until the user picks one, the picker shows the date the check used: the workbook's stated cut-off, else today.
  const source = !state.asOfPicked ? result?.asOfSource : undefined;
  const shownAsOf = source && result ? result.asOf : state.asOf;
  const asOfHint =
    source?.kind === 'workbook'
      ? s('asOfFromWorkbook', { where: `${source.sheet ?? ''}!${source.cell ?? ''}`, text: source.text ?? '' })
      : s('asOfHint');

  return (
    <>
      <div className={styles.asOfRow}>
        <Field label={s('asOf')} hint={asOfHint} className={styles.asOf}>
          <Input type="date" value={shownAsOf} onChange={(_, d) => session.changeAsOf(d.value)} data-testid="as-of" />
        </Field>
      </div>
      <div className={styles.actionRow}>
        <Tooltip content={s('refreshHint')} relationship="description">
          <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={() => void session.refresh()} disabled={isBusy || !result} data-testid="refresh">
            {s('refresh')}
          </Button>
        </Tooltip>
        <ExportDialog check={result} rollup={session.rollup} defaultLang={s.lang} busy={isBusy} onExport={(c) => void session.exportDonors(c ?? undefined)} />
      </div>
      <RefreshHistory history={state.history} sheetName={(grid && findHistorySheet(grid.sheets)?.name) ?? null} />

      {noTable && grid ? (
        <MessageBar intent="warning" layout="multiline" data-testid="no-table">
          <MessageBarBody>
            <MessageBarTitle>{s('noTableTitle')}</MessageBarTitle>
            {s('noTableBody')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {grid && (noTable || mapping) ? (
        <Section title={s('mapTitle')} id="mapper">
          <ColumnMapper
            grid={grid}
            initial={noTable ? undefined : recognisedMapping(result)}
            onApply={(sheet, m) => void session.applyMapping(sheet, m)}
            onCancel={noTable ? undefined : () => session.setView({ mapping: false })}
            disabled={isBusy}
          />
        </Section>
      ) : null}
      {result && !noTable ? (
        <>
          <TablesFound
            tables={result.tables}
            onSelect={(sheet, range) => session.select(sheet, range)}
            actions={
              mapping ? null : (
                <Button size="small" appearance="subtle" onClick={() => session.setView({ mapping: true })}>
                  {s('mapManual')}
                </Button>
              )
            }
          />
          <Summary result={result} />
          <Tools
            highlighted={state.highlighted}
            highlightNote={state.highlightNote}
            onHighlight={() => void session.highlight()}
            onRemoveHighlights={() => void session.removeHighlights()}
            onDropdowns={() => void session.dropdowns()}
            canRemoveDropdowns={state.dropdownsUndoable}
            onRemoveDropdowns={() => void session.removeDropdowns()}
            conversions={session.conversions}
            onConvert={() => void session.convert()}
            canUndo={state.undoable}
            onUndo={() => void session.undo()}
            busy={isBusy}
            canHighlight={state.caps?.conditionalFormats ?? true}
            canDropdowns={state.caps?.dataValidation ?? true}
            convertSheetName={s('convSheetName')}
          />
          <OverdueList
            items={items}
            upcoming={upcoming}
            lead={engine.leadOrganisation}
            groupBy={groupBy}
            onGroupBy={(g) => session.setView({ groupBy: g })}
            onSelect={selectOverdue}
            selected={selected}
          />
          <MilestoneCalendar
            calendars={result.calendars ?? []}
            trackingSheet={(grid && trackingSheetName(grid)) ?? catalogue(s.lang).calendar.trackingSheetName}
            onSelect={(sheet, cell) => session.select(sheet, cell)}
            selected={selected}
          />
          <FindingsList
            findings={findings}
            allFindings={allFindings}
            severity={severity}
            onSeverity={(v) => session.setView({ severity: v })}
            onSelect={session.selectFinding}
            selected={selected}
          />
        </>
      ) : null}
    </>
  );
}
