import { isIsoDay } from '../../core/index.js';
import { parseEventInInterval, pyGet, type EventInIntervalDrop } from '../../eventlog/parse/index.js';
import { exceedsColumn } from '../warehouse/field-checks.js';
import type { KnownEvents } from './known-events.js';

/** The category of an event the known events file does not list (edX's word). */
export const UNKNOWN_CATEGORY = 'unknown';

/** One counted event: the key edX's mapper emits, field for field. */
export interface EventTypeRecord {
  date: string;
  category: string;
  eventType: string;
  eventSource: string;
  /** edX's "exported": the (source, type) pair is in the known events file. */
  exported: boolean;
}

/** Why a line is not counted: the "Event" group's drops, or one of this task's. */
export type EventTypeDrop =
  | EventInIntervalDrop
  | 'Discard Missing Event Type'
  | 'Discard Missing Event Source'
  | 'Discard Event Type Not A String'
  | 'Discard Event Source Not A String'
  | 'Discard Bad Date'
  | 'Discard Event Type Or Source Not UTF-8'
  | 'Discard Field Longer Than 255';

/** An implicit event (the LMS logs every request as an event whose type is the URL path): edX leaves them out, on purpose. */
export const IMPLICIT_SKIP = 'Skip Implicit Event (type starts with /)';

export type EventTypeResult = { record: EventTypeRecord; replacedBytes: boolean } | { drop: EventTypeDrop } | { skip: typeof IMPLICIT_SKIP };

/**
 * edX EventTypeDistributionTask.mapper (event_type_dist.py): an event of
 * --interval with an `event_type` and an `event_source` counts once for
 * (day, category, type, source, exported); an event type starting with `/`
 * is skipped. The rest keeps the table sound where edX crashed or wrote a
 * row its load refused: a type that is not text (edX: AttributeError), a
 * day that is not a calendar day (its `time` text before `T` is what edX
 * keys on: `2014-03-17 10:00` falls inside the interval by string order),
 * U+FFFD (bytes that were not UTF-8) in the type or the source, a value too
 * wide for its VARCHAR(255) column. `replacedBytes`: the line had bytes
 * that are not UTF-8 elsewhere; it still counts, and the task says so.
 */
export function eventTypeRecordOf(line: string, inInterval: (day: string) => boolean, known: KnownEvents): EventTypeResult {
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return dated;
  const eventType = pyGet(dated.event, 'event_type');
  const eventSource = pyGet(dated.event, 'event_source');
  // edX tests `is None`: an absent key and a JSON null are missing; an empty string is a value.
  if (eventType === undefined || eventType === null) return { drop: 'Discard Missing Event Type' };
  if (eventSource === undefined || eventSource === null) return { drop: 'Discard Missing Event Source' };
  if (typeof eventType !== 'string') return { drop: 'Discard Event Type Not A String' };
  if (eventType.startsWith('/')) return { skip: IMPLICIT_SKIP };
  // edX would have written the Python repr of a number or a dict as the source; no tracker sends one.
  if (typeof eventSource !== 'string') return { drop: 'Discard Event Source Not A String' };
  if (!isIsoDay(dated.date)) return { drop: 'Discard Bad Date' };
  if (eventType.includes('\uFFFD') || eventSource.includes('\uFFFD')) return { drop: 'Discard Event Type Or Source Not UTF-8' };
  if (exceedsColumn(eventType, eventSource)) return { drop: 'Discard Field Longer Than 255' };
  const category = known.categoryOf(eventSource, eventType);
  return {
    record: { date: dated.date, category: category ?? UNKNOWN_CATEGORY, eventType, eventSource, exported: category !== undefined },
    replacedBytes: line.includes('\uFFFD'),
  };
}
