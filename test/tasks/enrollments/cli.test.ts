import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import fg from 'fast-glob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { CONFORMANCE, LAUNCH_TASK } from '../../support/paths.js';
import { describeMysql, MYSQL_TEST_URL } from '../../support/services.js';
import { expectedCsvRows, logWorkDir, tableRows, uploadDailyLogs, uploadLog, type LogWorkDir } from '../user-activity/support.js';
import { loadLmsIntoMysql, loadLmsIntoSqlite } from './lms.js';

const LOG = join(CONFORMANCE, 'enrollments/input/enrollment_trends_tracking.log');
const EXPECTED = join(CONFORMANCE, 'enrollments/expected');
const TABLES: Record<string, string[]> = {
  course_enrollment_daily: ['date', 'course_id', 'count', 'cumulative_count'],
  course_enrollment_mode_daily: ['date', 'course_id', 'mode', 'count', 'cumulative_count'],
  course_enrollment_gender_daily: ['date', 'course_id', 'gender', 'count', 'cumulative_count'],
  course_enrollment_birth_year_daily: ['date', 'course_id', 'birth_year', 'count', 'cumulative_count'],
  course_enrollment_education_level_daily: ['date', 'course_id', 'education_level', 'count', 'cumulative_count'],
};
const TASK = 'ImportEnrollmentsIntoMysql';
// edX's acceptance invocation (test_enrollments.py); inline runner to keep the file fast.
const ACCEPTANCE = ['--interval', '2014-07-30-2014-08-07', '--overwrite-n-days', '7', '--date', '2016-09-08', '--n-reduce-tasks', '1', '--runner', 'inline'];

beforeAll(() => ensureBuilt(), 120_000);

async function expectEdxTables(db: string): Promise<void> {
  for (const [table, columns] of Object.entries(TABLES)) expect(await tableRows(db, table, columns), table).toEqual(expectedCsvRows(join(EXPECTED, `${table}.csv`)));
}

/** The user x course summary partition, NULL written as edX's CSV writes it (empty). */
function summaryRows(dir: LogWorkDir, end: string): string[] {
  const files = fg.sync(`course_enrollment_summary/dt=${end}/part-*`, { cwd: dir.warehouse, absolute: true });
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t').map((c) => (c === '\\N' ? '' : c)).join(','))).sort();
}

describe.runIf(existsSync(LAUNCH_TASK))('enrollments into SQLite (LMS export in SQLite)', () => {
  const dir = logWorkDir('enrollments-');
  uploadLog(dir, LOG, '20140730');
  const lms = loadLmsIntoSqlite(join(dir.root, 'lms.sqlite'));
  const db = `sqlite:${join(dir.root, 'out.sqlite')}`;
  const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', db, '--import-database-url', lms, '--additional-config', dir.config];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's five daily tables and writes edX's user x course summary", async () => {
    // The default local runner (worker threads) here; the other runs use the inline one.
    const result = await launchTask([...args, ...ACCEPTANCE.slice(0, -2)]);
    expect(result.code, result.stderr).toBe(0);
    await expectEdxTables(db);
    expect(summaryRows(dir, '2014-08-07')).toEqual(expectedCsvRows(join(EXPECTED, 'acceptance_expected_d_user_course.csv')));
    // Users 5 and 6 enrolled on 2014-07-30, before the 7 re-scanned days: named, not silently lost.
    expect(result.stdout + result.stderr).toMatch(/Enrollments Discard Event Outside Interval: 2/);
    // Each history job files every event it reads under exactly one subset, counted per job (not summed over both).
    for (const family of ['CourseEnrollmentTask', 'CourseEnrollmentSummaryTask']) {
      const read = Number(new RegExp(`Input ${family} lines read: (\\d+)`).exec(result.stderr)?.[1]);
      const subsets = [...result.stderr.matchAll(new RegExp(`Enrollments ${family} Subset [^:]+: (\\d+)`, 'g'))].map((m) => Number(m[1]));
      expect(read, result.stderr).toBeGreaterThan(0);
      expect(subsets.reduce((a, b) => a + b, 0), family).toBe(read);
    }
  });

  it('does nothing on a second identical run (given as --interval-start/--interval-end, edX nightly form)', async () => {
    const sameRun = ACCEPTANCE.slice(2);
    const result = await launchTask([...args, '--interval-start', '2014-07-30', '--interval-end', '2014-08-07', ...sameRun]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/rows inserted/);
    await expectEdxTables(db);
  });

  it('with neither --interval nor --interval-start, one usage line names both forms (exit 64)', async () => {
    const result = await launchTask([...args, ...ACCEPTANCE.slice(2)]);
    expect(result.code).toBe(64);
    expect(result.stderr.trim()).toBe('launch-task: ImportEnrollmentsIntoMysql: give --interval (e.g. 2024-03-01-2024-03-08), or --interval-start for the nightly form (up to --interval-end, default today).');
  });

  it('--overwrite-hive rebuilds the warehouse history and the run completes with the same tables', async () => {
    const history = join(dir.warehouse, 'course_enrollment/dt=2014-08-07/_SUCCESS');
    const before = statSync(history).mtimeMs;
    const again = `sqlite:${join(dir.root, 'again.sqlite')}`;
    const result = await launchTask([...args, '--database-url', again, ...ACCEPTANCE, '--overwrite-hive']);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(history).mtimeMs, result.stdout + result.stderr).toBeGreaterThan(before);
    await expectEdxTables(again);
  });

  it('without an LMS database, fails in one line naming the option before loading anything', async () => {
    const fresh = logWorkDir('enrollments-nolms-');
    uploadLog(fresh, LOG, '20140730');
    const freshDb = join(fresh.root, 'out.sqlite');
    const result = await launchTask([TASK, '--source', JSON.stringify([fresh.source]), '--database-url', `sqlite:${freshDb}`, '--additional-config', fresh.config, ...ACCEPTANCE]);
    const loaded = existsSync(freshDb); // the daily and mode tables used to load first
    rmSync(fresh.root, { recursive: true, force: true });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/--import-database-url/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(loaded).toBe(false);
  });
});

