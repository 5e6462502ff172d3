/**
 * Event timestamps with microseconds, strictly increasing within the process.
 * edX's event-tracking stamps `time` with a Python datetime (microseconds); a
 * Date holds milliseconds, so events emitted in the same millisecond tied and
 * nothing downstream could tell which came first (the pipeline orders a
 * user's answers by `time`).
 */
import { performance } from 'node:perf_hooks';

/** A Date that also carries the microseconds a Date cannot; the serializer writes them. */
export class EventTime extends Date {
  /** Microseconds since the epoch, a whole number. */
  readonly epochMicros: number;

  constructor(epochMicros: number) {
    super(Math.floor(epochMicros / 1000));
    this.epochMicros = epochMicros;
  }

  /** 0-999: the microseconds within the Date's millisecond. */
  get subMillisecond(): number {
    return this.epochMicros - this.getTime() * 1000;
  }
}

// performance.timeOrigin is the wall clock at start; over a long run the two may wander apart (NTP slews the wall clock). Beyond this, follow the wall clock again.
const RESYNC_MICROS = 2000;

/**
 * The wall clock, read to the microsecond: Date.now() for where we are,
 * performance.now() (monotonic, sub-millisecond) for the digits it lacks.
 * Each reading is later than the one before: a tie, or the wall clock
 * stepping back, gives the last reading plus one microsecond.
 */
export class MicrosecondClock {
  #offset = 0;
  #last = 0;

  now(): EventTime {
    const precise = (performance.timeOrigin + performance.now()) * 1000;
    const wall = Date.now() * 1000;
    // Date.now() is the millisecond floor: aim at its middle.
    if (Math.abs(precise + this.#offset - wall) > RESYNC_MICROS) this.#offset = wall + 500 - precise;
    const micros = Math.max(Math.floor(precise + this.#offset), this.#last + 1);
    this.#last = micros;
    return new EventTime(micros);
  }
}

/**
 * The process's one clock for event times: two trackers (or a tracker and the
 * collector) in one process never issue the same or an earlier time.
 */
export const eventClock = new MicrosecondClock();
