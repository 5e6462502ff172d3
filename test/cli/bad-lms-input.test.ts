/**
 * Bad LMS input through the real `launch-task`, for the three workflows that
 * import LMS tables (enrollment breakdowns: auth_userprofile; engagement
 * CSVs: auth_user and the cohort tables; grade distribution:
 * courseware_studentmodule), with the LMS in SQLite and in MariaDB. A bad
 * row is counted by name and the counts add up; a bad table, column or
 * connection is one line naming it and what to check; the warehouse never
 * holds a line with a field too many or too few.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/sql/index.js';
import { describeMysql, MYSQL_TEST_URL } from '../support/services.js';
import { freshMysqlDatabase } from '../tasks/video/support.js';
import { ensureBuilt, launchTask, type CliRun } from './build-once.js';

const A = 'edX/DemoX/T1';
const P1 = 'block-v1:edX+DemoX+T1+type@problem+block@p1';
const S1 = 'block-v1:edX+DemoX+T1+type@sequential+block@s1';

/** A cell that is text in bytes: not UTF-8 in SQLite (stored as TEXT), Latin-1 text in a latin1 MariaDB table. */
const latin1 = (text: string) => ({ latin1: text });
type Cell = string | number | bigint | null | { latin1: string };

interface LmsTable {
  name: string;
  /** Column definitions both databases accept; no keys, so NULL and repeated ids can be stored as in a hand-made copy. */
  columns: string;
  rows: Cell[][];
  /** Rows only SQLite can hold (any value in any column). */
  sqliteRows?: Cell[][];
}

/**
 * The LMS tables with the bad rows an operator meets: tabs, line breaks and
 * NUL in text, NULLs where edX allows them and where it does not, a repeated
 * id, text that is not UTF-8, huge numbers, text in INT columns (SQLite).
 * Users 1-6 enroll in A; 6 has no auth_user row.
 */
const BAD_LMS: LmsTable[] = [
  {
    name: 'auth_userprofile',
    columns: 'id INT, user_id INT, gender VARCHAR(6), year_of_birth INT, level_of_education VARCHAR(6)',
    rows: [
      [1, 1, 'm', 1984, 'b'],
      [2, 2, 'f\tx', 1990, 'm'],
      [3, 3, null, null, null],
      [4, 3, null, null, null], // user 3 again
      [5, null, 'm', 1980, 'b'], // edX: NOT NULL
      [6, 4, 'o\nz', 2000, 'p\0'],
    ],
    sqliteRows: [
      [7, 5, latin1('\xe9'), 'nineteen', 'b'],
      [8, 6, 'f', 99_999_999_999, 'b'],
    ],
  },
  {
    name: 'auth_user',
    columns: 'id INT, username VARCHAR(150), email VARCHAR(254), is_active INT',
    rows: [
      [1, 'alice', 'alice@example.com', 1],
      [2, 'bob\tb', 'bob@ex\r\nample.com', 1],
      [3, 'carol', null, 1], // edX: NOT NULL
      [3, 'carol', null, 1], // id 3 again
      [null, 'nobody', 'nobody@example.com', 1],
      [4, latin1('Jos\xe9'), 'jose@example.com', 1],
      [5, 'e\0ve', 'eve@example.com', 1],
    ],
    sqliteRows: [
      ['x7', 'text id', 'x7@example.com', 1],
      [9_223_372_036_854_775_807n, 'huge id', 'huge@example.com', 1],
    ],
  },
  {
    name: 'course_groups_courseusergroup',
    columns: 'id INT, name VARCHAR(255), course_id VARCHAR(255), group_type VARCHAR(20)',
    rows: [
      [10, 'Red\tTeam', A, 'cohort'],
      [11, null, A, 'cohort'],
    ],
  },
  {
    name: 'course_groups_courseusergroup_users',
    columns: 'id INT, courseusergroup_id INT, user_id INT',
    rows: [
      [1, 10, 1],
      [2, 10, 2],
      [3, 11, 4],
      [null, 10, 5],
    ],
  },
  {
    name: 'courseware_studentmodule',
    columns: 'id INT, module_type VARCHAR(32), module_id VARCHAR(255), student_id INT, grade DOUBLE, max_grade DOUBLE, course_id VARCHAR(255)',
    rows: [
      [1, 'problem', `${P1}\tx`, 1, 1, 2, A],
      [2, 'problem', P1, 2, 1e300, 1e300, A],
      [3, 'problem', P1, 3, 1, 2, A],
      [3, 'problem', P1, 3, 1, 2, A], // id 3 again, across a page end (pages of 3)
      [null, 'problem', P1, 4, 1, 2, A],
      [4, 'sequential', S1, 1, null, null, A],
      [5, 'problem', null, 1, 1, 2, A], // edX: NOT NULL
      [6, 'problem', P1, 1, 1, 2, null], // edX: NOT NULL
    ],
    sqliteRows: [[7, 'problem', P1, 5, 'n/a', 2, A]],
  },
];

