import { parseDatabaseUrl, type ConnectionSpec } from './connection-spec.js';
import { withDatabase } from './database.js';
import type { SqlParams } from './driver.js';

/**
 * Reads rows back, for tests, demos and checks: opens the database, runs one
 * query, closes. `connection` is a spec or a `--database-url` string.
 *
 *     const rows = await queryRows('sqlite:out/pipewright.sqlite', 'SELECT * FROM answer_distribution ORDER BY id');
 */
export async function queryRows<R = Record<string, unknown>>(connection: ConnectionSpec | string, sql: string, params: SqlParams = []): Promise<R[]> {
  const spec = typeof connection === 'string' ? parseDatabaseUrl(connection) : connection;
  return withDatabase(spec, (db) => db.driver.query<R>(sql, params));
}
