import { isIsoDay } from '../../core/index.js';
import type { EventTypeRecord } from './event-type-record.js';

/** A counted key with its count: one line of EventTypeDistributionTask's output, one row of the table. */
export interface EventTypeCount extends EventTypeRecord {
  count: number;
}

/**
 * edX's backslash_encode_value: `\` `\r` `\t` `\n` as two-character escapes,
 * so a value never breaks the tab-separated line. edX encoded only the
 * event type; the source is encoded too here (a tracker may send any text).
 */
export function backslashEncode(value: string): string {
  return value.replace(/[\\\r\t\n]/g, (c) => ESCAPES[c]!);
}

/** The inverse of backslashEncode (edX backslash_decode_value, without its `<<BACKSLASH>>` placeholder). */
export function backslashDecode(value: string): string {
  return value.replace(/\\([\\rtn])/g, (_, c: string) => DECODES[c]!);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\r': '\\r', '\t': '\\t', '\n': '\\n' };
const DECODES: Record<string, string> = { '\\': '\\', r: '\r', t: '\t', n: '\n' };

/**
 * edX's output line: `event_date event_category event_type event_source
 * exported event_count`, tab-separated, exported as Python writes a bool
 * (`True` / `False`).
 */
export function formatDistributionLine(c: EventTypeCount): string {
  const fields = [c.date, c.category, backslashEncode(c.eventType), backslashEncode(c.eventSource), c.exported ? 'True' : 'False', String(c.count)];
  return fields.join('\t');
}

/** Reads a line formatDistributionLine wrote; null for anything else (the loader counts it). */
export function parseDistributionLine(line: string): EventTypeCount | null {
  const f = line.split('\t');
  if (f.length !== 6) return null;
  const [date, category, eventType, eventSource, exported, count] = f as [string, string, string, string, string, string];
  if (!isIsoDay(date) || (exported !== 'True' && exported !== 'False') || !/^\d+$/.test(count)) return null;
  return {
    date,
    category,
    eventType: backslashDecode(eventType),
    eventSource: backslashDecode(eventSource),
    exported: exported === 'True',
    count: Number(count),
  };
}
