import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirectorySync, siblingTempPath } from '../../targets/index.js';

/**
 * Writes a whole file atomically from a reducer (a plain generator, which
 * cannot await): a sibling temp file, fsynced, renamed into place; nothing
 * under `path` if anything fails.
 */
export function writeFileAtomicSync(path: string, text: string): void {
  makeDirectorySync(dirname(path));
  const tmp = siblingTempPath(path);
  const fd = openSync(tmp, 'wx');
  try {
    const data = Buffer.from(text, 'utf8');
    for (let off = 0; off < data.length; ) off += writeSync(fd, data, off);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed before the rename failed
    }
    rmSync(tmp, { force: true });
    throw error;
  }
}
