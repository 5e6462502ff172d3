/**
 * The single appender of `tracking.log`. Rotates (by UTC day or hour, by size, or
 * on request) between appends, renaming to `tracking.log-YYYYMMDD-<epoch>`
 * (the date the file was opened) and gzipping in the background, one job at a time.
 */
import { open, rename, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectory } from '../../targets/make-directory.js';
import { acquireDirectoryLock } from './directory-lock.js';
import { fsyncDirectory, gzipRotated, recoverRotated } from './gzip-rotated.js';
import type { LogWriter } from './log-writer.js';
import { rotatedName, utcDay, utcHour } from './names.js';

export interface RotatingLogFileOptions {
  dir: string;
  baseName?: string;
  /** Rotate at UTC day or hour boundaries; 'none' rotates only by size or on request. */
  period?: 'daily' | 'hourly' | 'none';
  /** Rotate before an append would grow the file past this many bytes. */
  maxBytes?: number;
  /** fsync after each append (the durability contract); off only for benchmarks. */
  fsync?: boolean;
  clock?: () => Date;
  onGzipped?: (path: string) => void;
  onError?: (error: unknown) => void;
}

export class RotatingLogFile implements LogWriter {
  readonly directory: string;
  readonly baseName: string;
  readonly #options: RotatingLogFileOptions;
  readonly #clock: () => Date;
  #handle!: FileHandle;
  #size = 0;
  #openedAt!: Date;
  #gzipChain: Promise<unknown> = Promise.resolve();
  #releaseLock!: () => Promise<void>;

  private constructor(options: RotatingLogFileOptions) {
    this.#options = options;
    this.directory = options.dir;
    this.baseName = options.baseName ?? 'tracking.log';
    this.#clock = options.clock ?? (() => new Date());
  }

  static async open(options: RotatingLogFileOptions): Promise<RotatingLogFile> {
    const file = new RotatingLogFile(options);
    await makeDirectory(file.directory); // not recursive mkdir: that spins forever under /proc
    file.#releaseLock = await acquireDirectoryLock(file.directory, file.baseName);
    await recoverRotated(file.directory, file.baseName);
    await file.#openCurrent();
    return file;
  }

  get path(): string {
    return join(this.directory, this.baseName);
  }

  async #openCurrent(): Promise<void> {
    this.#handle = await open(this.path, 'a+');
    const info = await this.#handle.stat();
    this.#size = info.size;
    // An existing file keeps its own date, so a restart next day still rotates it.
    this.#openedAt = info.size > 0 ? info.mtime : this.#clock();
    if (info.size > 0) {
      const last = Buffer.alloc(1);
      await this.#handle.read(last, 0, 1, info.size - 1);
      // A line torn by a crash stays on its own line: one unparseable record, not two.
      if (last[0] !== 0x0a) await this.#writeAll(Buffer.from('\n'));
    }
  }

  async #writeAll(data: Buffer): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.#handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
    this.#size += data.length;
  }

  #periodDue(): boolean {
    if (this.#size === 0) return false;
    const now = this.#clock();
    const period = this.#options.period ?? 'daily';
    if (period === 'daily') return utcDay(now) !== utcDay(this.#openedAt);
    if (period === 'hourly') return utcHour(now) !== utcHour(this.#openedAt);
    return false;
  }

  /** Appends whole lines, rotating first at a period boundary and whenever the next lines would pass maxBytes. */
  async append(lines: Buffer): Promise<void> {
    const { maxBytes } = this.#options;
    let start = 0;
    while (start < lines.length) {
      if (this.#periodDue()) await this.rotate();
      let end = maxBytes === undefined ? lines.length : fittingEnd(lines, start, maxBytes - this.#size);
      if (end === start) {
        if (this.#size > 0) {
          await this.rotate(); // the next line does not fit: start a new file
          continue;
        }
        end = fittingEnd(lines, start, Infinity, 1); // a line longer than maxBytes goes alone
      }
      await this.#writeAll(lines.subarray(start, end));
      start = end;
    }
    if (this.#options.fsync !== false) await this.#handle.datasync();
  }

  async rotate(): Promise<string | undefined> {
    if (this.#size === 0) return undefined;
    await this.#handle.sync();
    await this.#handle.close();
    const now = this.#clock();
    let name = rotatedName(this.baseName, this.#openedAt, now);
    for (let attempt = 1; await this.#taken(name); attempt++) name = rotatedName(this.baseName, this.#openedAt, now, attempt);
    await rename(this.path, join(this.directory, name));
    this.#handle = await open(this.path, 'a+');
    this.#size = 0;
    this.#openedAt = now;
    await fsyncDirectory(this.directory);
    this.#gzipChain = this.#gzipChain.then(() =>
      gzipRotated(this.directory, name).then(
        (path) => this.#options.onGzipped?.(path),
        // Left plain on disk; the next start-up's recovery compresses it.
        (error) => this.#options.onError?.(error),
      ),
    );
    return name;
  }

  async #taken(name: string): Promise<boolean> {
    const present = (path: string) => stat(path).then(() => true, () => false);
    const path = join(this.directory, name);
    return (await present(path)) || (await present(`${path}.gz`));
  }

  /** Resolves when every gzip job queued so far is finished. */
  async settled(): Promise<void> {
    await this.#gzipChain;
  }

  async close(): Promise<void> {
    await this.#handle.sync();
    await this.#handle.close();
    await this.#gzipChain;
    await this.#releaseLock();
  }
}

/** The end of the longest run of whole lines from `start` within `room` bytes (at most `maxLines`). */
function fittingEnd(lines: Buffer, start: number, room: number, maxLines = Infinity): number {
  let end = start;
  for (let count = 0; count < maxLines; count++) {
    const newline = lines.indexOf(0x0a, end);
    const next = newline === -1 ? lines.length : newline + 1;
    if (next === end || next - start > room) break;
    end = next;
  }
  return end;
}
