// The Roll-ups tab: the figures of the record sheets, their column maps, the threshold and writing them.
import * as React from 'react';
import type { PaneSession } from '../session';
import { RollupsView } from '../components/RollupsView';

export function RollupsTab({ session }: { session: PaneSession }): React.JSX.Element {
  const { state, isBusy } = session;
  return (
    <RollupsView
      rollup={session.rollup}
      grid={state.grid}
      rollupMap={state.settings.rollupMap}
      onMapApply={(kind, m) => void session.changeRollupMap(kind, m)}
      onMapReset={(kind) => void session.changeRollupMap(kind, null)}
      thresholdText={state.thresholdInput}
      thresholdValid={session.thresholdValid}
      onThresholdText={session.changeThreshold}
      onWrite={() => void session.writeRollupSheets()}
      onSelectSheet={(sheet, range) => session.select(sheet, range)}
      onSelectFinding={session.selectFinding}
      selected={state.selected}
      busy={isBusy}
      charts={session.host.kind === 'office'}
    />
  );
}
