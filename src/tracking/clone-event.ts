import { isPlainObject } from './event.js';
import { EventTime } from './event-time.js';

/**
 * The deep copy each processor chain and backend gets, as structuredClone
 * made it, except that an EventTime stays one: structuredClone turns it into
 * a plain Date and the microseconds are lost. Events are JSON plus dates (no
 * cycles); anything else inside is left to structuredClone.
 */
export function cloneEvent<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof EventTime) return new EventTime(value.epochMicros) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cloneEvent(item)) as T;
  if (!isPlainObject(value)) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A JSON key "__proto__" is data: assigning it would set the copy's prototype instead.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: cloneEvent(item), enumerable: true, writable: true, configurable: true });
    else copy[key] = cloneEvent(item);
  }
  return copy as T;
}
