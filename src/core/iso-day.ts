/**
 * Calendar days as ISO strings (`2014-03-01`), UTC, no time of day. Strings
 * compare in date order, go into paths as they are, and never shift with the
 * machine's time zone, which is why date parameters use them instead of Date.
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (2014-02-30 is not one). */
export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Milliseconds since the epoch at 00:00 UTC of `day`. */
export function isoDayToMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The UTC day containing `ms` (or a Date). */
export function isoDayOf(ms: number | Date): string {
  return new Date(typeof ms === 'number' ? ms : ms.getTime()).toISOString().slice(0, 10);
}

/** `day` moved by `n` days (negative goes back). */
export function addDays(day: string, n: number): string {
  return isoDayOf(isoDayToMs(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoDayToMs(b) - isoDayToMs(a)) / DAY_MS);
}

/** Monday of ISO week `week` of ISO year `year` (week 1 holds January 4th). */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return isoDayOf(jan4 - weekday * DAY_MS + (week - 1) * 7 * DAY_MS);
}

/** Number of ISO weeks in `year`: 53 when it starts on a Thursday (or a Wednesday in a leap year). */
export function isoWeeksInYear(year: number): number {
  const dec28 = isoDayOf(Date.UTC(year, 11, 28));
  return daysBetween(isoWeekMonday(year, 1), dec28) >= 52 * 7 ? 53 : 52;
}
