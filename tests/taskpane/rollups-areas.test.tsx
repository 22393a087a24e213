/**
 * @jest-environment jsdom
 */
// Roll-up areas drawn a page at a time (like the overdue list), with the skip link past them: a
// generated 2,000-community workbook has hundreds of departments and municipalities.
import './jsdom-text';
import * as React from 'react';
import { render, screen, fireEvent } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { RollupsAreas } from '../../src/taskpane/components/RollupsAreas';
import { PAGE_SIZE } from '../../src/taskpane/components/Paged';
import { StringsContext, makeStrings } from '../../src/taskpane/strings';
import { rollupWorkbook } from '../../src/core/rollup';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { CoverageResult } from '../../src/core/rollup/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateMonitoringWorkbook } = require('../../scripts/bench-rollup-data.js') as {
  generateMonitoringWorkbook: (o: { communities: number }) => { bytes: Uint8Array };
};

const coverage: CoverageResult = rollupWorkbook(readXlsx(generateMonitoringWorkbook({ communities: 2000 }).bytes), { lang: 'es', threshold: 0.8 }).coverage!;

function show(c: CoverageResult) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={makeStrings('es')}>
        <RollupsAreas coverage={c} />
      </StringsContext.Provider>
    </FluentProvider>,
  );
}

describe('roll-up areas', () => {
  it('draws the first 50 areas in hierarchical order, then 50 more per click, with a skip link past them', () => {
    const total = coverage.areas.length;
    expect(total).toBeGreaterThan(3 * PAGE_SIZE);
    show(coverage);
    const names = () => screen.getAllByTestId('rollup-area').map((r) => r.querySelector('th')?.textContent);
    expect(names()).toEqual(coverage.areas.slice(0, PAGE_SIZE).map((a) => a.name));
    expect(screen.getByTestId('rollup-areas-shown').textContent).toBe(`Se muestran 50 de ${total}`);
    expect(screen.getByTestId('skip-link').getAttribute('href')).toBe('#rollup-areas-end');
    expect(document.getElementById('rollup-areas-end')).not.toBeNull();
    fireEvent.click(screen.getByTestId('rollup-areas-more'));
    expect(names()).toEqual(coverage.areas.slice(0, 2 * PAGE_SIZE).map((a) => a.name));
    // The first row is a department, the next its first municipality (indented under it).
    expect(coverage.areas[0]?.parent).toBeNull();
    expect(coverage.areas[1]?.parent).toBe(coverage.areas[0]?.name);
  });

  it('draws a short list whole, without a skip link or a "show more"', () => {
    show({ ...coverage, areas: coverage.areas.slice(0, 12) });
    expect(screen.getAllByTestId('rollup-area')).toHaveLength(12);
    expect(screen.queryByTestId('skip-link')).toBeNull();
    expect(screen.queryByTestId('rollup-areas-more')).toBeNull();
  });
});
