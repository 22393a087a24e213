// Does an Excel number format show a date? Decides whether a number read from a cell is a DateCell.
// Office.js returns `numberFormat` in the invariant (English) code, so tokens are d, m, y, h, s.

/** Removes what never names a date part: quoted text, escaped and padding characters. */
function stripLiterals(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
}

/**
 * True when the format renders a number as a calendar date (with or without a time).
 * Time-only formats ("h:mm") and elapsed durations ("[h]:mm") are not dates.
 */
export function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string') return false;
  const trimmed = fmt.trim();
  if (!trimmed || trimmed === '@' || /^general$/i.test(trimmed)) return false;
  // Dates are positive numbers: the first section decides.
  const first = stripLiterals(trimmed).split(';')[0] ?? '';
  // [$-F800] is Windows' "system long date"; [$-F400] is the system time.
  if (/\[\$-F800\]/i.test(first)) return true;
  // Elapsed time: a duration, not a day of the calendar.
  if (/\[(h+|m+|s+)\]/i.test(first)) return false;
  const body = first.replace(/\[[^\]]*\]/g, '').replace(/general/gi, '');
  if (/[dy]/i.test(body)) return true;
  // "m" alone is a month; next to h or s it is minutes ("h:mm", "mm:ss").
  return /m/i.test(body) && !/[hs]/i.test(body);
}
