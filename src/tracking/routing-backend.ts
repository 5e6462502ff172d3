/**
 * edX's RoutingBackend: runs processors, then fans the event out to named child
 * backends (in sorted name order). Each child gets its own deep copy, so one
 * child's mutations never reach another, and one child's failure never stops
 * the others. Routing backends nest, which gives processing trees.
 */
import { Counters } from '../core/counters.js';
import { cloneEvent } from './clone-event.js';
import { EventEmissionExit } from './errors.js';
import type { Backend, EventRecord, Processor } from './event.js';

export interface RoutingBackendOptions {
  backends?: Record<string, Backend>;
  processors?: Processor[];
  /**
   * What a child's error does after every child has had the event:
   * 'isolate' (edX: count it, report it to onError) or 'throw' (rethrow the first,
   * so a caller like the collector can answer 503 instead of 200).
   */
  failures?: 'isolate' | 'throw';
  /** A processor error other than EventEmissionExit: 'continue' (edX) or 'drop' the event. */
  processorErrors?: 'continue' | 'drop';
  onError?: (error: unknown, where: string) => void;
}

export class RoutingBackend implements Backend {
  readonly #backends: [string, Backend][];
  readonly #processors: Processor[];
  readonly #failures: 'isolate' | 'throw';
  readonly #processorErrors: 'continue' | 'drop';
  readonly #onError: (error: unknown, where: string) => void;
  /** `Dropped/<reason>`, `Processor errors/<index>`, `Backend errors/<name>`, `Sent/<name>`. */
  readonly counters = new Counters();

  constructor(options: RoutingBackendOptions = {}) {
    const backends = options.backends ?? {};
    for (const [name, backend] of Object.entries(backends))
      if (typeof backend?.send !== 'function') throw new TypeError(`backend '${name}' has no send(event) method`);
    (options.processors ?? []).forEach((p, i) => {
      if (typeof p !== 'function') throw new TypeError(`processor [${i}] is not a function`);
    });
    this.#backends = Object.entries(backends).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.#processors = [...(options.processors ?? [])];
    this.#failures = options.failures ?? 'isolate';
    this.#processorErrors = options.processorErrors ?? 'continue';
    this.#onError = options.onError ?? (() => {});
  }

  get backendNames(): string[] {
    return this.#backends.map(([name]) => name);
  }

  send(event: EventRecord): void {
    const processed = this.process(cloneEvent(event));
    if (processed === undefined) return;
    this.sendToBackends(processed);
  }

  /** The processed event, or undefined when a processor dropped it. */
  process(event: EventRecord): EventRecord | undefined {
    let current = event;
    for (const [index, processor] of this.#processors.entries()) {
      try {
        const result = processor(current);
        if (result !== undefined && result !== null) current = result;
      } catch (error) {
        if (error instanceof EventEmissionExit) {
          this.counters.add('Dropped', error.message);
          return undefined;
        }
        this.counters.add('Processor errors', `[${index}]`);
        this.#onError(error, `processor [${index}]`);
        if (this.#processorErrors === 'drop') return undefined;
      }
    }
    return current;
  }

  /** Fans out an event this backend owns (send() cloned it); every child but the last gets a copy. */
  sendToBackends(event: EventRecord): void {
    let firstError: unknown;
    const last = this.#backends.length - 1;
    for (const [index, [name, backend]] of this.#backends.entries()) {
      try {
        // send() cloned the event on entry, so the last child can take it as is.
        backend.send(index === last ? event : cloneEvent(event));
        this.counters.add('Sent', name);
      } catch (error) {
        this.counters.add('Backend errors', name);
        this.#onError(error, `backend '${name}'`);
        firstError ??= error;
      }
    }
    if (firstError !== undefined && this.#failures === 'throw') throw firstError;
  }

  async flush(): Promise<void> {
    await Promise.all(this.#backends.map(([, b]) => b.flush?.()));
  }

  async close(): Promise<void> {
    const results = await Promise.allSettled(this.#backends.map(([, b]) => b.close?.()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
