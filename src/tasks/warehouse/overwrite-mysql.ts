import type { SqlLoadTask } from '../../sql/index.js';

/**
 * edX's MySQL loads of these workflows take `--overwrite-mysql` (default
 * off) in place of `--overwrite`; SqlLoadTask reads `overwrite`, so it is
 * set from the edX flag once the parameters are resolved (`--overwrite`
 * works too).
 */
export function overwriteFromMysqlFlag(task: SqlLoadTask & { overwriteMysql: boolean }): void {
  // Parameters are read-only properties; this one is redefined once, in the constructor.
  Object.defineProperty(task, 'overwrite', { value: task.overwrite || task.overwriteMysql, enumerable: true, writable: false, configurable: true });
}
