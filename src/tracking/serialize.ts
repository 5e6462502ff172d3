/**
 * One event -> one edX tracking-log line. The pipeline parses `time` with
 * `%Y-%m-%dT%H:%M:%S.%f` after splitting at '+', so a Date is written as
 * `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` (Python's isoformat), never with `Z`.
 */
import type { EventRecord } from './event.js';
import { EventTime } from './event-time.js';

/**
 * `2014-05-02T16:02:25.143912+00:00` for a Date (UTC); the last three digits
 * are an EventTime's microseconds, 000 for a plain Date. Python's isoformat()
 * drops a zero fraction; we always write it (the pipeline reads both), so the
 * text has one width and sorts in time order.
 */
export function formatEdxTime(date: Date): string {
  const iso = date.toISOString(); // 2014-05-02T16:02:25.143Z
  const micros = date instanceof EventTime ? String(date.subMillisecond).padStart(3, '0') : '000';
  return `${iso.slice(0, 23)}${micros}+00:00`;
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  // JSON.stringify calls toJSON before the replacer; read the raw value from the holder.
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? formatEdxTime(raw) : value;
}

/**
 * The JSON text of a record, without the newline. U+2028/U+2029 are escaped so
 * readers splitting on Unicode line breaks (Python's splitlines) never cut a record.
 */
export function serializeEvent(event: EventRecord): string {
  return JSON.stringify(event, replacer).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The line, newline included, as bytes to append. */
export function eventLine(event: EventRecord): Buffer {
  return Buffer.from(serializeEvent(event) + '\n', 'utf8');
}
