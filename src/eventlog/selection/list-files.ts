import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import { InputError, MissingInputDataError } from '../../core/errors.js';

/**
 * Hadoop's rule, which edX's outputs rely on: names starting with `.` or `_`
 * are not data (`_SUCCESS`, `.tmp` files of a writer still at work).
 */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

/**
 * Every data file under `root` (a directory, searched recursively, or one
 * file), as absolute paths, skipping hidden names at any depth below root.
 * `include` globs are matched against the path relative to root; a glob
 * without `/` also matches the base name at any depth, the way edX's fnmatch
 * `*tracking.log*` matched files in subdirectories. `flag` names the
 * parameter in errors (`--src`).
 */
export async function listFilesUnder(root: string, include: readonly string[], flag: string): Promise<string[]> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new MissingInputDataError(`${flag} ${root} does not exist; check the path (and the mount, on a server).`);
    if (error.code === 'EACCES') throw new InputError(`${flag} ${root} is not readable (permission denied); fix its permissions.`);
    throw error;
  });
  // Loaded here, not at the top: worker threads import this module (via the input mixin) and never list files.
  const { default: fg } = await import('fast-glob');
  if (info.isFile()) {
    // A file named directly is taken (hidden or not: the user asked for it) if its name passes --include.
    if (include.length === 0) return [root];
    const matches = await fg([...include], { cwd: dirname(root), deep: 1, baseNameMatch: true, onlyFiles: true, dot: true });
    return matches.includes(basename(root)) ? [root] : [];
  }
  let found: string[];
  try {
    found = await fg(include.length ? [...include] : ['**'], {
      cwd: root,
      absolute: true,
      onlyFiles: true,
      dot: false,
      baseNameMatch: true,
      followSymbolicLinks: true,
      suppressErrors: false,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new InputError(`${flag} ${root}: a directory inside it is not readable (${(error as NodeJS.ErrnoException).path ?? 'permission denied'}); fix its permissions.`);
    throw error;
  }
  return onePathPerFile(found.filter((path) => !relative(root, path).split(sep).some(isHiddenName)));
}

/**
 * Symbolic links are followed (log folders are often links), so one file can
 * be found under several paths: a link to a sibling, or a link back up the
 * tree, which fast-glob follows until the path is too long (40 copies of
 * every file below it). Each file is read once, under the first path found.
 */
async function onePathPerFile(paths: string[]): Promise<string[]> {
  const real = await Promise.all(paths.map((path) => realpath(path).catch(() => path)));
  const seen = new Set<string>();
  return paths.filter((_, i) => !seen.has(real[i]!) && seen.add(real[i]!));
}
