import { parseEventInInterval, type EventInIntervalDrop } from '../../eventlog/parse/index.js';

/** What the total-events mapper makes of one line: the day it counts for, or why it is not counted. */
export type EventDayResult = { day: string; replacedBytes: boolean } | { drop: EventInIntervalDrop };

/**
 * edX TotalEventsDailyTask.mapper (monitor/overall_events.py): every line
 * that parses as an event with a `time` inside --interval counts once for
 * the day of that `time` (the text before `T`). Nothing else is required:
 * implicit events, events without user, course or org ids all count.
 * `replacedBytes`: the line held bytes that are not UTF-8 (decoded as
 * U+FFFD, as every task here decodes them); the event still counts, and the
 * task reports how many did, so a monitor sees the damage.
 */
export function eventDayOf(line: string, inInterval: (day: string) => boolean): EventDayResult {
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return dated;
  return { day: dated.date, replacedBytes: line.includes('\uFFFD') };
}
