/**
 * The two dialects every SQL contract test runs against: a fresh SQLite file
 * per test and the real MariaDB from test/support/services.ts. Tables get
 * unique names so concurrent test runs never collide, and are dropped after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, onTestFinished } from 'vitest';
import { parseDatabaseUrl, withDatabase, type ConnectionSpec } from '../../../src/sql/index.js';
import { describeMysql, MYSQL_TEST_URL } from '../../support/services.js';

export type DialectName = 'sqlite' | 'mysql';

export interface DialectUnderTest {
  name: DialectName;
  describe: typeof describe;
  /** A database for one test: a new SQLite file, or the shared MariaDB test database. */
  connect(): ConnectionSpec;
}

export const DIALECTS: readonly DialectUnderTest[] = [
  {
    name: 'sqlite',
    describe,
    connect() {
      const dir = mkdtempSync(join(tmpdir(), 'pipewright-sql-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      return parseDatabaseUrl(`sqlite:${join(dir, 'test.sqlite')}`);
    },
  },
  { name: 'mysql', describe: describeMysql, connect: () => parseDatabaseUrl(MYSQL_TEST_URL) },
];

let counter = 0;
/** A table name no other test (or concurrent run) uses; dropped when the test ends. */
export function uniqueTable(spec: ConnectionSpec, prefix: string): string {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  onTestFinished(() => dropTables(spec, [name]));
  return name;
}

export async function dropTables(spec: ConnectionSpec, tables: readonly string[]): Promise<void> {
  if (spec.dialect === 'sqlite') return; // the whole file goes with its folder
  await withDatabase(spec, async (db) => {
    for (const t of tables) await db.driver.execute(`DROP TABLE IF EXISTS ${db.writer.quote(t)}`);
  });
}
