// The pane's list filters and the next-30-days group, on the Ecuador plan as of 2011-09-15.
import * as fs from 'fs';
import { checkWorkbook } from '../../src/core/check';
import { leadOrganisation } from '../../src/core/responsible';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { changesSince, facets, filterItems, foldText, NO_FILTER, upcomingItems } from '../../src/taskpane/list-filter';
import { overdueItems } from '../../src/taskpane/logic';
import { makeStrings } from '../../src/taskpane/strings';
import { ECUADOR_PLAN } from '../fixtures';

const grid = readXlsx(new Uint8Array(fs.readFileSync(ECUADOR_PLAN)));
const result = checkWorkbook(grid, { asOf: '2011-09-15', lang: 'es' });
const items = overdueItems(result);
const ids = (xs: readonly { action: { id: string | null } }[]): (string | null)[] => xs.map((x) => x.action.id);

describe('overdue list filters', () => {
  it('keeps every item without a filter', () => {
    expect(filterItems(items, NO_FILTER, leadOrganisation)).toHaveLength(20);
  });

  it.each([
    ['foldText', 'Capacitación ÁGIL', 'capacitacion agil'],
    ['foldText', 'Niño', 'nino'],
  ])('%s(%j) = %j', (_f, input, out) => {
    expect(foldText(input)).toBe(out);
  });

  it('finds by id, words of the text, or the responsible, accents ignored', () => {
    expect(ids(filterItems(items, { ...NO_FILTER, query: '1.2' }, leadOrganisation))).toContain('1.2');
    const byRec = filterItems(items, { ...NO_FILTER, recommendation: '2' }, leadOrganisation);
    expect(ids(byRec).sort()).toEqual(['2.1', '2.2', '2.3']);
    expect(filterItems(items, { ...NO_FILTER, query: 'zzzz-no-such-word' }, leadOrganisation)).toEqual([]);
  });

  it('offers each status, responsible and recommendation the overdue actions have', () => {
    const f = facets(items, leadOrganisation);
    // The plan's band numbers: the block of actions 12.x is headed "N° 9" (the fixture is misnumbered).
    expect(f.recommendation).toEqual(['1', '2', '3', '4', '5', '6', '8', '9', '10', '11']);
    for (const st of f.status) expect(filterItems(items, { ...NO_FILTER, status: st }, leadOrganisation).length).toBeGreaterThan(0);
    const total = f.responsible.reduce((n, r) => n + filterItems(items, { ...NO_FILTER, responsible: r }, leadOrganisation).length, 0);
    expect(total).toBeLessThanOrEqual(20);
  });
});

describe('upcoming (next 30 days)', () => {
  it('lists the open actions due after the as-of date and within 30 days, soonest first', () => {
    expect(upcomingItems(result).map((u) => [u.action.id, u.daysLeft, u.action.deadline])).toEqual([
      ['3.2', 4, '2011-09-19'],
      ['5.2', 5, '2011-09-20'],
      ['11.6', 5, '2011-09-20'],
      ['7.2', 6, '2011-09-21'],
      ['7.1', 7, '2011-09-22'],
      ['10.2', 19, '2011-10-04'],
    ]);
  });
});

describe('counts in the user language', () => {
  it.each([
    ['es', 'shownOf', { shown: 50, total: 3723 }, 'Se muestran 50 de 3.723'],
    ['en', 'shownOf', { shown: 50, total: 3723 }, 'Showing 50 of 3,723'],
    ['es', 'overdueItemName', { id: '1.2', days: 22, row: 15 }, '1.2, 22 días de atraso, Ir a la fila 15'],
    ['es', 'overdueItemName', { id: '1.2', days: 1, row: 15000 }, '1.2, 1 día de atraso, Ir a la fila 15000'],
    ['es', 'dueIn', { days: 1000 }, 'vence en 1.000 días'],
    ['en', 'overdueItemName', { id: '4.1', days: 1234, row: 9 }, '4.1, 1,234 days overdue, Go to row 9'],
  ] as const)('%s %s %j → %j', (lang, key, params, out) => {
    expect(makeStrings(lang)(key, params)).toBe(out);
  });
});

describe('what changed since the last refresh', () => {
  it('names the actions that became overdue ten days later, and none completed', () => {
    const later = checkWorkbook(grid, { asOf: '2011-09-25', lang: 'es' });
    const ch = changesSince(result, later);
    expect([...ch.newlyOverdue].sort()).toEqual(['11.6', '3.2', '5.2', '7.1', '7.2']);
    expect(ch.newlyCompleted).toEqual([]);
    expect(changesSince(result, result)).toEqual({ newlyOverdue: [], newlyCompleted: [] });
  });
});