/** The same tables without a row. */
const EMPTY_LMS = BAD_LMS.map((t) => ({ name: t.name, columns: t.columns, rows: [] }));

function lmsInSqlite(path: string, tables: LmsTable[]): string {
  const db = new Database(path);
  for (const t of tables) {
    db.exec(`CREATE TABLE ${t.name} (${t.columns})`);
    for (const row of [...t.rows, ...(t.sqliteRows ?? [])]) {
      const marks = row.map((c) => (c !== null && typeof c === 'object' ? 'CAST(? AS TEXT)' : '?'));
      db.prepare(`INSERT INTO ${t.name} VALUES (${marks.join(', ')})`).run(...row.map((c) => (c !== null && typeof c === 'object' ? Buffer.from(c.latin1, 'latin1') : c)));
    }
  }
  db.close();
  return `sqlite:${path}`;
}

async function lmsInMysql(name: string, tables: LmsTable[]): Promise<string> {
  const url = await freshMysqlDatabase(name);
  const conn = await mysql.createConnection(url);
  for (const t of tables) {
    // latin1, as old LMS tables are: what is not UTF-8 there reads back as the text it is.
    await conn.query(`CREATE TABLE ${t.name} (${t.columns}) DEFAULT CHARSET=latin1`);
    if (t.rows.length > 0) await conn.query(`INSERT INTO ${t.name} VALUES ?`, [t.rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c.latin1 : c)))]);
  }
  await conn.end();
  return url;
}

const enroll = (userId: number) =>
  JSON.stringify({ username: `u${userId}`, event_source: 'server', event_type: 'edx.course.enrollment.activated', context: { course_id: A }, time: '2014-02-28T06:00:00+00:00', event: { course_id: A, user_id: userId, mode: 'honor' } });
const activity = JSON.stringify({ username: 'alice', event_source: 'server', event_type: 'problem_check', context: { course_id: A, user_id: 1 }, time: '2014-03-02T09:00:00+00:00', event: { problem_id: 'p1', success: 'correct' } });

/** Logs, a config and a work folder: users 1-6 enroll in A on 2014-02-28; alice answers a problem on 2014-03-02. */
function workDir(): { root: string; src: string; config: string } {
  const root = mkdtempSync(join(tmpdir(), 'bad-lms-'));
  const src = join(root, 'src');
  mkdirSync(join(src, 'FakeServerGroup'), { recursive: true });
  writeFileSync(join(src, 'FakeServerGroup', 'tracking.log-20140228'), [1, 2, 3, 4, 5, 6].map(enroll).join('\n') + '\n');
  writeFileSync(join(src, 'FakeServerGroup', 'tracking.log-20140302'), activity + '\n');
  const config = join(root, 'run.cfg');
  writeFileSync(config, ['[event-logs]', 'pattern = [".*tracking.log-(?P<date>\\d{8}).*"]', 'expand_interval = 2 days', '[hive]', `warehouse_path = ${join(root, 'warehouse')}`, ''].join('\n'));
  return { root, src, config };
}

type Workflow = 'enrollments' | 'engagement' | 'grades';

