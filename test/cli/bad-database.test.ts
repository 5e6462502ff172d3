/**
 * Database trouble through the real `launch-task` (answer distribution into
 * MariaDB): each is one line on stderr naming the server or table and the
 * fix, never the password, and leaves the table as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../src/sql/index.js';
import { describeMysql, MYSQL_TEST_URL } from '../support/services.js';
import { ensureBuilt, launchTask } from './build-once.js';
import { problemCheck } from './support/bad-logs.js';

const DATABASE = `pw_bad_db_${process.pid}`;
const url = (edit: (u: URL) => void) => {
  const u = new URL(MYSQL_TEST_URL);
  edit(u);
  return u.toString();
};

describeMysql('database errors through launch-task', () => {
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = await mkdtemp(join(tmpdir(), 'pipewright-bad-db-'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'tracking.log-20240304'), ['A', 'B', 'A'].map((a, i) => problemCheck(`u${i}`, a)).join('\n') + '\n');
    await queryRows(MYSQL_TEST_URL, `CREATE DATABASE IF NOT EXISTS ${DATABASE}`);
  });
  afterAll(async () => {
    await queryRows(MYSQL_TEST_URL, `DROP DATABASE IF EXISTS ${DATABASE}`);
    await rm(dir, { recursive: true, force: true });
  });

  const load = (name: string, database: string[]) =>
    launchTask(['AnswerDistributionToMySQLTaskWorkflow', '--src', join(dir, 'logs'), '--dest', join(dir, name), '--name', name, '--lock-dir', join(dir, 'locks'), ...database], { cwd: dir });
  const failure = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('  FAILED '));

  it('a closed port, a wrong password and an unknown database each fail in one line that says what to check', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ host: '127.0.0.1', port: Number(new URL(MYSQL_TEST_URL).port), username: 'pipewright', password: 'no-such-pw-42' }));
    const runs = await Promise.all([
      load('closed', ['--database-url', url((u) => (u.port = String(port)))]),
      load('password', ['--credentials', join(dir, 'wrong.json'), '--database', DATABASE]),
      load('unknown', ['--database-url', url((u) => (u.pathname = '/pw_bad_db_not_there'))]),
    ]);
    const expected = [
      `connection refused (is the server running and listening on that port?)`,
      `access denied for user pipewright (check the username and password)`,
      `unknown database pw_bad_db_not_there (create it with CREATE DATABASE, or fix the name)`,
    ];
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(1);
      expect(failure(run.stderr)).toEqual([expect.stringContaining(expected[i]!)]);
      expect(run.stderr).not.toContain('no-such-pw-42');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  });

  it('an existing table with other columns is named with the column that differs, and is left alone', async () => {
    const target = url((u) => (u.pathname = `/${DATABASE}`));
    await queryRows(target, 'CREATE TABLE answer_distribution (id INT PRIMARY KEY, course_id VARCHAR(10), note TEXT)');
    await queryRows(target, "INSERT INTO answer_distribution VALUES (1, 'keep', 'me')");
    const run = await load('schema', ['--database-url', target]);
    expect(run.code).toBe(1);
    expect(failure(run.stderr)).toEqual([
      expect.stringContaining(`Table answer_distribution in mysql://pipewright@127.0.0.1:3306/${DATABASE} has no column module_id`),
    ]);
    expect(failure(run.stderr)[0]).toContain('drop or migrate the table, or load into another table');
    expect(await queryRows(target, 'SELECT * FROM answer_distribution')).toEqual([{ id: 1, course_id: 'keep', note: 'me' }]);
  });
});
