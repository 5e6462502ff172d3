import { isTruthy } from './python/python-truthy.js';
import { pyGet, type PyDict } from './python/py-value.js';

/**
 * The event date other tracking-log tasks filter on (edX
 * `EventLogSelectionMixin.get_event_and_date_string`): the raw `time` text
 * before the first `T`, no parsing ("strptime is extremely slow"), so any
 * truthy string passes and the interval check is a string comparison.
 * `missing-time`: absent or falsy (edX counter "Discard Missing Time Field");
 * `time-not-string`: a truthy non-string, on which edX crashes (`.split`).
 */
export type EventDateResult = { date: string } | { skip: 'missing-time' } | { crash: 'time-not-string' };

export function eventDate(event: PyDict): EventDateResult {
  const time = pyGet(event, 'time');
  if (!isTruthy(time)) return { skip: 'missing-time' };
  if (typeof time !== 'string') return { crash: 'time-not-string' };
  const t = time.indexOf('T');
  return { date: t === -1 ? time : time.slice(0, t) };
}

/** edX's interval test on that date: `lower <= date < upper`, both `YYYY-MM-DD`, compared as strings. */
export function isDateInInterval(date: string, lower: string, upper: string): boolean {
  return date >= lower && date < upper;
}