/** Each workflow as an operator runs it, into its own folder `out` of the work folder. */
function runWorkflow(dir: { root: string; src: string; config: string }, workflow: Workflow, lms: string, out: string, extra: string[] = []): Promise<CliRun> {
  const base = ['--additional-config', dir.config, '--import-database-url', lms, '--runner', 'inline', '--lock-dir', join(dir.root, out, 'locks'), ...extra];
  const warehouse = ['--warehouse-path', join(dir.root, out, 'warehouse')];
  if (workflow === 'enrollments')
    return launchTask(['ImportEnrollmentsIntoMysql', '--source', JSON.stringify([dir.src]), '--interval', '2014-02-28-2014-03-01', '--overwrite-n-days', '1', '--date', '2014-03-01', '--n-reduce-tasks', '1', '--database-url', `sqlite:${join(dir.root, out, 'enrollments.sqlite')}`, ...base, ...warehouse]);
  if (workflow === 'engagement')
    return launchTask(['StudentEngagementCsvFileTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03-01-2014-03-04', '--interval-type', 'all', '--output-root', join(dir.root, out, 'reports'), '--date', '2014-03-04', '--enrollment-interval-start', '2014-02-28', '--overwrite-n-days', '4', ...base, ...warehouse]);
  return launchTask(['GradeDistFromSqoopToMySQLWorkflow', '--name', 'test', '--dest', join(dir.root, out, 'dest'), '--date', '2014-03-04', '--import-page-rows', '3', '--database-url', `sqlite:${join(dir.root, out, 'grades.sqlite')}`, ...base, ...warehouse]);
}

