// The Settings tab: language, extra status words and column maps saved with the workbook.
import * as React from 'react';
import type { PaneSession } from '../session';
import { SettingsPanel } from '../components/SettingsPanel';

export function SettingsTab({ session }: { session: PaneSession }): React.JSX.Element {
  return (
    <SettingsPanel
      settings={session.state.settings}
      autoLang={session.props.defaultLang}
      busy={session.isBusy}
      onSave={(next) => void session.saveSettingsFromPanel(next)}
    />
  );
}
