/**
 * One writer per directory: `<base>.lock` holds the owner's pid. A lock whose
 * process is gone (a SIGKILLed writer) is taken over; a live one is an error.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireDirectoryLock(dir: string, baseName: string): Promise<() => Promise<void>> {
  const path = join(dir, `${baseName}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && alive(owner))
        throw new UsageError(
          `${dir} is already written by process ${owner} (${path}); use one directory per writer process`,
        );
      await rm(path, { force: true }); // stale: its owner died
    }
  }
  throw new UsageError(`could not lock ${path}: another writer keeps taking it`);
}
