import {
  expandTwoDigitYear, isPhantomSerial, isoToSerial, maxSerial, monthEndISO, serialToISO,
} from '../../src/core/dates';

describe('serialToISO', () => {
  it.each<[number, boolean, string | null]>([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, null], // Excel's phantom 29 Feb 1900
    [61, false, '1900-03-01'],
    [40667, false, '2011-05-04'],
    [40667.99, false, '2011-05-04'],
    [45366, false, '2024-03-15'],
    [2958465, false, '9999-12-31'],
    [0, false, null],
    [-1, false, null],
    [Number.NaN, false, null],
    [Number.POSITIVE_INFINITY, false, null],
    [0, true, '1904-01-01'],
    [1, true, '1904-01-02'],
    [60, true, '1904-03-01'],
    [39205, true, '2011-05-04'],
    [2957003, true, '9999-12-31'],
    [-1, true, null],
  ])('serial %p (1904: %p) → %p', (serial, date1904, iso) => {
    expect(serialToISO(serial, date1904)).toBe(iso);
  });

  it.each<[string, boolean, number]>([
    ['1900-01-01', false, 1],
    ['1900-02-28', false, 59],
    ['1900-03-01', false, 61],
    ['2011-05-04', false, 40667],
    ['1904-01-01', true, 0],
    ['2011-05-04', true, 39205],
  ])('isoToSerial(%p, 1904: %p) → %p, and back', (iso, date1904, serial) => {
    expect(isoToSerial(iso, date1904)).toBe(serial);
    expect(serialToISO(serial, date1904)).toBe(iso);
  });
});

describe('maxSerial', () => {
  it('is 9999-12-31 in each date system, and the next serial has no date', () => {
    expect(serialToISO(maxSerial(false), false)).toBe('9999-12-31');
    expect(serialToISO(maxSerial(true), true)).toBe('9999-12-31');
    expect(maxSerial()).toBe(2958465);
    expect(maxSerial(true)).toBe(2957003);
  });
});

describe('isPhantomSerial', () => {
  it.each<[number, boolean, boolean]>([
    [60, false, true],
    [60.25, false, true],
    [59, false, false],
    [61, false, false],
    [60, true, false],
    [Number.NaN, false, false],
  ])('%p (1904: %p) → %p', (serial, date1904, phantom) => {
    expect(isPhantomSerial(serial, date1904)).toBe(phantom);
  });
});

describe('expandTwoDigitYear', () => {
  it.each<[number, number]>([
    [0, 2000], [11, 2011], [29, 2029], [30, 1930], [99, 1999],
  ])('%p → %p', (yy, y) => {
    expect(expandTwoDigitYear(yy)).toBe(y);
  });
});

describe('monthEndISO', () => {
  it.each<[number, number, string]>([
    [2024, 2, '2024-02-29'],
    [2023, 2, '2023-02-28'],
    [1900, 2, '1900-02-28'],
    [2000, 2, '2000-02-29'],
    [2024, 4, '2024-04-30'],
    [2024, 12, '2024-12-31'],
  ])('%p-%p → %p', (y, m, iso) => {
    expect(monthEndISO(y, m)).toBe(iso);
  });
});
