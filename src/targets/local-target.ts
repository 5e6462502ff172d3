import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Target } from '../core/target.js';
import { makeOutputDir } from './output-dir.js';
import { siblingTempPath } from './temp-path.js';

export type FileFormat = 'plain' | 'gzip';

/**
 * A file on the local disk, written atomically: the data goes to a sibling
 * temp file, is fsynced, and is renamed into place only when the writer
 * finished without error. A failed or killed write leaves no file at `path`.
 */
export class LocalTarget implements Target {
  readonly path: string;
  readonly format: FileFormat;

  constructor(path: string, options: { format?: FileFormat } = {}) {
    this.path = resolve(path);
    this.format = options.format ?? (path.endsWith('.gz') ? 'gzip' : 'plain');
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  toString(): string {
    return this.path;
  }

  /** Stream data into the file; it appears only if `fill` resolves. gzip is applied when format is 'gzip'. */
  async write(fill: (out: Writable) => Promise<void> | void): Promise<void> {
    await this.withTemporaryPath(async (tmp) => {
      const file = createWriteStream(tmp, { flags: 'wx' });
      const out: Writable = this.format === 'gzip' ? createGzip() : file;
      const done = this.format === 'gzip' ? pipeline(out as unknown as Readable, file) : finished(file);
      // A disk error may settle `done` while fill() still runs; it is awaited below, not lost.
      done.catch(() => {});
      try {
        await fill(out);
        out.end();
        await done;
      } catch (error) {
        out.destroy();
        file.destroy();
        // The open may still be in flight: until the stream closes, the temp file can appear after it was removed.
        if (!file.closed) await new Promise<void>((resolveClosed) => file.once('close', () => resolveClosed()));
        throw error;
      }
    });
  }

  async writeText(text: string | Buffer): Promise<void> {
    await this.write((out) => {
      out.write(text);
    });
  }

  /**
   * For outputs made by something else (a child process, a library that wants
   * a path): `fn` gets a temp path to create; it is fsynced and renamed to
   * `path` if `fn` resolves, and removed if it throws.
   */
  async withTemporaryPath<R>(fn: (tmpPath: string) => Promise<R>): Promise<R> {
    await makeOutputDir(dirname(this.path), this.path);
    const tmp = siblingTempPath(this.path);
    try {
      const result = await fn(tmp);
      if (!existsSync(tmp)) throw new Error(`${this.path}: the writer finished without creating its temporary file ${tmp}.`);
      await fsyncFile(tmp);
      await rename(tmp, this.path);
      await fsyncFile(dirname(this.path));
      return result;
    } catch (error) {
      await rm(tmp, { force: true, recursive: true });
      throw error;
    }
  }

  /** The decoded content as a stream (gunzipped when format is 'gzip'). */
  openRead(): Readable {
    const file = createReadStream(this.path);
    if (this.format !== 'gzip') return file;
    const gunzip = createGunzip();
    file.on('error', (e) => gunzip.destroy(e));
    return file.pipe(gunzip);
  }
}

function finished(stream: Writable): Promise<void> {
  return new Promise((resolveDone, reject) => {
    stream.once('finish', () => resolveDone());
    stream.once('close', () => resolveDone());
    stream.once('error', reject);
  });
}

/** fsync a file or directory so a rename survives a crash. */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems refuse fsync on a directory; the data itself was synced.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL' && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}
