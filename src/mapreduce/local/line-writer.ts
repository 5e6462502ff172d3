import { closeSync, openSync, writeSync } from 'node:fs';

const BLOCK = 1 << 20;

/**
 * Appends lines to a file with synchronous writes in ~1 MiB blocks. Workers
 * run one task at a time, so blocking writes cost nothing and keep the byte
 * offsets (the spill index) exact and simple.
 *
 * Lines are encoded into one reused buffer as they come, so a line string
 * dies young: pending lines kept as strings until a flush outlived the young
 * generation, and the old generation then filled with them (peak RSS grew
 * with the output).
 */
export class LineWriter {
  readonly #fd: number;
  #block = Buffer.allocUnsafe(BLOCK);
  #at = 0;
  /** Bytes written so far, flushed or not. */
  bytes = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  /** Write `line` and a '\n'. The line must not contain '\n'. */
  line(line: string): void {
    // 3 bytes per UTF-16 unit is the UTF-8 worst case; the exact length is only needed when that might not fit.
    if (this.#at + 3 * line.length + 1 > this.#block.length) {
      const bytes = Buffer.byteLength(line, 'utf8') + 1;
      if (this.#at + bytes > this.#block.length) {
        this.flush();
        if (bytes > this.#block.length) this.#block = Buffer.allocUnsafe(bytes);
      }
    }
    const written = this.#block.write(line, this.#at, 'utf8');
    this.#block[this.#at + written] = 10;
    this.#at += written + 1;
    this.bytes += written + 1;
  }

  flush(): void {
    if (this.#at === 0) return;
    let done = 0;
    while (done < this.#at) done += writeSync(this.#fd, this.#block, done, this.#at - done);
    this.#at = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}
