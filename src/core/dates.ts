// Calendar arithmetic on ISO dates (YYYY-MM-DD) and Excel serials, all in UTC days.

const MS_PER_DAY = 86_400_000;
/** Serial 0 in the 1900 system is 1899-12-31, but Excel counts a phantom 1900-02-29 (serial 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function isValidYMD(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function toISO(y: number, m: number, d: number): string {
  const yy = String(y).padStart(4, '0');
  return `${yy}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a strict ISO date; null when it is not one or not a real day. */
export function parseISO(s: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return isValidYMD(y, mo, d) ? { y, m: mo, d } : null;
}

const dayNumbers = new Map<string, number>();

export function isoToDayNumber(iso: string): number {
  // Deadlines and the as-of date repeat across thousands of actions: parse each once.
  const hit = dayNumbers.get(iso);
  if (hit !== undefined) return hit;
  const p = parseISO(iso);
  if (!p) throw new RangeError(`not an ISO date: ${iso}`);
  const day = Date.UTC(p.y, p.m - 1, p.d) / MS_PER_DAY;
  if (dayNumbers.size > 10_000) dayNumbers.clear();
  dayNumbers.set(iso, day);
  return day;
}

export function dayNumberToISO(day: number): string {
  const dt = new Date(day * MS_PER_DAY);
  return toISO(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return isoToDayNumber(b) - isoToDayNumber(a);
}


/**
 * Excel serial (time of day dropped) to ISO. 1900 system: serials below 61 sit before Excel's
 * phantom 1900-02-29, so they are one day later than plain arithmetic says; serial 60 itself is
 * the phantom day and has no real date (null).
 */
const serialISO = [new Map<number, string | null>(), new Map<number, string | null>()];

export function serialToISO(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  // Plans repeat the same deadlines many times: convert each day once.
  const cache = serialISO[date1904 ? 1 : 0] as Map<number, string | null>;
  const hit = cache.get(whole);
  if (hit !== undefined) return hit;
  const iso = wholeSerialToISO(whole, date1904);
  if (cache.size > 20_000) cache.clear();
  cache.set(whole, iso);
  return iso;
}

function wholeSerialToISO(whole: number, date1904: boolean): string | null {
  if (date1904) {
    if (whole < 0) return null;
    return dayNumberToISO(EPOCH_1904 / MS_PER_DAY + whole);
  }
  if (whole < 1) return null;
  if (whole === 60) return null;
  const adjusted = whole < 60 ? whole + 1 : whole;
  return dayNumberToISO(EPOCH_1900 / MS_PER_DAY + adjusted);
}

/** ISO to Excel serial in the chosen date system (inverse of serialToISO). */
export function isoToSerial(iso: string, date1904 = false): number {
  const day = isoToDayNumber(iso);
  if (date1904) return day - EPOCH_1904 / MS_PER_DAY;
  const s = day - EPOCH_1900 / MS_PER_DAY;
  return s <= 60 ? s - 1 : s;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Today's date where the caller runs, as ISO (hosts pass it in; the engine never reads the clock). */
export function isoFromLocalDate(d: Date): string {
  return toISO(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Largest serial Excel shows as a date (9999-12-31); above it Excel shows ####. */
export function maxSerial(date1904 = false): number {
  return date1904 ? 2_957_003 : 2_958_465;
}

/** Serial 60 in the 1900 system: the 1900-02-29 Excel counts though it never existed. */
export function isPhantomSerial(serial: number, date1904 = false): boolean {
  return !date1904 && Number.isFinite(serial) && Math.floor(serial) === 60;
}

/** A two-digit year the way Excel reads one typed in a cell: 00–29 → 2000s, 30–99 → 1900s. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

/** The last day of a month as ISO. */
export function monthEndISO(y: number, m: number): string {
  return toISO(y, m, daysInMonth(y, m));
}