describe.runIf(existsSync(LAUNCH_TASK))('enrollments, nightly runs', () => {
  it('an earlier run plus an incremental run equal one full run', async () => {
    const runs = async (dir: LogWorkDir, db: string, nights: string[][]) => {
      const lms = loadLmsIntoSqlite(join(dir.root, 'lms.sqlite'));
      const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', db, '--import-database-url', lms, '--additional-config', dir.config];
      for (const night of nights) {
        const result = await launchTask([...args, ...night, '--date', '2016-09-08', '--overwrite-mysql', '--n-reduce-tasks', '2', '--runner', 'inline']);
        expect(result.code, result.stderr).toBe(0);
      }
    };
    const full = logWorkDir('enrollments-full-');
    const nightly = logWorkDir('enrollments-nightly-');
    for (const dir of [full, nightly]) uploadDailyLogs(dir, LOG);
    const fullDb = `sqlite:${join(full.root, 'out.sqlite')}`;
    const nightlyDb = `sqlite:${join(nightly.root, 'out.sqlite')}`;
    await runs(full, fullDb, [['--interval', '2014-07-30-2014-08-07', '--overwrite-n-days', '8']]);
    await runs(nightly, nightlyDb, [
      ['--interval', '2014-07-30-2014-08-05', '--overwrite-n-days', '6'],
      ['--interval', '2014-07-30-2014-08-07', '--overwrite-n-days', '2'],
    ]);
    for (const [table, columns] of Object.entries(TABLES)) {
      const rows = await tableRows(fullDb, table, columns);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(await tableRows(nightlyDb, table, columns), table).toEqual(rows);
    }
    expect(summaryRows(nightly, '2014-08-07')).toEqual(summaryRows(full, '2014-08-07'));
    // With every day re-scanned, users 5 and 6 (2014-07-30) count too: the full run is not edX's 7-day run.
    expect(summaryRows(full, '2014-08-07').some((row) => row.includes(',5,'))).toBe(true);
    for (const dir of [full, nightly]) rmSync(dir.root, { recursive: true, force: true });
  });
});

describeMysql('enrollments into MariaDB (LMS export in MariaDB)', () => {
  const dir = logWorkDir('enrollments-mysql-');
  uploadLog(dir, LOG, '20140730');
  let lms = '';
  beforeAll(async () => {
    lms = await loadLmsIntoMysql('pipewright_lms_test');
    const conn = await mysql.createConnection(MYSQL_TEST_URL);
    for (const table of Object.keys(TABLES)) {
      await conn.query(`DROP TABLE IF EXISTS ${table}`);
      await conn.query('DELETE FROM table_updates WHERE target_table = ?', [table]).catch(() => undefined);
    }
    await conn.end();
  });
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's five daily tables, and a rerun changes nothing", async () => {
    const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', MYSQL_TEST_URL, '--import-database-url', lms, '--additional-config', dir.config];
    const result = await launchTask([...args, ...ACCEPTANCE]);
    expect(result.code, result.stderr).toBe(0);
    await expectEdxTables(MYSQL_TEST_URL);
    const again = await launchTask([...args, ...ACCEPTANCE]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).not.toMatch(/rows inserted/);
    await expectEdxTables(MYSQL_TEST_URL);
  });
});
