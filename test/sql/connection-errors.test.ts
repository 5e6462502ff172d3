import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DatabaseError, openDatabase, parseDatabaseUrl, queryRows, type MysqlConnectionSpec } from '../../src/sql/index.js';
import { describeMysql, MYSQL_TEST_URL } from '../support/services.js';
import { scoreLoadTask } from './support/load-tasks.js';
import { lmsConnection } from '../../src/tasks/enrollments/lms-connection.js';

const good = parseDatabaseUrl(MYSQL_TEST_URL) as MysqlConnectionSpec;

async function connectError(spec: MysqlConnectionSpec): Promise<DatabaseError> {
  const error = await openDatabase(spec).then(
    async (db) => {
      await db.driver.close();
      throw new Error('connected, but should not have');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return error as DatabaseError;
}

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describeMysql('MySQL connection errors name host, port, database and the cause, never the password', () => {
  test('when the password is wrong then access is denied for the user', async () => {
    const error = await connectError({ ...good, password: 'not-the-password-xyz' });
    expect(error.message).toBe(
      `Cannot connect to MySQL at ${good.host}:${good.port}, database ${good.database}: access denied for user ${good.user} (check the username and password). Check --credentials, --database-url or [database] in the config.`,
    );
    expect(error.message).not.toContain('not-the-password-xyz');
  });

  test('when the LMS database (--import-database-url) refuses the password then the error names those settings, not the output database', async () => {
    const lms = lmsConnection({ importDatabaseUrl: MYSQL_TEST_URL.replace(/:[^:@/]+@/, ':wrong-lms-pw@'), importCredentials: '', importDatabase: '' });
    const error = await connectError(lms as MysqlConnectionSpec);
    expect(error.message).toMatch(/access denied for user .*\. Check --import-database-url, --import-credentials or \[database-import\] in the config \(the LMS database\)\.$/);
    expect(error.message).not.toContain('wrong-lms-pw');
  });

  test('when the database does not exist then the error says so and how to create it', async () => {
    const error = await connectError({ ...good, database: 'pipewright_no_such_db' });
    expect(error.message).toContain(`at ${good.host}:${good.port}, database pipewright_no_such_db: unknown database pipewright_no_such_db (create it with CREATE DATABASE`);
    expect(error.message).not.toContain(good.password);
  });

  test('when a load task points at the wrong password then run() fails with the same one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipewright-creds-'));
    try {
      const credentials = join(dir, 'creds.json');
      writeFileSync(credentials, JSON.stringify({ host: good.host, port: good.port, username: good.user, password: 'wrong-pw-123', database: good.database }));
      const Load = scoreLoadTask({ table: 'never_created', markerTable: 'never_marks', rows: () => [] });
      const error = await new Load({ credentials }).run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as Error).message).toMatch(/^Cannot connect to MySQL at 127\.0\.0\.1:3306, database pipewright_test: access denied/);
      expect((error as Error).message).not.toContain('wrong-pw-123');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('MySQL connection errors without a server', () => {
  let silent: Server;
  beforeAll(async () => {
    // Accepts TCP connections and never sends MySQL's handshake: what a wedged server or proxy looks like.
    silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise((r) => silent.close(r)));

  test('when nothing listens on the port then the connection is refused', async () => {
    const port = await closedPort();
    const error = await connectError({ ...good, port });
    expect(error.message).toContain(`at 127.0.0.1:${port}, database ${good.database}: connection refused (is the server running`);
  });

  test('when the host name does not resolve then the error says unknown host', async () => {
    const error = await connectError({ ...good, host: 'no-such-host.invalid' });
    expect(error.message).toContain(`at no-such-host.invalid:${good.port}, database ${good.database}: unknown host`);
  });

  test('when the server never answers then the connect times out', async () => {
    const port = (silent.address() as { port: number }).port;
    const error = await connectError({ ...good, port, connectTimeoutMs: 300 });
    expect(error.message).toContain(`at 127.0.0.1:${port}, database ${good.database}: timed out after 0.3 s`);
  });
});

describe('SQLite open errors', () => {
  test('when the LMS database (--import-database-url) is a SQLite file that is not there then the error names those settings', async () => {
    const path = join(tmpdir(), `pipewright-no-lms-${process.pid}.sqlite`);
    const lms = lmsConnection({ importDatabaseUrl: `sqlite:${path}`, importCredentials: '', importDatabase: '' });
    await expect(queryRows(lms, 'SELECT 1')).rejects.toThrow(
      `No SQLite database at ${path}; check --import-database-url, --import-credentials or [database-import] in the config (the LMS database).`,
    );
    await expect(queryRows(`sqlite:${path}`, 'SELECT 1')).rejects.toThrow(`No SQLite database at ${path}; run the load first or check the path.`);
  });

  test('when the path lies under a file then the error names the path and the cause', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipewright-sqlite-'));
    try {
      writeFileSync(join(dir, 'plain-file'), 'not a folder');
      const path = join(dir, 'plain-file', 'db', 'pipewright.sqlite');
      await expect(openDatabase({ dialect: 'sqlite', path })).rejects.toThrow(
        `Cannot open SQLite database ${path}: a parent of that path is a file, not a folder. Pass --database-url sqlite:PATH to use another file.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('when the path is a folder then the file cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipewright-sqlite-'));
    try {
      await expect(openDatabase({ dialect: 'sqlite', path: dir })).rejects.toThrow(`Cannot open SQLite database ${dir}: cannot open the file`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('when the file is not a database then the error says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipewright-sqlite-'));
    try {
      const path = join(dir, 'notes.sqlite');
      writeFileSync(path, 'x'.repeat(4096));
      await expect(openDatabase({ dialect: 'sqlite', path })).rejects.toThrow(`Cannot open SQLite database ${path}: the file is not a SQLite database`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
