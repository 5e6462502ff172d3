import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { CONFORMANCE, LAUNCH_TASK } from '../../support/paths.js';
import { describeMysql, MYSQL_TEST_URL } from '../../support/services.js';
import { expectedCsvRows, logWorkDir, tableRows, uploadDailyLogs, uploadLog } from './support.js';

const LOG = join(CONFORMANCE, 'user_activity/input/user_activity_tracking.log');
const EXPECTED = join(CONFORMANCE, 'user_activity/expected/course_activity.csv');
const COLUMNS = ['course_id', 'interval_start', 'interval_end', 'label', 'count'];
const TASK = 'InsertToMysqlCourseActivityTask';
// edX's acceptance invocation (test_user_activity.py), inline runner to keep the file fast.
const ACCEPTANCE = ['--end-date', '2014-07-01', '--weeks', '6', '--overwrite-n-days', '43', '--overwrite-mysql', '--n-reduce-tasks', '1', '--runner', 'inline'];

beforeAll(() => ensureBuilt(), 120_000);

describe.runIf(existsSync(LAUNCH_TASK))('weekly course activity into SQLite', () => {
  const dir = logWorkDir('course-activity-');
  uploadLog(dir, LOG, '20140701');
  const db = `sqlite:${join(dir.root, 'out.sqlite')}`;
  const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', db, '--additional-config', dir.config];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's course_activity rows and names every dropped event", async () => {
    // The default local runner (worker threads) here; the other runs use the inline one.
    const result = await launchTask([...args, ...ACCEPTANCE.slice(0, -2)]);
    expect(result.code, result.stderr).toBe(0);
    expect(await tableRows(db, 'course_activity', COLUMNS)).toEqual(expectedCsvRows(EXPECTED));
    const out = result.stdout + result.stderr;
    expect(out).toMatch(/UserActivity Discard Missing User ID: 11/);
    expect(out).toMatch(/UserActivity Discard Event Outside Interval: 5/);
    expect(existsSync(join(dir.warehouse, 'user_activity_by_user/dt=2014-06-16/user_activity_2014-06-16'))).toBe(true);
  });

  it('does nothing on a second identical run', async () => {
    const before = await queryRows(db, 'SELECT * FROM course_activity ORDER BY course_id, interval_start, label');
    const result = await launchTask([...args, ...ACCEPTANCE]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/rows inserted/);
    expect(await queryRows(db, 'SELECT * FROM course_activity ORDER BY course_id, interval_start, label')).toEqual(before);
  });

  it('fails in one line without a warehouse', async () => {
    const result = await launchTask([TASK, '--source', JSON.stringify([dir.source]), '--database-url', db, ...ACCEPTANCE]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--warehouse-path/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.runIf(existsSync(LAUNCH_TASK))('weekly course activity, nightly runs', () => {
  const dir = logWorkDir('course-activity-nightly-');
  uploadDailyLogs(dir, LOG);
  const db = `sqlite:${join(dir.root, 'out.sqlite')}`;
  const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', db, '--additional-config', dir.config, '--n-reduce-tasks', '2', '--runner', 'inline'];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('an earlier run plus an incremental run equal one full run', async () => {
    // Night 1 re-scans everything up to 2014-06-16; night 2 re-scans only the last 15 days and reuses the rest.
    const first = await launchTask([...args, '--end-date', '2014-06-16', '--weeks', '4', '--overwrite-n-days', '30', '--overwrite-mysql']);
    expect(first.code, first.stderr).toBe(0);
    expect(await tableRows(db, 'course_activity', COLUMNS)).not.toEqual(expectedCsvRows(EXPECTED));
    const second = await launchTask([...args, '--end-date', '2014-07-01', '--weeks', '6', '--overwrite-n-days', '15', '--overwrite-mysql']);
    expect(second.code, second.stderr).toBe(0);
    expect(await tableRows(db, 'course_activity', COLUMNS)).toEqual(expectedCsvRows(EXPECTED));
  });

  it('without the earlier partitions, the same incremental run misses the earlier weeks', async () => {
    rmSync(dir.warehouse, { recursive: true, force: true });
    const fresh = `sqlite:${join(dir.root, 'fresh.sqlite')}`;
    const alone = await launchTask([...args, '--database-url', fresh, '--end-date', '2014-07-01', '--weeks', '6', '--overwrite-n-days', '15', '--overwrite-mysql']);
    expect(alone.code, alone.stderr).toBe(0);
    const rows = await tableRows(fresh, 'course_activity', COLUMNS);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.includes('2014-05-19'))).toBe(false);
    // Not silently: the 42 days of the six weeks less the 14 re-scanned ones are named as missing.
    expect(alone.stdout + alone.stderr).toMatch(/Days Missing: No Partition From An Earlier Run \(widen --overwrite-n-days\): 28\b/);
  });
});

describeMysql('weekly course activity into MariaDB', () => {
  const dir = logWorkDir('course-activity-mysql-');
  uploadLog(dir, LOG, '20140701');
  const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', MYSQL_TEST_URL, '--additional-config', dir.config];
  beforeAll(async () => {
    const conn = await mysql.createConnection(MYSQL_TEST_URL);
    await conn.query('DROP TABLE IF EXISTS course_activity');
    await conn.query("DELETE FROM table_updates WHERE target_table = 'course_activity'").catch(() => undefined);
    await conn.end();
  });
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's rows, and a rerun changes nothing", async () => {
    const result = await launchTask([...args, ...ACCEPTANCE]);
    expect(result.code, result.stderr).toBe(0);
    expect(await tableRows(MYSQL_TEST_URL, 'course_activity', COLUMNS)).toEqual(expectedCsvRows(EXPECTED));
    const again = await launchTask([...args, ...ACCEPTANCE]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).not.toMatch(/rows inserted/);
    expect(await tableRows(MYSQL_TEST_URL, 'course_activity', COLUMNS)).toEqual(expectedCsvRows(EXPECTED));
  });
});
