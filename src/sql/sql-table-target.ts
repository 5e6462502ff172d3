import type { Target } from '../core/target.js';
import { describeConnection, type ConnectionSpec } from './connection-spec.js';
import { openExistingDatabase } from './database.js';
import { DEFAULT_MARKER_TABLE, MarkerTable } from './marker-table.js';

/**
 * A table loaded by one task (luigi's MySqlTarget): it exists when the marker
 * row `update_id` is in the marker table. The row is committed with the data,
 * so existing means the whole load is there. Asking never creates anything.
 */
export class SqlTableTarget implements Target {
  constructor(
    readonly connection: ConnectionSpec,
    readonly table: string,
    readonly updateId: string,
    readonly markerTable: string = DEFAULT_MARKER_TABLE,
  ) {}

  async exists(): Promise<boolean> {
    const db = await openExistingDatabase(this.connection);
    if (!db) return false;
    try {
      return await new MarkerTable(db, this.markerTable).has(db.driver, this.updateId);
    } finally {
      await db.driver.close();
    }
  }

  toString(): string {
    return `${describeConnection(this.connection)}#${this.table}`;
  }
}
