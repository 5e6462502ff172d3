/**
 * edX's LegacyFieldMappingProcessor (the "shim"): turns the envelope into the
 * record shape of a tracking-log line, the one the analytics pipeline reads.
 *  - username, session, ip, agent, host, referer, accept_language move from
 *    context to the top level ('' when missing); client_id leaves the context;
 *  - data becomes `event` (a JSON string for browser events, as edX writes them);
 *  - timestamp becomes `time` (context.timestamp wins: replaying old events);
 *  - event_type = context.event_type or name; event_source defaults to 'server',
 *    page to null; `name` stays.
 */
import { isPlainObject, type EventRecord, type Processor } from '../event.js';
import { serializeEvent } from '../serialize.js';

export const LEGACY_CONTEXT_FIELDS = ['username', 'session', 'ip', 'agent', 'host', 'referer', 'accept_language'] as const;

export const legacyFieldMapping: Processor = (event: EventRecord) => {
  const context: Record<string, unknown> = isPlainObject(event.context) ? event.context : {};
  if ('context' in event) {
    for (const field of LEGACY_CONTEXT_FIELDS) {
      event[field] = context[field] ?? '';
      delete context[field];
    }
    delete context.client_id;
  }
  if ('data' in event) {
    const browser = context.event_source === 'browser';
    event.event = browser && isPlainObject(event.data) ? serializeEvent(event.data) : event.data;
    delete event.data;
  } else {
    event.event = {};
  }
  if ('timestamp' in context) {
    event.time = context.timestamp;
    delete context.timestamp;
  } else if ('timestamp' in event) {
    event.time = event.timestamp;
  }
  delete event.timestamp;
  moveFromContext(event, context, 'event_type', event.name ?? '');
  moveFromContext(event, context, 'event_source', 'server');
  moveFromContext(event, context, 'page', null);
};

function moveFromContext(event: EventRecord, context: Record<string, unknown>, field: string, fallback: unknown): void {
  event[field] = field in context ? context[field] : fallback;
  delete context[field];
}
