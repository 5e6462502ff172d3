import { pythonStrip } from './python/python-strip.js';
import { pyGet, type PyDict } from './python/py-value.js';

/**
 * edX `get_event_username` (util/eventlog.py), used by the activity and
 * engagement tasks: `username` stripped (some carry a trailing newline),
 * empty -> none. A non-null non-string makes edX crash (`.strip()`).
 * Answer distribution does NOT use this: it keeps the raw, unstripped value.
 */
export type EventUsernameResult = { username: string } | { skip: 'no-username' } | { crash: 'username-not-string' };

export function eventUsername(event: PyDict): EventUsernameResult {
  const raw = pyGet(event, 'username');
  if (raw === undefined || raw === null) return { skip: 'no-username' };
  if (typeof raw !== 'string') return { crash: 'username-not-string' };
  const username = pythonStrip(raw);
  return username === '' ? { skip: 'no-username' } : { username };
}
