import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { siblingTempPath } from '../../targets/index.js';
import { makeDirectorySync } from '../../targets/index.js';

/** Lines are compressed in batches of about this many bytes, each batch one gzip member. */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Writes one gzip file from a stream of lines, synchronously (a reducer is a
 * plain generator and cannot await) and in bounded memory: every ~4 MiB of
 * lines becomes one gzip member (a multi-member gzip is one valid gzip file
 * to gunzip, Python's gzip and Hadoop alike). The data goes to a hidden
 * sibling temp file that is fsynced and renamed into place only at commit(),
 * so a killed run never leaves a partial file under the final name.
 */
export class CourseDayFile {
  readonly path: string;
  readonly #tmp: string;
  #fd: number;
  #batch: string[] = [];
  #batchBytes = 0;
  #done = false;

  constructor(path: string) {
    this.path = path;
    makeDirectorySync(dirname(path));
    this.#tmp = siblingTempPath(path);
    this.#fd = openSync(this.#tmp, 'wx');
  }

  /** Adds one line (without its newline); returns the bytes it adds to the uncompressed file. */
  writeLine(line: string): number {
    this.#batch.push(line, '\n');
    const bytes = Buffer.byteLength(line) + 1;
    this.#batchBytes += bytes;
    if (this.#batchBytes >= BATCH_BYTES) this.#flush();
    return bytes;
  }

  commit(): void {
    this.#flush();
    fsyncSync(this.#fd);
    this.#close();
    renameSync(this.#tmp, this.path);
    this.#done = true;
  }

  /** Drops the temp file unless committed (a failed reducer): nothing appears under `path`. */
  abort(): void {
    if (this.#done) return;
    this.#close();
    rmSync(this.#tmp, { force: true });
  }

  #close(): void {
    if (this.#fd < 0) return;
    closeSync(this.#fd);
    this.#fd = -1;
  }

  #flush(): void {
    if (this.#batch.length === 0) return;
    const member = gzipSync(Buffer.from(this.#batch.join(''), 'utf8'));
    for (let off = 0; off < member.length; ) off += writeSync(this.#fd, member, off);
    this.#batch = [];
    this.#batchBytes = 0;
  }
}
