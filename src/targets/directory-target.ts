import { existsSync, readFileSync } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Target } from '../core/target.js';
import { fsyncFile } from './local-target.js';
import { makeOutputDir } from './output-dir.js';
import { removeStaleTemps, siblingTempPath } from './temp-path.js';

export const SUCCESS_MARKER = '_SUCCESS';

/**
 * What this process writes into the `_SUCCESS` markers it creates: host, pid
 * and process start. Tasks that rebuild an output once per run (`--overwrite`)
 * compare it to tell "written by this run" from "left by an earlier one"
 * exactly, where file times (1 s resolution on some file systems) cannot.
 */
export const WRITER_TOKEN = `${hostname()} ${process.pid} ${Math.round(performance.timeOrigin)}`;

/**
 * A directory of part files (`part-00000`, ...), as map/reduce jobs write.
 * It is built in a sibling temp directory and renamed into place with a
 * `_SUCCESS` marker; it exists only when the marker does.
 */
export class DirectoryTarget implements Target {
  readonly path: string;

  constructor(path: string) {
    this.path = resolve(path);
  }

  exists(): boolean {
    return existsSync(join(this.path, SUCCESS_MARKER));
  }

  toString(): string {
    return this.path;
  }

  /** `fill` writes files into a temp directory; on success it becomes `path` with `_SUCCESS`. */
  async build<R>(fill: (tmpDir: string) => Promise<R>): Promise<R> {
    await makeOutputDir(dirname(this.path), this.path);
    await removeStaleTemps(this.path);
    const tmp = siblingTempPath(this.path);
    await makeOutputDir(tmp, this.path);
    // An output there before we started is being rebuilt (overwrite): replace it. One that appears meanwhile is another run's.
    const rebuilding = existsSync(this.path);
    try {
      const result = await fill(tmp);
      for (const name of await readdir(tmp)) await fsyncFile(join(tmp, name));
      await writeFile(join(tmp, SUCCESS_MARKER), WRITER_TOKEN);
      // A complete output that an overlapping run of the same task published meanwhile stays: never pull it from under its readers.
      if (!rebuilding && this.exists()) {
        await rm(tmp, { recursive: true, force: true });
        return result;
      }
      // What we rebuild, or a stale directory without _SUCCESS (an interrupted older layout), is replaced.
      if (existsSync(this.path)) await rm(this.path, { recursive: true, force: true });
      if (!(await this.#publish(tmp))) await rm(tmp, { recursive: true, force: true });
      return result;
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      throw error;
    }
  }

  // Renames tmp into place; false when another writer's complete output got there first (same task, same data: keep theirs).
  async #publish(tmp: string): Promise<boolean> {
    try {
      await rename(tmp, this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOTEMPTY' || code === 'EEXIST') && this.exists()) return false;
      throw error;
    }
    await fsyncFile(dirname(this.path));
    return true;
  }

  /** Whether this process wrote the `_SUCCESS` marker now in place. */
  writtenByThisProcess(): boolean {
    try {
      return readFileSync(join(this.path, SUCCESS_MARKER), 'utf8') === WRITER_TOKEN;
    } catch {
      return false;
    }
  }

  /** The data files, sorted, without `_SUCCESS` and hidden files. */
  async partFiles(): Promise<string[]> {
    const names = await readdir(this.path);
    return names.filter((n) => !n.startsWith('_') && !n.startsWith('.')).sort().map((n) => join(this.path, n));
  }
}
