/**
 * The event as it travels: edX's envelope `{name, timestamp, context, data}` at
 * emit(), and any JSON-like record after processors (LegacyFieldMapping turns
 * it into an edX tracking-log record). Backends accept either.
 */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Any event record a backend may receive. Dates are allowed (timestamps); the serializer formats them. */
export type EventRecord = { [key: string]: unknown };

/** What Tracker.emit builds. */
export interface TrackingEvent extends EventRecord {
  name: string;
  timestamp: Date;
  context: JsonObject;
  data: JsonObject;
}

/** Has one method: take the event. Optional flush/close let trackers drain it. */
export interface Backend {
  /** Take the event (synchronously). Throws to refuse it (queue full, closed, too large). */
  send(event: EventRecord): void;
  /** Resolves when every event sent before the call is durable (written, or confirmed). */
  flush?(): Promise<void>;
  /** Drains, then refuses later sends. Calling it again returns the same promise. */
  close?(): Promise<void>;
}

/**
 * A processor keeps the event (returns void, may mutate it), replaces it (returns
 * a new record), or drops it (throws EventEmissionExit).
 */
export type Processor = (event: EventRecord) => EventRecord | void;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
