import type { DirectoryTarget } from '../../targets/index.js';

/**
 * For `--overwrite` / `--overwrite-hive`: an output counts as done only if
 * this process wrote it. The `_SUCCESS` marker names its writer, so every
 * instance the scheduler builds for the same task agrees, and an output an
 * earlier run wrote a moment before this one started is never mistaken for
 * ours (file times, rounded to the second on some file systems, were).
 */
export function rebuiltByThisProcess(target: DirectoryTarget): boolean {
  return target.writtenByThisProcess();
}

/** complete() of an output that `overwrite` asks to rebuild once per run. */
export function isComplete(targets: readonly DirectoryTarget[], overwrite: boolean): boolean {
  return targets.every((target) => (overwrite ? rebuiltByThisProcess(target) : target.exists()));
}
