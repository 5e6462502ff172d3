import { OutputError } from '../core/errors.js';
import { CannotMakeDirectory, makeDirectory } from './make-directory.js';

// The file-system refusals a user fixes by choosing another place or freeing one, in words.
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is in the way',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

/**
 * A file-system error met while writing an output, as the one-line OutputError
 * that names the path and the fix; other errors are returned unchanged (they
 * are bugs or input problems, reported as they are).
 */
export function outputFailure(path: string, error: unknown): unknown {
  const reason = error instanceof CannotMakeDirectory ? error.reason : REASONS[(error as NodeJS.ErrnoException)?.code ?? ''];
  if (!reason) return error;
  return new OutputError(`Cannot write output ${path}: ${reason}; fix that, or choose another output location (e.g. --dest).`, { cause: error });
}

/** `mkdir -p` for a folder an output is written in, failing with an OutputError naming `forPath`. */
export async function makeOutputDir(dir: string, forPath: string = dir): Promise<void> {
  try {
    await makeDirectory(dir);
  } catch (error) {
    throw outputFailure(forPath, error);
  }
}
