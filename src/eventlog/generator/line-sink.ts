import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { constants, createGzip, type Gzip } from 'node:zlib';

const BLOCK_BYTES = 4 << 20;

/**
 * Buffered, back-pressured line output to a plain or gzip file. Lines are
 * encoded straight into a 4 MB block (no per-line Buffer, no join) that is
 * handed to the stream when full; a line given as bytes (invalid UTF-8 on
 * purpose) is copied in as is.
 */
export class LineSink {
  readonly #file: WriteStream;
  readonly #gzip: Gzip | null;
  #block = Buffer.allocUnsafe(BLOCK_BYTES);
  #used = 0;
  /** Bytes handed to the stream (uncompressed). */
  bytes = 0;
  lines = 0;

  constructor(path: string, gzip: boolean) {
    this.#file = createWriteStream(path);
    // Level 1: fast enough to keep up with generation; the logs are test data, not archives.
    this.#gzip = gzip ? createGzip({ level: 1, strategy: constants.Z_DEFAULT_STRATEGY }) : null;
    this.#gzip?.pipe(this.#file);
  }

  /** Bytes written so far, the current block included. */
  get approxBytes(): number {
    return this.bytes + this.#used;
  }

  /** Add one line (without its '\n'); waits only when the disk is behind. */
  async write(line: string | Buffer): Promise<void> {
    this.lines++;
    // Worst case 3 bytes per UTF-16 unit, plus the newline.
    const room = typeof line === 'string' ? line.length * 3 + 1 : line.length + 1;
    if (this.#used + room > this.#block.length) {
      await this.flush();
      if (room > this.#block.length) this.#block = Buffer.allocUnsafe(room);
    }
    this.#used += typeof line === 'string' ? this.#block.write(line, this.#used) : line.copy(this.#block, this.#used);
    this.#block[this.#used++] = 0x0a;
  }

  async flush(): Promise<void> {
    if (this.#used === 0) return;
    const block = this.#block.subarray(0, this.#used);
    // The stream keeps the block until written: start a fresh one rather than overwrite it.
    this.#block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, this.#block.length));
    this.#used = 0;
    await this.#put(block);
  }

  async #put(block: Buffer): Promise<void> {
    this.bytes += block.length;
    const target = this.#gzip ?? this.#file;
    if (!target.write(block)) await once(target, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    const finished = once(this.#file, 'close');
    (this.#gzip ?? this.#file).end();
    await finished;
  }
}
