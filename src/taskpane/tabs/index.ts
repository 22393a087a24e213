// The pane's tabs, in the order they show. A new view is one more entry here: an id (also the
// data-testid "tab-<id>"), its label in the catalogue (section "pane") and the component that draws it
// from the session (state + actions; see ../session.ts).
import type * as React from 'react';
import type { PaneSession } from '../session';
import type { PaneKey } from '../strings';
import { PlanTab } from './PlanTab';
import { ResultsTab } from './ResultsTab';
import { RollupsTab } from './RollupsTab';
import { SettingsTab } from './SettingsTab';

export interface PaneTab {
  readonly id: string;
  readonly label: PaneKey;
  readonly View: (props: { session: PaneSession }) => React.JSX.Element;
}

export const PANE_TABS: readonly PaneTab[] = [
  { id: 'plan', label: 'tabPlan', View: PlanTab },
  { id: 'rollups', label: 'tabRollups', View: RollupsTab },
  { id: 'results', label: 'tabResults', View: ResultsTab },
  { id: 'settings', label: 'tabSettings', View: SettingsTab },
];
