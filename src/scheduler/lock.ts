import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LockHeldError, UsageError } from '../core/errors.js';
import type { Task } from '../core/task.js';
import { makeDirectorySync } from '../targets/make-directory.js';

/** Where lock files go unless `[core] lock_dir` says otherwise. */
export function defaultLockDir(): string {
  // Per user: the directory is private (0700), so a shared one would lock other users out.
  return join(tmpdir(), `pipewright-locks-${process.getuid?.() ?? 'user'}`);
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  taskId: string;
  token: string;
}

/**
 * One lock file per root task id, created with O_EXCL so two runs can never
 * both hold it (luigi's pid files are a read-modify-write race keyed on the
 * command line text). A lock whose pid is gone on this host is stale and is
 * taken over; a lock from another host is only ever removed by a person.
 * Returns a function that releases every lock taken.
 */
export function acquireRunLocks(roots: readonly Task[], lockDir: string): () => void {
  try {
    makeDirectorySync(lockDir, 0o700);
  } catch (error) {
    throw new UsageError(`Cannot create the lock directory ${lockDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; set [core] lock_dir or --lock-dir to a writable folder.`);
  }
  const held: Array<() => void> = [];
  const releaseAll = () => held.splice(0).reverse().forEach((release) => release());
  try {
    for (const task of [...new Map(roots.map((t) => [t.id, t])).values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
      held.push(acquireOne(task, lockDir));
  } catch (error) {
    releaseAll();
    throw error;
  }
  return releaseAll;
}

export function lockPath(task: Task, lockDir: string): string {
  const digest = createHash('sha256').update(task.id).digest('hex').slice(0, 20);
  return join(lockDir, `${task.family.replace(/[^\w.-]/g, '_')}-${digest}.lock`);
}

function acquireOne(task: Task, lockDir: string): () => void {
  const path = lockPath(task, lockDir);
  const mine: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), taskId: task.id, token: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(mine) + '\n', { flag: 'wx', mode: 0o600 });
      return () => releaseIfMine(path, mine.token);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new UsageError(`Cannot write the lock file ${path}: ${code}; set [core] lock_dir or --lock-dir to a writable folder.`);
    }
    const text = readText(path);
    if (text === undefined) continue; // released between our open and our read: try again
    const holder = parseLock(text);
    if (holder && isStale(holder) && readText(path) === text) {
      unlinkQuietly(path);
      continue;
    }
    throw new LockHeldError(describeHolder(task, holder, path));
  }
  throw new LockHeldError(`Could not take the lock for ${task.id} at ${path}: another run keeps taking it.`);
}

function describeHolder(task: Task, holder: LockInfo | undefined, path: string): string {
  if (!holder) return `Another run holds the lock for ${task.id} (unreadable lock file ${path}; remove it if no run is active).`;
  return `Another run holds the lock for ${task.id}: pid ${holder.pid} on ${holder.host}, started ${holder.startedAt} (lock file ${path}; remove it only if that run is gone).`;
}

/** Stale: written on this host by a process that no longer exists. */
function isStale(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function parseLock(text: string | undefined): LockInfo | undefined {
  try {
    const value = JSON.parse(text ?? '') as LockInfo;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function releaseIfMine(path: string, token: string): void {
  if (parseLock(readText(path))?.token === token) unlinkQuietly(path);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
