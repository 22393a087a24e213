import { clearTextCaches, textCache, withTextCaches } from '../../src/core/caches';
import { checkWorkbook } from '../../src/core/check';
import { foldWords } from '../../src/core/text';
import { book, sheet } from '../helpers/grids';

describe('text caches', () => {
  it('are emptied after an engine pass, even one that throws', () => {
    const cache = textCache<number>();
    expect(withTextCaches(() => (cache.set('a', 1), cache.size))).toBe(1);
    expect(cache.size).toBe(0);
    expect(() => withTextCaches(() => (cache.set('b', 2), JSON.parse('{')))).toThrow();
    expect(cache.size).toBe(0);
    clearTextCaches();
  });

  it('keep nothing of a checked workbook (its cell texts may be slices of the whole sheet XML)', () => {
    const probe = textCache<string>();
    const wb = book(sheet('Plan', [['Acción', 'Plazo', 'Estado'], ['Taller regional', '24-Aug-11', 'Concluido.']]));
    foldWords('warm');
    probe.set('x', 'y');
    const r = checkWorkbook(wb, { asOf: '2011-09-15' });
    expect(r.summary.actions).toBe(1);
    expect(probe.size).toBe(0);
  });
});
