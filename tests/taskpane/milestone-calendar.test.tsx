/**
 * @jest-environment jsdom
 */
// The pane's milestone list in jsdom, on the English calendar fixture: by period and by partner,
// overdue first, each item selecting its calendar cell.
import './jsdom-text';
import * as fs from 'fs';
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MilestoneCalendar } from '../../src/taskpane/components/MilestoneCalendar';
import { makeStrings, StringsContext } from '../../src/taskpane/strings';
import { checkWorkbook } from '../../src/core/check';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { WATER_CALENDAR } from '../fixtures';

const result = checkWorkbook(readXlsx(fs.readFileSync(WATER_CALENDAR)), { asOf: '2024-11-15' });

function renderList(onSelect: (sheet: string, cell: string) => void) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={makeStrings('en')}>
        <MilestoneCalendar calendars={result.calendars ?? []} trackingSheet="Milestone tracking" onSelect={onSelect} selected={null} />
      </StringsContext.Provider>
    </FluentProvider>,
  );
}

it('lists the milestones by period, overdue first, and selects a milestone\'s cell', () => {
  const picked: string[] = [];
  renderList((sheet, cell) => picked.push(`${sheet}!${cell}`));
  expect(screen.getByTestId('milestones-summary').textContent).toBe(
    'Milestones: 19; overdue: 7. Each milestone\'s status is typed in the "Milestone tracking" sheet, which "Refresh status" writes and keeps.',
  );
  const groups = screen.getAllByTestId('milestone-group');
  expect(groups.map((g) => within(g).getAllByTestId('milestone-item').length)).toEqual([3, 2, 2, 3, 2, 1, 2, 3, 1]);
  expect(within(groups[0]!).getAllByTestId('milestone-item').map((b) => b.getAttribute('data-overdue'))).toEqual(['true', 'true', 'true']);
  expect(within(groups[3]!).getAllByTestId('milestone-item').map((b) => b.getAttribute('data-overdue'))).toEqual(['false', 'false', 'false']);
  fireEvent.click(within(groups[1]!).getAllByTestId('milestone-item')[1]!);
  expect(picked).toEqual(['Milestone calendar!C7']);
});

it('groups by partner, the most overdue first', () => {
  renderList(() => undefined);
  fireEvent.click(screen.getByLabelText('By partner'));
  const groups = screen.getAllByTestId('milestone-group');
  expect(groups.map((g) => g.querySelector('h3 span')?.textContent)).toEqual([
    'Ministry of Environment · Outcome 1: Policy and regulation',
    'Water Regulator (ARAS) · Outcome 1: Policy and regulation',
    'Municipal associations · Outcome 1: Policy and regulation',
    'Water boards (JAAPs) · Outcome 2: Services',
    'NGO partners · Outcome 2: Services',
    'Programme team · Outcome 3: Knowledge',
  ]);
  expect(within(groups[0]!).getAllByTestId('milestone-item').map((b) => b.getAttribute('data-overdue'))).toEqual(['true', 'true', 'true', 'false']);
});
