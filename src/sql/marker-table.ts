import { createHash } from 'node:crypto';
import type { Database } from './database.js';
import type { SqlSession } from './driver.js';

/** luigi's and edX's marker table name. */
export const DEFAULT_MARKER_TABLE = 'table_updates';
/** update_id is VARCHAR(128) in luigi's marker table; existing edX tables keep that width. */
const UPDATE_ID_LIMIT = 128;

/**
 * The marker id for a task id: the task id itself when it fits, else a readable
 * prefix plus a digest of the whole id, so distinct ids stay distinct.
 */
export function markerUpdateId(taskId: string): string {
  if (taskId.length <= UPDATE_ID_LIMIT) return taskId;
  const digest = createHash('sha256').update(taskId).digest('hex').slice(0, 24);
  return taskId.slice(0, UPDATE_ID_LIMIT - digest.length - 1) + '~' + digest;
}

/**
 * The `table_updates` rows that say "this task's load committed". Written in
 * the load's own transaction, so a marker never exists without its data.
 */
export class MarkerTable {
  constructor(
    private readonly db: Database,
    readonly name: string = DEFAULT_MARKER_TABLE,
  ) {}

  /** Creates the marker table unless it exists (so no CREATE privilege is needed once it does). */
  async ensure(session: SqlSession): Promise<void> {
    if (await this.db.introspector.columns(session, this.name)) return;
    for (const sql of this.db.writer.createMarkerTable(this.name)) await session.execute(sql);
  }

  /** False also when the marker table does not exist yet. */
  async has(session: SqlSession, updateId: string): Promise<boolean> {
    if (!(await this.db.introspector.columns(session, this.name))) return false;
    const w = this.db.writer;
    const rows = await session.query(`SELECT 1 AS found FROM ${w.quote(this.name)} WHERE ${w.quote('update_id')} = ?`, [updateId]);
    return rows.length > 0;
  }

  /** A plain INSERT: if a concurrent load got there first, the unique key fails this transaction. */
  async touch(session: SqlSession, updateId: string, targetTable: string): Promise<void> {
    await session.execute(this.db.writer.insert(this.name, ['update_id', 'target_table'], 1), [updateId, targetTable]);
  }

  /** Forget every load of a table (whole-table overwrite, as edX does). */
  async forgetTable(session: SqlSession, targetTable: string): Promise<number> {
    return (await session.execute(this.db.writer.deleteRows(this.name, ['target_table']), [targetTable])).affectedRows;
  }

  /** Forget one load (partition overwrite, as edX's IncrementalMysqlInsertTask). */
  async forget(session: SqlSession, updateId: string): Promise<number> {
    return (await session.execute(this.db.writer.deleteRows(this.name, ['update_id']), [updateId])).affectedRows;
  }
}
