import { existsSync } from 'node:fs';
import { describeConnection, type ConnectionSpec } from './connection-spec.js';
import type { SqlDriver } from './driver.js';
import type { Introspector } from './introspection.js';
import { MysqlDriver } from './mysql/mysql-driver.js';
import { MysqlIntrospector } from './mysql/mysql-introspector.js';
import { MysqlWriter } from './mysql/mysql-writer.js';
import type { SqlWriter } from './sql-writer.js';
import { SqliteDriver } from './sqlite/sqlite-driver.js';
import { SqliteIntrospector } from './sqlite/sqlite-introspector.js';
import { SqliteWriter } from './sqlite/sqlite-writer.js';

/** An open connection and the dialect's collaborators: what a loader works with. */
export interface Database {
  readonly spec: ConnectionSpec;
  readonly driver: SqlDriver;
  readonly writer: SqlWriter;
  readonly introspector: Introspector;
  /** True when CREATE TABLE can be rolled back with the data (SQLite); MySQL commits DDL at once. */
  readonly transactionalDdl: boolean;
  /** `mysql://user@host:port/db` or `sqlite:/path`, for messages. */
  readonly where: string;
}

/** Connects (MySQL) or opens, creating the file if needed (SQLite). Failures are one-line DatabaseErrors. */
export async function openDatabase(spec: ConnectionSpec): Promise<Database> {
  if (spec.dialect === 'mysql')
    return {
      spec,
      driver: await MysqlDriver.connect(spec),
      writer: new MysqlWriter(),
      introspector: new MysqlIntrospector(),
      transactionalDdl: false,
      where: describeConnection(spec),
    };
  return sqliteDatabase(spec, SqliteDriver.open(spec));
}

/**
 * For read-only checks (is the marker there?): undefined when the SQLite file
 * does not exist yet, so asking never creates an empty database.
 */
export async function openExistingDatabase(spec: ConnectionSpec): Promise<Database | undefined> {
  if (spec.dialect === 'mysql') return openDatabase(spec);
  if (!existsSync(spec.path)) return undefined;
  return sqliteDatabase(spec, SqliteDriver.open(spec, { readonly: true }));
}

function sqliteDatabase(spec: ConnectionSpec, driver: SqlDriver): Database {
  return {
    spec,
    driver,
    writer: new SqliteWriter(),
    introspector: new SqliteIntrospector(),
    transactionalDdl: true,
    where: describeConnection(spec),
  };
}

/** Opens, runs fn, always closes. */
export async function withDatabase<T>(spec: ConnectionSpec, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(spec);
  try {
    return await fn(db);
  } finally {
    await db.driver.close();
  }
}
