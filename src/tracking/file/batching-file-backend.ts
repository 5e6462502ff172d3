/**
 * Optimizely-style batching, without its loss modes: a bounded queue that refuses
 * (and counts) instead of dropping, a flush() that waits for every earlier event,
 * and a close() that drains and then refuses. One writer loop owns the file, so
 * lines keep send() order and never interleave.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Counters } from '../../core/counters.js';
import { EventTooLargeError, QueueFullError, TrackerClosedError } from '../errors.js';
import type { Backend, EventRecord } from '../event.js';
import { eventLine } from '../serialize.js';
import { DEFAULT_MAX_EVENT_BYTES } from '../tracker.js';
import type { LogWriter } from './log-writer.js';
import { flushBeforeExit } from './flush-before-exit.js';
import { RotatingLogFile, type RotatingLogFileOptions } from './rotating-log-file.js';

export interface BatchingOptions {
  /** Write when this many events are pending. */
  batchSize?: number;
  /** ...or this long after the first pending event arrived. */
  flushIntervalMs?: number;
  /** Queue bounds (pending plus the batch being written); beyond them send() throws QueueFullError. */
  maxQueueEvents?: number;
  maxQueueBytes?: number;
  /** A single line over this many bytes throws EventTooLargeError (never truncated). */
  maxEventBytes?: number;
  /** How long close() waits for the writer before spilling the rest to a side file. */
  closeTimeoutMs?: number;
  /** Rotate (and gzip) the current file on close, so everything is in a `.gz`. */
  rotateOnClose?: boolean;
  onError?: (error: unknown) => void;
}

export type BatchingFileBackendOptions = BatchingOptions & RotatingLogFileOptions;

