import { mkdirSync, statSync, type Stats } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OutputError } from '../core/errors.js';

/**
 * A folder that cannot be made for a reason no errno names well: its parent
 * exists but takes no new entries (procfs answers ENOENT), or a link to a
 * missing folder stands in the way. `reason` completes "Cannot write X: ...".
 */
export class CannotMakeDirectory extends OutputError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot make the folder ${path}: ${reason}.`);
  }
}

/**
 * `mkdir -p` that always ends. Node's `mkdir(dir, { recursive: true })` spins
 * forever (100% CPU, nothing printed) under /proc or below a dangling link:
 * it takes ENOENT for "the parent is missing", makes the parent (EEXIST:
 * fine) and tries again. Here each level is tried again once, after its
 * parent exists: a second ENOENT is final. Errno errors (EACCES, ENOTDIR,
 * EROFS, ...) are thrown as Node raised them.
 */
export async function makeDirectory(dir: string, mode?: number): Promise<void> {
  if (await madeOrPresent(dir, mode)) return;
  const parent = dirname(dir);
  if (parent !== dir) await makeDirectory(parent, mode);
  if (await madeOrPresent(dir, mode)) return;
  throw refusedBy(dir, parent);
}

/** makeDirectory for synchronous callers (the run lock, SQLite files, per-course export files). */
export function makeDirectorySync(dir: string, mode?: number): void {
  if (madeOrPresentSync(dir, mode)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectorySync(parent, mode);
  if (madeOrPresentSync(dir, mode)) return;
  throw refusedBy(dir, parent);
}

function refusedBy(dir: string, parent: string): CannotMakeDirectory {
  return new CannotMakeDirectory(dir, `${parent} takes no new folders (a virtual file system such as /proc or /sys?)`);
}

// true: `dir` is now a folder; false: ENOENT (its parent is missing, or refuses).
async function madeOrPresent(dir: string, mode?: number): Promise<boolean> {
  try {
    await mkdir(dir, { mode });
    return true;
  } catch (error) {
    return afterMkdirFailed(dir, error, await stat(dir).catch(() => undefined));
  }
}

function madeOrPresentSync(dir: string, mode?: number): boolean {
  try {
    mkdirSync(dir, { mode });
    return true;
  } catch (error) {
    return afterMkdirFailed(dir, error, statOrUndefined(dir));
  }
}

function statOrUndefined(dir: string): Stats | undefined {
  try {
    return statSync(dir);
  } catch {
    return undefined;
  }
}

function afterMkdirFailed(dir: string, error: unknown, present: Stats | undefined): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return false;
  if (code !== 'EEXIST') throw error;
  // EEXIST yet nothing there: a dangling link.
  if (!present) throw new CannotMakeDirectory(dir, `${dir} is a link to something that does not exist`);
  if (present.isDirectory()) return true; // made meanwhile by another writer, or there already
  throw error; // a file is in the way
}