const counter = (text: string, name: string): number => Number(new RegExp(`^\\s+${name.replace(/[()+]/g, '\\$&')}: (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
const failures = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('  FAILED '));
const noStack = (run: CliRun) => expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Error:/);

/** Every line of every import partition under `warehouse` has one field per column. */
function expectWholeLines(warehouse: string, widths: Record<string, number>): void {
  for (const [table, width] of Object.entries(widths))
    for (const day of readdirSync(join(warehouse, table))) {
      const lines = readFileSync(join(warehouse, table, day, table), 'utf8').split('\n');
      expect(lines.pop(), table).toBe('');
      for (const line of lines) expect(line.split('\t'), `${table}: ${JSON.stringify(line)}`).toHaveLength(width);
    }
}

function sweep(dialect: 'sqlite' | 'mysql', makeLms: (tables: LmsTable[], tag: string, root: string) => Promise<string>): void {
  const dir = workDir();
  const sqlite = dialect === 'sqlite';
  let bad = '';
  beforeAll(async () => void (bad = await makeLms(BAD_LMS, 'bad', dir.root)));
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('enrollments: a repeated or NULL user_id is skipped and counted, no INT year is NULL, odd text is whole', async () => {
    const run = await runWorkflow(dir, 'enrollments', bad, 'enrollments');
    const text = run.stdout + run.stderr;
    expect(run.code, text).toBe(0);
    noStack(run);
    const imported = counter(text, 'LMS Import auth_userprofile Rows Imported');
    expect(imported).toBe(sqlite ? 6 : 4);
    expect(counter(text, 'LMS Import auth_userprofile Skip Duplicate user_id')).toBe(1);
    expect(counter(text, 'LMS Import auth_userprofile Skip NULL user_id')).toBe(1);
    expect(imported + 2).toBe(BAD_LMS[0]!.rows.length + (sqlite ? 2 : 0));
    expect(counter(text, 'LMS Import auth_userprofile Values With Tabs Or Line Breaks (made spaces)')).toBe(2);
    expect(counter(text, 'LMS Import auth_userprofile year_of_birth Not An INT (made NULL)')).toBe(sqlite ? 2 : 0);
    expect(counter(text, 'LMS Import auth_userprofile Values Not UTF-8 (bad bytes made U+FFFD)')).toBe(sqlite ? 1 : 0);
    expectWholeLines(join(dir.root, 'enrollments', 'warehouse'), { auth_userprofile: 4 });
    const db = `sqlite:${join(dir.root, 'enrollments', 'enrollments.sqlite')}`;
    const years = await queryRows<{ birth_year: number | null; count: number }>(db, 'SELECT birth_year, count FROM course_enrollment_birth_year_daily ORDER BY birth_year');
    expect(years).toEqual([{ birth_year: null, count: 3 }, { birth_year: 1984, count: 1 }, { birth_year: 1990, count: 1 }, { birth_year: 2000, count: 1 }]);
    const genders = await queryRows<{ gender: string | null; count: number }>(db, 'SELECT gender, count FROM course_enrollment_gender_daily');
    expect(genders.reduce((n, g) => n + g.count, 0)).toBe(6);
    expect(genders.map((g) => g.gender)).toContain('f x');
    expect(genders.map((g) => g.gender)).toContain('o z');
  });

  it('engagement: users and cohorts with repeated or NULL ids skipped and counted, names and emails on one line', async () => {
    const run = await runWorkflow(dir, 'engagement', bad, 'engagement');
    const text = run.stdout + run.stderr;
    expect(run.code, text).toBe(0);
    noStack(run);
    const users = counter(text, 'LMS Import auth_user Rows Imported');
    expect(users).toBe(sqlite ? 7 : 5);
    expect(users + counter(text, 'LMS Import auth_user Skip Duplicate id') + counter(text, 'LMS Import auth_user Skip NULL id')).toBe(BAD_LMS[1]!.rows.length + (sqlite ? 2 : 0));
    expect(counter(text, 'LMS Import auth_user Skip NULL id')).toBe(1);
    expect(counter(text, 'LMS Import auth_user Values With Tabs Or Line Breaks (made spaces)')).toBe(2);
    expect(counter(text, 'LMS Import auth_user Values Not UTF-8 (bad bytes made U+FFFD)')).toBe(sqlite ? 1 : 0);
    expect(counter(text, 'LMS Import course_groups_courseusergroup Rows Imported')).toBe(2);
    expect(counter(text, 'LMS Import course_groups_courseusergroup_users Rows Imported')).toBe(3);
    expect(counter(text, 'LMS Import course_groups_courseusergroup_users Skip NULL id')).toBe(1);
    expect(counter(text, 'Student Engagement Enrolled User Not In auth_user Left Out')).toBe(1); // user 6
    expectWholeLines(join(dir.root, 'engagement', 'warehouse'), { auth_user: 3, course_groups_courseusergroup: 4, course_groups_courseusergroup_users: 2 });
    // An id past 2^53 is copied as the database holds it, not rounded to 9223372036854775808.
    if (sqlite) expect(readFileSync(join(dir.root, 'engagement', 'warehouse', 'auth_user', 'dt=2014-03-04', 'auth_user'), 'utf8')).toContain('\n9223372036854775807\thuge id\t');
    const folder = createHash('sha1').update(A).digest('hex');
    const csv = readFileSync(join(dir.root, 'engagement', 'reports', folder, 'student_engagement_all_2014-03-01-2014-03-04.csv'), 'utf8');
    const rows = csv.split('\r\n').slice(1, -1).map((l) => l.split(',').slice(2, 5).join(','));
    expect(rows.sort()).toEqual(['alice,alice@example.com,Red Team', 'bob b,bob@ex  ample.com,Red Team', 'carol,,', `Jos${sqlite ? '\ufffd' : 'é'},jose@example.com,`, 'e\0ve,eve@example.com,'].sort());
  });

  it('grade distribution: repeated and NULL ids skipped across pages, a huge grade kept, the rest counted by the distribution', async () => {
    const run = await runWorkflow(dir, 'grades', bad, 'grades');
    const text = run.stdout + run.stderr;
    expect(run.code, text).toBe(0);
    noStack(run);
    const imported = counter(text, 'LMS Import courseware_studentmodule Rows Imported');
    expect(imported).toBe(sqlite ? 7 : 6);
    expect(counter(text, 'LMS Import courseware_studentmodule Skip Duplicate id')).toBe(1);
    expect(counter(text, 'LMS Import courseware_studentmodule Skip NULL id')).toBe(1);
    const kept = ['Skip NULL Grade', 'Discard Missing Module Id', 'Discard Missing Course Id', 'Discard Non-Numeric Grade', 'Rows Counted'].map((n) => counter(text, `Grade Distribution ${n}`));
    expect(kept).toEqual([1, 1, 1, sqlite ? 1 : 0, 3]);
    expect(kept.reduce((a, b) => a + b, 0)).toBe(imported);
    expectWholeLines(join(dir.root, 'grades', 'warehouse'), { courseware_studentmodule: 6 });
    const grades = await queryRows<Record<string, unknown>>(`sqlite:${join(dir.root, 'grades', 'grades.sqlite')}`, 'SELECT module_id, grade, max_grade, count FROM grade_distribution ORDER BY module_id, grade');
    expect(grades).toEqual([
      { module_id: P1, grade: 1, max_grade: 2, count: 1 },
      { module_id: P1, grade: 1e300, max_grade: 1e300, count: 1 },
      { module_id: `${P1} x`, grade: 1, max_grade: 2, count: 1 },
    ]);
  });

  it('a missing table or a renamed column is one line naming the table, the column and where to look', async () => {
    const noTables = await makeLms([], 'none', dir.root);
    const renamed = await makeLms(
      BAD_LMS.map((t) => ({ ...t, sqliteRows: [], columns: t.columns.replace('gender ', 'sex ').replace('email ', 'mail ').replace(' grade ', ' score ') })),
      'renamed',
      dir.root,
    );
    const workflows: Workflow[] = ['enrollments', 'engagement', 'grades'];
    const runs = await Promise.all(workflows.flatMap((w) => [runWorkflow(dir, w, noTables, `none-${w}`), runWorkflow(dir, w, renamed, `renamed-${w}`)]));
    const where = sqlite ? `sqlite:${join(dir.root, 'none.sqlite')}` : `mysql://pipewright@127.0.0.1:${new URL(MYSQL_TEST_URL).port}/pw_bad_lms_none_${process.pid}`;
    const grant = sqlite ? '. Is it the LMS (edxapp) database?' : ' that pipewright may read. Is it the LMS (edxapp) database, with SELECT granted to pipewright?';
    const expected = [
      `The LMS database ${where} has no table auth_userprofile${grant} Check --import-database-url`,
      'The LMS table auth_userprofile in ',
      'has no table auth_user',
      'The LMS table auth_user in ',
      'has no table courseware_studentmodule',
      'The LMS table courseware_studentmodule in ',
    ];
    const columns = [undefined, 'has no column gender (it has id, user_id, sex,', undefined, 'has no column email (it has id, username, mail,', undefined, 'has no column grade (it has id, module_type, module_id, student_id, score,'];
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(1);
      noStack(run);
      // Engagement imports three tables: with none there, each import fails on its own.
      const failed = failures(run.stderr).filter((l) => l.includes(expected[i]!));
      expect(failed, run.stderr).toHaveLength(1);
      if (columns[i]) expect(failed[0]).toContain(columns[i]!);
      expect(failed[0]).toContain('--import-database-url');
    });
  });

  it('empty tables import nothing; the grade distribution then refuses to empty its table, in one line', async () => {
    const empty = await makeLms(EMPTY_LMS, 'empty', dir.root);
    const [enrollments, engagement, grades] = await Promise.all([runWorkflow(dir, 'enrollments', empty, 'empty-e'), runWorkflow(dir, 'engagement', empty, 'empty-s'), runWorkflow(dir, 'grades', empty, 'empty-g')]);
    for (const [run, table] of [[enrollments, 'auth_userprofile'], [engagement, 'auth_user'], [grades, 'courseware_studentmodule']] as const) {
      noStack(run);
      expect(run.stdout + run.stderr).toMatch(new RegExp(`LMS Import ${table} Rows Imported: 0\\b`));
    }
    expect(enrollments.code, enrollments.stderr).toBe(0);
    expect(engagement.code, engagement.stderr).toBe(0);
    expect(engagement.stdout + engagement.stderr).toMatch(/Student Engagement Enrolled User Not In auth_user Left Out: 6\b/);
    expect(grades.code).toBe(1);
    expect(failures(grades.stderr)).toEqual([expect.stringMatching(/grade_distribution .*produced no rows; refusing to overwrite the table with nothing\. Check the input, or pass --allow-empty-insert\.$/)]);
  });
}

