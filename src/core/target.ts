/**
 * A Target is something a task produces: a file, a directory of part files, a
 * marker row in a database. It has one required method, exists(). Targets that
 * are written promise atomicity: exists() is never true for half an output.
 */
export interface Target {
  exists(): boolean | Promise<boolean>;
  /** Where it is, for messages: a path, `mysql://host/db.table`, ... */
  toString(): string;
}

export function isTarget(value: unknown): value is Target {
  return typeof value === 'object' && value !== null && typeof (value as Target).exists === 'function';
}
