import { eventDate } from './event-date.js';
import { parseEventLine } from './parse-event-line.js';
import type { PyDict } from './python/py-value.js';

/** edX's counter for a line edX could not read (EventLogSelectionMixin, group "Event"). */
export const UNPARSEABLE_EVENT = 'Discard Unparseable Event';
/** edX's counter for an event with no usable `time`. */
export const MISSING_TIME_FIELD = 'Discard Missing Time Field';
/** edX's usual counter for an event dated outside --interval (a few tasks say "Discard Event Outside Interval"). */
export const OUTSIDE_DATE_INTERVAL = 'Discard Outside Date Interval';

export type EventInIntervalDrop<Outside extends string = typeof OUTSIDE_DATE_INTERVAL> = typeof UNPARSEABLE_EVENT | typeof MISSING_TIME_FIELD | Outside;

export type EventInIntervalResult<Outside extends string = typeof OUTSIDE_DATE_INTERVAL> =
  | { event: PyDict; date: string }
  | { drop: EventInIntervalDrop<Outside> };

const EVENT_LEVEL_DROPS: ReadonlySet<string> = new Set([UNPARSEABLE_EVENT, MISSING_TIME_FIELD, OUTSIDE_DATE_INTERVAL]);

/**
 * The start every tracking-log mapper shares (edX `get_event_and_date_string`):
 * parse the line edX's way, take the day of its `time` (the text before `T`)
 * and keep the event only when `inInterval(day)`. Each way a line is dropped
 * comes back as its counter name; `outside` renames the last one for the
 * tasks whose edX counter is worded differently. A `time` that is truthy but
 * not text (edX crashes on it) is counted as missing, not thrown.
 */
export function parseEventInInterval<Outside extends string = typeof OUTSIDE_DATE_INTERVAL>(
  line: string,
  inInterval: (day: string) => boolean,
  outside: Outside = OUTSIDE_DATE_INTERVAL as Outside,
): EventInIntervalResult<Outside> {
  const parsed = parseEventLine(line);
  if ('error' in parsed) return { drop: UNPARSEABLE_EVENT };
  const day = eventDate(parsed.event);
  if (!('date' in day)) return { drop: MISSING_TIME_FIELD };
  if (!inInterval(day.date)) return { drop: outside };
  return { event: parsed.event, date: day.date };
}

/** Whether a drop is one of those three (with the usual wording): tasks that count their own drops elsewhere count these under "Event", as edX does. */
export function isEventLevelDrop(drop: string): boolean {
  return EVENT_LEVEL_DROPS.has(drop);
}