beforeAll(() => ensureBuilt(), 120_000);

describe('LMS settings that cannot work', () => {
  const dir = workDir();
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('name the --import-* flag or [database-import] key that is wrong (not the output database ones), and the host nothing answers on', async () => {
    writeFileSync(join(dir.root, 'no-database.json'), JSON.stringify({ host: '127.0.0.1', port: 3306, username: 'u', password: 'p' }));
    writeFileSync(join(dir.root, 'not-a-database.sqlite'), 'id,username\n1,alice\n');
    writeFileSync(join(dir.root, 'url.cfg'), '[database-import]\nurl = mysql://\n');
    const grades = (lms: string[], out: string) =>
      launchTask(['GradeDistFromSqoopToMySQLWorkflow', '--name', 'test', '--dest', join(dir.root, out), '--date', '2014-03-04', '--database-url', `sqlite:${join(dir.root, out, 'grades.sqlite')}`, '--runner', 'inline', ...lms]);
    const runs = await Promise.all([
      grades(['--import-database-url', 'postgres://lms/edxapp'], 'scheme'),
      grades(['--import-credentials', join(dir.root, 'missing.json')], 'missing'),
      grades(['--import-credentials', join(dir.root, 'no-database.json')], 'nodb'),
      grades(['--additional-config', join(dir.root, 'url.cfg')], 'config'),
      grades(['--import-database-url', `sqlite:${join(dir.root, 'not-a-database.sqlite')}`], 'notdb'),
      // No server needed: an address nothing answers (dropped, or refused by the network) and a name no DNS knows.
      grades(['--import-database-url', 'mysql://u:p@10.255.255.1:3306/edxapp?connect_timeout=1'], 'unreachable'),
      grades(['--import-database-url', 'mysql://u:p@no-such-host.invalid:3306/edxapp'], 'unknown-host'),
    ]);
    const expected = [
      'Cannot run: --import-database-url postgres://lms/edxapp: unknown scheme postgres:;',
      `Cannot run: --import-credentials ${join(dir.root, 'missing.json')}: no such file;`,
      `Cannot run: --import-credentials ${join(dir.root, 'no-database.json')}: no database named; add "database" to the file or set --import-database or [database-import] database in the config.`,
      'Cannot run: [database-import] url mysql://: name one database after the host',
    ];
    runs.slice(0, 4).forEach((run, i) => {
      expect(run.code, run.stderr).toBe(64);
      noStack(run);
      expect(run.stderr.split('\n')[0]).toContain(expected[i]!);
    });
    for (const [run, cause] of [[runs[5]!, /timed out after 1 s|host unreachable/], [runs[6]!, /unknown host \(check the host name\)/]] as const) {
      expect(run.code, run.stderr).toBe(1);
      noStack(run);
      expect(failures(run.stderr)).toEqual([expect.stringMatching(cause)]);
      expect(failures(run.stderr)[0]).toContain('Check --import-database-url, --import-credentials or [database-import] in the config (the LMS database).');
    }
    const notDb = runs[4]!;
    expect(notDb.code, notDb.stderr).toBe(1);
    noStack(notDb);
    expect(failures(notDb.stderr)).toEqual([
      expect.stringContaining(`Cannot read the LMS database sqlite:${join(dir.root, 'not-a-database.sqlite')}: the file is not a SQLite database. Check --import-database-url,`),
    ]);
  });
});

