/**
 * edX's Tracker: emit(name, data) builds `{name, timestamp, context, data}` from
 * the context stack and hands it to a RoutingBackend. Input is checked here, at
 * the call; I/O problems surface through backend counters, flush() and close().
 */
import { randomUUID } from 'node:crypto';
import { ContextStack } from './context.js';
import { EventTooLargeError, TrackerClosedError } from './errors.js';
import { eventClock } from './event-time.js';
import type { Backend, JsonObject, Processor, TrackingEvent } from './event.js';
import { RoutingBackend, type RoutingBackendOptions } from './routing-backend.js';
import { serializeEvent } from './serialize.js';
import { validateEventData, validateEventName } from './validate.js';

/** edX's TRACK_MAX_EVENT. */
export const DEFAULT_MAX_EVENT_BYTES = 50_000;

export interface TrackerOptions extends Pick<RoutingBackendOptions, 'failures' | 'processorErrors' | 'onError'> {
  backends?: Record<string, Backend>;
  processors?: Processor[];
  /** The envelope's serialized size limit; larger events throw EventTooLargeError. */
  maxEventBytes?: number;
  /** Adds `context.event_id` (a UUID) so at-least-once paths can deduplicate. */
  eventIds?: boolean;
  /** Stamps `timestamp`. Default: eventClock, microseconds, strictly increasing in the process. A given clock's times are used as they are (tests, replays). */
  clock?: () => Date;
}

export class Tracker {
  readonly routing: RoutingBackend;
  readonly #contexts = new ContextStack();
  readonly #maxEventBytes: number;
  readonly #eventIds: boolean;
  readonly #clock: () => Date;
  #closing: Promise<void> | undefined;

  constructor(options: TrackerOptions = {}) {
    this.routing = new RoutingBackend(options);
    this.#maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.#eventIds = options.eventIds ?? false;
    this.#clock = options.clock ?? (() => eventClock.now());
  }

  /** Builds and routes one event; returns it (before processors) for the caller's records. */
  emit(name: string, data?: JsonObject): TrackingEvent {
    if (this.#closing) throw new TrackerClosedError('the tracker');
    const event: TrackingEvent = {
      name: validateEventName(name),
      timestamp: this.#clock(),
      context: this.resolveContext(),
      data: validateEventData(data),
    };
    if (this.#eventIds && event.context.event_id === undefined) event.context.event_id = randomUUID();
    const bytes = Buffer.byteLength(serializeEvent(event));
    if (bytes > this.#maxEventBytes) throw new EventTooLargeError(name, bytes, this.#maxEventBytes);
    this.routing.send(event);
    return event;
  }

  enterContext(name: string, context: JsonObject): void {
    this.#contexts.enterContext(name, validateEventData(context, `context '${name}'`));
  }

  exitContext(name: string): void {
    this.#contexts.exitContext(name);
  }

  /** Runs fn (sync or async) with the context entered, isolated from concurrent scopes. */
  withContext<T>(name: string, context: JsonObject, fn: () => T): T {
    return this.#contexts.withContext(name, validateEventData(context, `context '${name}'`), fn);
  }

  resolveContext(): JsonObject {
    return this.#contexts.resolve();
  }

  /** Resolves when every event emitted before the call is durable in every backend. */
  flush(): Promise<void> {
    return this.routing.flush();
  }

  /** Refuses later emits, then drains and closes every backend. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= this.routing.close();
    return this.#closing;
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }
}
