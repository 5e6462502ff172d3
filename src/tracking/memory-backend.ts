/** Keeps events in an array: for tests, examples, and a quick look at what a tree produces. */
import type { Backend, EventRecord } from './event.js';
import { serializeEvent } from './serialize.js';

export class MemoryBackend implements Backend {
  readonly events: EventRecord[] = [];
  send(event: EventRecord): void {
    this.events.push(event);
  }
}

/** Writes each event as one JSON line to a stream (stdout by default). */
export class ConsoleBackend implements Backend {
  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}
  send(event: EventRecord): void {
    this.stream.write(`${serializeEvent(event)}\n`);
  }
}
