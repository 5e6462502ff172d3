import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createGzip, type Gzip } from 'node:zlib';

const BLOCK_BYTES = 4 << 20;

/**
 * Buffered, back-pressured line output to a plain or gzip file. Lines are
 * encoded straight into a 4 MB block (no per-line Buffer, no join, no
 * promise) that is handed to the stream when full; the producer awaits
 * drain() only when the stream asks it to slow down. A line given as bytes
 * (invalid UTF-8 on purpose) is copied in as is.
 */
export class LineSink {
  readonly #file: WriteStream;
  readonly #gzip: Gzip | null;
  #block = Buffer.allocUnsafe(BLOCK_BYTES);
  #used = 0;
  #mustWait = false;
  /** Bytes handed to the stream (uncompressed). */
  bytes = 0;
  lines = 0;

  constructor(path: string, gzip: boolean) {
    this.#file = createWriteStream(path);
    // Level 1: fast enough to keep up with generation; the logs are test data, not archives.
    this.#gzip = gzip ? createGzip({ level: 1 }) : null;
    this.#gzip?.pipe(this.#file);
  }

  /** Bytes written so far, the current block included. */
  get approxBytes(): number {
    return this.bytes + this.#used;
  }

  /** True when the stream is behind: await drain() before adding more. */
  get mustWait(): boolean {
    return this.#mustWait;
  }

  /** Add one line (without its '\n'). */
  add(line: string | Buffer): void {
    this.lines++;
    // Worst case 3 bytes per UTF-16 unit, plus the newline.
    const room = typeof line === 'string' ? line.length * 3 + 1 : line.length + 1;
    if (this.#used + room > this.#block.length) {
      this.#handOver();
      if (room > this.#block.length) this.#block = Buffer.allocUnsafe(room);
    }
    this.#used += typeof line === 'string' ? this.#block.write(line, this.#used) : line.copy(this.#block, this.#used);
    this.#block[this.#used++] = 0x0a;
  }

  async drain(): Promise<void> {
    if (!this.#mustWait) return;
    await once(this.#gzip ?? this.#file, 'drain');
    this.#mustWait = false;
  }

  /** Give the current block to the stream and start a fresh one (the stream keeps the old one until written). */
  #handOver(): void {
    if (this.#used === 0) return;
    const block = this.#block.subarray(0, this.#used);
    this.#block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, this.#block.length));
    this.#used = 0;
    this.bytes += block.length;
    if (!(this.#gzip ?? this.#file).write(block)) this.#mustWait = true;
  }

  async close(): Promise<void> {
    this.#handOver();
    const finished = once(this.#file, 'close');
    (this.#gzip ?? this.#file).end();
    await finished;
  }
}