const MAX_WRITE_BYTES = 4 * 1024 * 1024;

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class BatchingFileBackend implements Backend {
  readonly writer: LogWriter;
  /** `Accepted/events`, `Written/events|batches`, `Refused/<why>`, `Write errors/batches`, `Spilled/events`. */
  readonly counters = new Counters();
  readonly #o: Required<Omit<BatchingOptions, 'onError'>> & Pick<BatchingOptions, 'onError'>;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #inFlightEvents = 0;
  #inFlightBytes = 0;
  #accepted = 0;
  #written = 0;
  #waiters: Waiter[] = [];
  #drainAll = false;
  #loop: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closing: Promise<void> | undefined;

  constructor(writer: LogWriter, options: BatchingOptions = {}) {
    this.writer = writer;
    this.#o = {
      batchSize: options.batchSize ?? 100,
      flushIntervalMs: options.flushIntervalMs ?? 1000,
      maxQueueEvents: options.maxQueueEvents ?? 10_000,
      maxQueueBytes: options.maxQueueBytes ?? 16 * 1024 * 1024,
      maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
      closeTimeoutMs: options.closeTimeoutMs ?? 10_000,
      rotateOnClose: options.rotateOnClose ?? false,
      onError: options.onError,
    };
    this.#forgetBeforeExit = flushBeforeExit(this);
  }

  readonly #forgetBeforeExit: () => void;

  /** Opens (locks, recovers, creates) `dir/tracking.log` and returns a backend writing there. */
  static async open(options: BatchingFileBackendOptions): Promise<BatchingFileBackend> {
    return new BatchingFileBackend(await RotatingLogFile.open(options), options);
  }

  /** Events and bytes currently held (pending plus in flight): never above the limits. */
  get queued(): { events: number; bytes: number } {
    return { events: this.#pending.length + this.#inFlightEvents, bytes: this.#pendingBytes + this.#inFlightBytes };
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  send(event: EventRecord): void {
    if (this.#closing) {
      this.counters.add('Refused', 'closed');
      throw new TrackerClosedError(`the file backend for ${join(this.writer.directory, this.writer.baseName)}`);
    }
    const { events, bytes } = this.queued;
    // The count check first: under overload it refuses without paying for serialization.
    if (events >= this.#o.maxQueueEvents) this.#refuseFull();
    const line = eventLine(event);
    if (line.length > this.#o.maxEventBytes) {
      this.counters.add('Refused', 'too large');
      throw new EventTooLargeError(String(event.event_type ?? event.name ?? 'unknown'), line.length, this.#o.maxEventBytes);
    }
    if (bytes + line.length > this.#o.maxQueueBytes) this.#refuseFull();
    this.#pending.push(line);
    this.#pendingBytes += line.length;
    this.#accepted++;
    this.counters.add('Accepted', 'events');
    if (this.#pending.length >= this.#o.batchSize) this.#kick();
    else this.#armTimer();
  }

  #refuseFull(): never {
    this.counters.add('Refused', 'queue full');
    throw new QueueFullError('the tracking file', `${this.#o.maxQueueEvents} events / ${this.#o.maxQueueBytes} bytes`);
  }

  /** Resolves when every event accepted before this call is written; rejects on a write error. */
  flush(): Promise<void> {
    if (this.#written >= this.#accepted) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ seq: this.#accepted, resolve, reject });
      this.#drainAll = true;
      this.#kick();
    });
  }

  /** Write now and rotate: the current file becomes a `.gz` the pipeline can read. */
  async rotate(): Promise<string | undefined> {
    await this.flush();
    return this.writer.rotate();
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#forgetBeforeExit();
    let timer: NodeJS.Timeout | undefined;
    const hung = 'the writer did not finish within closeTimeoutMs';
    const expired = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(hung), this.#o.closeTimeoutMs);
    });
    const drained = this.flush().then(
      () => undefined,
      (error: Error) => `a write failed (${error.message})`,
    );
    const failure = await Promise.race([drained, expired]);
    clearTimeout(timer);
    clearTimeout(this.#timer);
    if (failure !== undefined) {
      const { count, path } = this.#spill();
      // A hung writer may never close; a failed one is closed best-effort.
      if (failure !== hung) await this.writer.close().catch(() => {});
      throw new Error(`closing ${this.writer.baseName}: ${failure}; ${count} events were written to ${path} instead`);
    }
    if (this.#o.rotateOnClose) await this.writer.rotate();
    await this.writer.close();
  }

  /**
   * Last resort at close: write what is still queued to a side file the pipeline
   * does not select. The in-flight batch is included, so a writer that completes
   * later can duplicate it: duplicated beats lost.
   */
  #spill(): { count: number; path: string } {
    const lines = [...this.#inFlight, ...this.#pending];
    const path = join(this.writer.directory, `${this.writer.baseName}.spill-${process.pid}-${Date.now()}`);
    writeFileSync(path, Buffer.concat(lines));
    this.counters.add('Spilled', 'events', lines.length);
    this.#pending = [];
    this.#pendingBytes = 0;
    return { count: lines.length, path };
  }

  #inFlight: Buffer[] = [];

  #armTimer(): void {
    if (this.#timer || this.#pending.length === 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#drainAll = true;
      this.#kick();
    }, this.#o.flushIntervalMs);
    this.#timer.unref(); // never keeps the process alive on its own
  }

  #kick(): void {
    if (this.#loop) return;
    this.#loop = this.#run().finally(() => {
      this.#loop = undefined;
      // Work that arrived between the loop's last check and now.
      if (this.#pending.length >= this.#o.batchSize || (this.#drainAll && this.#pending.length > 0)) this.#kick();
      else this.#armTimer();
    });
  }

  async #run(): Promise<void> {
    while (this.#pending.length > 0 && (this.#drainAll || this.#pending.length >= this.#o.batchSize)) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      const [batch, bytes] = this.#takeBatch();
      this.#pendingBytes -= bytes;
      this.#inFlight = batch;
      this.#inFlightEvents = batch.length;
      this.#inFlightBytes = bytes;
      try {
        await this.writer.append(Buffer.concat(batch, bytes));
      } catch (error) {
        // Keep the batch at the head of the queue; the next timer or flush retries it.
        this.#pending.unshift(...batch);
        this.#pendingBytes += bytes;
        this.#clearInFlight();
        this.#drainAll = false;
        this.counters.add('Write errors', 'batches');
        this.#o.onError?.(error);
        for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
        return;
      }
      this.#clearInFlight();
      this.#written += batch.length;
      this.counters.add('Written', 'events', batch.length);
      this.counters.add('Written', 'batches');
      this.#waiters = this.#waiters.filter((waiter) => (waiter.seq <= this.#written ? (waiter.resolve(), false) : true));
    }
    if (this.#pending.length === 0) this.#drainAll = false;
  }

  /**
   * Everything pending, up to MAX_WRITE_BYTES: under load one write and one fsync
   * cover many batches (group commit), so a slow disk does not cap throughput at
   * batchSize per fsync.
   */
  #takeBatch(): [Buffer[], number] {
    let count = 0;
    let bytes = 0;
    while (count < this.#pending.length && (count === 0 || bytes + this.#pending[count]!.length <= MAX_WRITE_BYTES))
      bytes += this.#pending[count++]!.length;
    return [this.#pending.splice(0, count), bytes];
  }

  #clearInFlight(): void {
    this.#inFlight = [];
    this.#inFlightEvents = 0;
    this.#inFlightBytes = 0;
  }
}