describe('bad LMS input, LMS in SQLite', () => sweep('sqlite', async (tables, tag, root) => lmsInSqlite(join(root, `${tag}.sqlite`), tables)));

describeMysql('bad LMS input, LMS in MariaDB', () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const name of databases) await queryRows(MYSQL_TEST_URL, `DROP DATABASE IF EXISTS ${name}`);
  });
  sweep('mysql', async (tables, tag) => {
    const name = `pw_bad_lms_${tag}_${process.pid}`;
    databases.push(name);
    return lmsInMysql(name, tables);
  });

  it('an unreachable host, a wrong password and an unknown database each fail in one line naming the LMS settings', async () => {
    const dir = workDir();
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const closedPort = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    const url = (edit: (u: URL) => void) => {
      const u = new URL(MYSQL_TEST_URL);
      edit(u);
      return u.toString();
    };
    const runs = await Promise.all([
      runWorkflow(dir, 'enrollments', url((u) => (u.port = String(closedPort))), 'closed'),
      runWorkflow(dir, 'engagement', url((u) => (u.password = 'no-such-pw-42')), 'password'),
      runWorkflow(dir, 'grades', url((u) => (u.pathname = '/pw_bad_lms_not_there')), 'unknown'),
    ]);
    rmSync(dir.root, { recursive: true, force: true });
    const expected = ['connection refused', 'access denied for user pipewright', 'unknown database pw_bad_lms_not_there'];
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(1);
      noStack(run);
      expect(run.stderr).not.toContain('no-such-pw-42');
      // Engagement imports three tables, each failing on its own line.
      const failed = failures(run.stderr);
      expect(failed.length, run.stderr).toBe(i === 1 ? 3 : 1);
      for (const line of failed) {
        expect(line).toContain(expected[i]!);
        expect(line).toContain('Check --import-database-url, --import-credentials or [database-import] in the config (the LMS database).');
      }
    });
  });
});
