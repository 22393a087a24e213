// The Results tab: the results frameworks the last check found (worked out on the whole workbook, in the
// worker in browser mode), with their bands; an indicator or a finding selects its cell.
import * as React from 'react';
import type { PaneSession } from '../session';
import { ResultsView } from '../components/ResultsView';

export function ResultsTab({ session }: { session: PaneSession }): React.JSX.Element {
  const { result, selected, highlighted, caps } = session.state;
  return (
    <ResultsView
      result={result?.frameworks ?? null}
      onSelect={(sheet, cell) => session.select(sheet, cell)}
      onSelectFinding={session.selectFinding}
      selected={selected}
      highlights={{
        on: highlighted,
        can: caps?.conditionalFormats ?? true,
        busy: session.isBusy,
        onHighlight: () => void session.highlight(),
        onRemove: () => void session.removeHighlights(),
      }}
      writes={{ busy: session.isBusy, onWrite: (w) => void session.writeActual(w) }}
    />
  );
}
