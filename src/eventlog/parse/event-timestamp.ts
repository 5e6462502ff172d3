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
  if (text.length === 26) {
    const canonical = canonicalTimestamp(text);
    if (canonical !== undefined) return canonical;
  }
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

/**
 * The usual shape, `YYYY-MM-DDTHH:MM:SS.ffffff`, checked without the regex
 * (this runs on every event). Returns the answer for texts of that shape and
 * undefined for anything else, which then takes the general path.
 */
function canonicalTimestamp(text: string): string | null | undefined {
  for (const i of DIGIT_POSITIONS) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.')
    return undefined;
  const year = field(text, 0, 4);
  const month = field(text, 5, 7);
  const day = field(text, 8, 10);
  const valid =
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    field(text, 11, 13) <= 23 &&
    field(text, 14, 16) <= 59 &&
    field(text, 17, 19) <= 59;
  if (!valid) return null;
  return text.endsWith('.000000') ? text.slice(0, 19) : text;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22, 23, 24, 25];

function field(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 0x30;
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return 29;
  return DAYS_IN_MONTH[month - 1] as number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
