import { charLength } from '../../core/char-length.js';
import { isPyDict, isPyList, pyGet, type PyDict } from './python/py-value.js';
import { tryParsePythonJson } from './python/parse-python-json.js';

/**
 * Why an event has no usable payload (edX `get_event_data`, util/eventlog.py):
 * - `missing`: no `event` field, or null;
 * - `truncated-implicit`: a string of exactly 512 characters containing
 *   `POST` (the tracking middleware cut an implicit event's payload);
 * - `url-encoded`: a string with `=` and no `{` (browser problem_check form);
 * - `unparseable-string`: any other string that is not JSON;
 * - `list`: a JSON list (browser problem_graded);
 * - `not-an-object`: a number, a boolean, or a string decoding to a non-object.
 */
export type EventDataSkip =
  | 'missing'
  | 'truncated-implicit'
  | 'url-encoded'
  | 'unparseable-string'
  | 'list'
  | 'not-an-object';

/**
 * `data` is the payload dict (the event's own object, not a copy: copy it
 * before adding fields); `fromString` says it was decoded from a JSON string
 * (answer distribution must know: edX later reads the raw field, spec 2.8).
 */
export type EventDataResult = { data: PyDict; fromString: boolean } | { skip: EventDataSkip };

const EMPTY_STRING_DATA = (): EventDataResult => ({ data: {}, fromString: true });

export function getEventData(event: PyDict): EventDataResult {
  const value = pyGet(event, 'event');
  if (value === undefined || value === null) return { skip: 'missing' };
  if (typeof value === 'string') return decodeStringPayload(value);
  if (isPyList(value)) return { skip: 'list' };
  if (isPyDict(value)) return { data: value, fromString: false };
  return { skip: 'not-an-object' };
}

function decodeStringPayload(value: string): EventDataResult {
  // `event == ''` gives {} before any other string rule.
  if (value === '') return EMPTY_STRING_DATA();
  if (codePointLength(value) === 512 && value.includes('POST')) return { skip: 'truncated-implicit' };
  if (!value.includes('{') && value.includes('=')) return { skip: 'url-encoded' };
  const decoded = tryParsePythonJson(value);
  if (decoded === undefined) return { skip: 'unparseable-string' };
  return isPyDict(decoded) ? { data: decoded, fromString: true } : { skip: 'not-an-object' };
}

/** Python's len(): code points, not UTF-16 units (only counted near 512, where it matters). */
function codePointLength(s: string): number {
  if (s.length < 512 || s.length > 1024) return s.length;
  return charLength(s);
}
