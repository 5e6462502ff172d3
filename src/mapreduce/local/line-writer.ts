import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

/**
 * Appends lines to a file with synchronous writes in ~1 MiB batches. Workers
 * run one task at a time, so blocking writes cost nothing and keep the byte
 * offsets (the spill index) exact and simple.
 */
export class LineWriter {
  readonly #fd: number;
  #pending: string[] = [];
  #pendingChars = 0;
  /** Bytes written so far, flushed or not. */
  bytes = 0;

  constructor(readonly path: string) {
    this.#fd = openSync(path, 'w');
  }

  /** Write `line` and a '\n'. The line must not contain '\n'. */
  line(line: string): void {
    this.#pending.push(line, '\n');
    this.bytes += Buffer.byteLength(line, 'utf8') + 1;
    this.#pendingChars += line.length + 1;
    if (this.#pendingChars >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.#pending.length === 0) return;
    writeSync(this.#fd, this.#pending.join(''));
    this.#pending = [];
    this.#pendingChars = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}
