/**
 * The tracking producer's errors. Each names the input (event name, JSON path,
 * config path) and the fix; none of them needs a stack trace to be understood.
 */
import { InputError, PipewrightError, UsageError } from '../core/errors.js';

/** Thrown by a processor to drop the event: no later processor runs, no backend is called. */
export class EventEmissionExit extends Error {
  constructor(reason = 'dropped by a processor') {
    super(reason);
    this.name = 'EventEmissionExit';
  }
}

/** A bad event at emit(): bad name, non-object data, a value JSON cannot carry. */
export class TrackingInputError extends InputError {
  constructor(
    message: string,
    /** Where in the event: `data.items[2].price`, or `name`. */
    readonly path: string,
  ) {
    super(message);
  }
}

/** The serialized event is larger than the limit. Never truncated: refused whole. */
export class EventTooLargeError extends TrackingInputError {
  constructor(
    readonly eventName: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `event '${eventName}' is ${bytes} bytes serialized, over the limit of ${limit}; ` +
        'send less data or raise maxEventBytes',
      'event',
    );
  }
}

/** The bounded queue is full: the event was refused (and counted), not dropped silently. */
export class QueueFullError extends PipewrightError {
  constructor(what: string, limit: string) {
    super(`${what} queue is full (${limit}); event refused: retry later or raise the limit`);
  }
}

/** send()/emit() after close(). */
export class TrackerClosedError extends PipewrightError {
  constructor(what: string) {
    super(`${what} is closed; event refused: emit before close()`);
  }
}

/** A tracking configuration that cannot work; `path` is where in the config. */
export class TrackingConfigError extends UsageError {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`tracking config ${path}: ${problem}`);
  }
}
