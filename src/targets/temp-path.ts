import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * A sibling temp path for `finalPath`: same directory (so rename is atomic),
 * a leading dot and `-pipewright-tmp-` (so input globs and `_`/`.` filters
 * skip it), and a random suffix (so two writers never share one).
 */
export function siblingTempPath(finalPath: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(finalPath), `.${basename(finalPath)}-pipewright-tmp-${suffix}`);
}
