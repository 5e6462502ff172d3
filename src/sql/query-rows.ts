import { parseDatabaseUrl, type ConnectionSpec } from './connection-spec.js';
import { openExistingDatabase } from './database.js';
import type { SqlParams } from './driver.js';
import { DatabaseError } from './errors.js';

/**
 * Reads rows back, for tests, demos and checks: opens the database, runs one
 * query, closes. `connection` is a spec or a `--database-url` string. A
 * SQLite file that does not exist is an error, never created.
 *
 *     const rows = await queryRows('sqlite:out/pipewright.sqlite', 'SELECT * FROM answer_distribution ORDER BY id');
 */
export async function queryRows<R = Record<string, unknown>>(connection: ConnectionSpec | string, sql: string, params: SqlParams = []): Promise<R[]> {
  const spec = typeof connection === 'string' ? parseDatabaseUrl(connection) : connection;
  const db = await openExistingDatabase(spec);
  if (!db) {
    const path = spec.dialect === 'sqlite' ? spec.path : '';
    throw new DatabaseError(`No SQLite database at ${path}; ${spec.settings ? `check ${spec.settings}` : 'run the load first or check the path'}.`);
  }
  try {
    return await db.driver.query<R>(sql, params);
  } finally {
    await db.driver.close();
  }
}
