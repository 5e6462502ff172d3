import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../core/errors.js';

/**
 * A `--src` / `--source` entry as a local absolute path. edX passes URLs
 * (`s3://...`, `hdfs://...`, `file:///...`); only local paths and `file://`
 * URLs can be read here, and other schemes get an error that says so rather
 * than a "no such file" about a path that was never meant to be local.
 */
export function sourceToPath(source: string, flag: string): string {
  const s = source.trim();
  if (s === '') throw new UsageError(`${flag}: an empty entry; give a directory or file path.`);
  if (s.startsWith('file://')) {
    try {
      return fileURLToPath(s);
    } catch {
      throw new UsageError(`${flag} ${source}: not a valid file:// URL; write file:///absolute/path or a plain path.`);
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (scheme)
    throw new UsageError(`${flag} ${source}: ${scheme[1]}:// inputs cannot be read by this runner; copy the logs to a local directory (or use --runner hadoop with paths it can read).`);
  return resolve(s);
}
