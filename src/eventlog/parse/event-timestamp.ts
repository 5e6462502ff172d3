import { isPyDict, pyGet, type PyValue } from './python/py-value.js';

/**
 * edX's event timestamp (`get_event_time_string`, `get_event_time`,
 * `datetime_to_timestamp`; spec 2.2.6): `time` must be a string; keep the part
 * before the first `+`; append `.000000` when it has no `.`; parse it with
 * Python 2's strptime('%Y-%m-%dT%H:%M:%S.%f') and print `isoformat()`.
 * Returns null where edX drops the event.
 *
 * Python 2 strptime's regex is reproduced group for group: 4-digit year,
 * 1-2 digit month/day/hour/minute/second (day may be " 1"), the `T` in any
 * case, 1-6 fraction digits, nothing left over, ASCII digits only (Python 3
 * would accept other Unicode digits; Python 2 did not). Then datetime's
 * calendar checks: year >= 1, no Feb 30, no second 60/61.
 */
const STRPTIME =
  /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])[Tt](2[0-3]|[01]\d|\d):([0-5]\d|\d):(6[01]|[0-5]\d|\d)\.(\d{1,6})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function eventTimestamp(time: unknown): string | null {
  if (typeof time !== 'string') return null;
  const plus = time.indexOf('+');
  let text = plus === -1 ? time : time.slice(0, plus);
  if (!text.includes('.')) text += '.000000';
  const match = STRPTIME.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s, f] = match as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const second = Number(s);
  if (year < 1 || second > 59 || day > daysInMonth(year, month)) return null;
  const date = `${y}-${pad2(month)}-${pad2(day)}T${pad2(Number(h))}:${pad2(Number(mi))}:${pad2(second)}`;
  const micros = (f as string).padEnd(6, '0');
  return micros === '000000' ? date : `${date}.${micros}`;
}

/** eventTimestamp of an event's `time` field (missing -> null). */
export function eventTimestampOf(event: PyValue): string | null {
  return isPyDict(event) ? eventTimestamp(pyGet(event, 'time')) : null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return 29;
  return DAYS_IN_MONTH[month - 1] as number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
