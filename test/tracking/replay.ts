/**
 * Turns an edX tracking-log record back into what its producer emitted: the
 * event name, the data, and the context (request fields included, and the
 * original time through context.timestamp, which the legacy mapping honours).
 * Records whose `event` is not an object (url-encoded browser payloads) cannot
 * come from emit() and are returned as undefined, for the caller to count.
 */
export interface Emission {
  name: string;
  data: Record<string, any>;
  context: Record<string, any>;
}

const TOP_LEVEL = ['username', 'session', 'ip', 'agent', 'host', 'referer', 'accept_language', 'event_source', 'page'];

export function replayRecord(record: Record<string, any>): Emission | undefined {
  let data = record.event;
  if (typeof data === 'string') {
    try {
      data = data === '' ? {} : JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const context: Record<string, any> = { ...(record.context ?? {}) };
  for (const field of TOP_LEVEL) if (field in record) context[field] = record[field];
  context.timestamp = record.time;
  return { name: record.event_type, data, context };
}
