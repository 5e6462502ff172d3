import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SUCCESS_MARKER, type DirectoryTarget } from '../../targets/index.js';

// File systems with 1 s timestamps round a fresh _SUCCESS down to the second: compare whole seconds.
const PROCESS_START_SECOND_MS = Math.floor(performance.timeOrigin / 1000) * 1000;

/**
 * For `--overwrite` / `--overwrite-hive`: an output counts as done only if
 * this process wrote it (its `_SUCCESS` is newer than the process start).
 * Kept in the files, not in the task object, so every instance the
 * scheduler builds for the same task agrees.
 */
export function rebuiltByThisProcess(target: DirectoryTarget): boolean {
  try {
    return statSync(join(target.path, SUCCESS_MARKER)).mtimeMs >= PROCESS_START_SECOND_MS;
  } catch {
    return false;
  }
}

/** complete() of an output that `overwrite` asks to rebuild once per run. */
export function isComplete(targets: readonly DirectoryTarget[], overwrite: boolean): boolean {
  return targets.every((target) => (overwrite ? rebuiltByThisProcess(target) : target.exists()));
}
