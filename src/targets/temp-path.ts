import { createHash, randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

// Which machine wrote a temp path: a pid only means something on its own host (logs on NFS are shared).
const HOST_TAG = createHash('sha1').update(hostname()).digest('hex').slice(0, 8);
const MARK = '-pipewright-tmp-';

/**
 * A sibling temp path for `finalPath`: same directory (so rename is atomic),
 * a leading dot and `-pipewright-tmp-` (so input globs and `_`/`.` filters
 * skip it), then host, pid and a random suffix (so two writers never share
 * one, and removeStaleTemps can tell a dead writer's leftovers).
 */
export function siblingTempPath(finalPath: string): string {
  const suffix = `${HOST_TAG}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(finalPath), `.${basename(finalPath)}${MARK}${suffix}`);
}

/**
 * Removes the temp siblings of `finalPath` that writers on this host left
 * when they were killed (SIGKILL, OOM, power): their pid is gone. A killed
 * map/reduce run leaves its spills there, which can be gigabytes; the rerun
 * clears them. Temps of live processes and of other hosts are kept.
 */
export async function removeStaleTemps(finalPath: string): Promise<void> {
  const prefix = `.${basename(finalPath)}${MARK}${HOST_TAG}-`;
  const names = await readdir(dirname(finalPath)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await rm(join(dirname(finalPath), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: alive, someone else's
  }
}
