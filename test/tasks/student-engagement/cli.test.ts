import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { describeMysql } from '../../support/services.js';
import { freshMysqlDatabase } from '../video/support.js';
import { lmsInMysql, lmsInSqlite } from './lms.js';

const A = 'edX/DemoX/T1';
const B = 'course-v1:MITx+6.00+T1';
const SEQ1 = `/courses/${A}/courseware/ch1/seq1/`;
const SEQ2 = `/courses/${A}/courseware/ch2/seq2/1`;
const ev = (username: string, course: string, time: string, eventType: string, event: unknown = {}, source = 'server') =>
  JSON.stringify({ username, event_source: source, event_type: eventType, context: { course_id: course, user_id: 1 }, time: `${time}+00:00`, event });
const lines = (...items: (string | Buffer)[]) => Buffer.concat(items.flatMap((l) => [Buffer.from(l), Buffer.from('\n')]));

/** An activity-only event with a Latin-1 byte (not UTF-8) in the agent: still counted. */
function latin1Event(): Buffer {
  const line = Buffer.from(JSON.stringify({ username: 'alice', event_source: 'browser', event_type: 'page_close', agent: 'caf#', context: { course_id: A }, time: '2014-03-05T12:00:00', event: '' }));
  line[line.indexOf('#')] = 0xe9;
  return line;
}

const day03 = lines(
  ev('alice', A, '2014-03-01T08:00:00', '/courses/edX/DemoX/T1/about'), // a Saturday: the week ending 2014-03-02
  ev('alice', A, '2014-03-03T09:00:00', 'problem_check', { problem_id: 'p1', success: 'incorrect' }),
  ev('alice', A, '2014-03-03T09:01:00', 'problem_check', { problem_id: 'p1', success: 'correct' }),
  ev('alice', A, '2014-03-03T09:02:00', 'play_video', '{"id": "v1"}', 'browser'),
  ev('alice', A, '2014-03-03T10:00:00.5', SEQ1),
  ev('bob', A, '2014-03-03T11:00:00', 'edx.forum.thread.created', { title: 'hi' }),
  ev('alice', A, '2014-03-03T12:00:00', 'edx.forum.thread.voted', { vote_value: 'up', undo_vote: false, target_username: 'bob' }),
  '{"username": "alice", "time": "2014-03-03T1', // truncated
  Buffer.from([0xff, 0xfe, 0x7b, 0x7d, 0x7b]), // not UTF-8, not JSON
  JSON.stringify({ username: 'alice', event_type: 'x', context: { course_id: A } }), // no time
  ev('', A, '2014-03-03T13:00:00', '/jsi18n/'), // anonymous
  ev('alice', A, '2014-03-03T13:00:00', 'problem_check', { problem_id: 'p1' }, 'browser'),
  ev('alice', 'not a course', '2014-03-03T13:00:00', 'x'),
);
const day05 = lines(
  ev('alice', A, '2014-03-05T09:00:00', SEQ2),
  ev('alice', A, '2014-03-05T09:30:00', 'book', { page: 3 }),
  latin1Event(),
  ev('bob', B, '2014-03-05T10:00:00', 'problem_check', { problem_id: 'p2', success: 'correct' }),
);
const day09 = lines(ev('bob', B, '2014-03-09T10:00:00', 'play_video', { id: 'v2' }, 'mobile'), ev('bob', B, '2014-03-10T00:00:00', 'play_video', { id: 'v3' }));

function logs(): { root: string; src: string } {
  const root = mkdtempSync(join(tmpdir(), 'engagement-'));
  const src = join(root, 'src', 'FakeServerGroup');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'tracking.log-20140303.gz'), gzipSync(day03));
  writeFileSync(join(src, 'tracking.log-20140305'), day05);
  writeFileSync(join(src, 'tracking.log-20140309.gz'), gzipSync(day09));
  return { root, src: join(root, 'src') };
}

const row = (...cells: (string | number)[]) => cells.join('\t');
const zeros = (n: number) => new Array<number>(n).fill(0);
const folder = (course: string) => createHash('sha1').update(course).digest('hex');
const csvRow = (...cells: (string | number)[]) => cells.join(',') + '\r\n';
const HEADER_TAIL = 'Unique Problems Attempted,Total Problem Attempts,Unique Problems Correct,Unique Videos Played,Discussion Posts,Discussion Responses,Discussion Comments,Discussion Upvotes Given,Discussion Downvotes Given,Discussion Upvotes Received,Discussion Downvotes Received,Textbook Pages Viewed,URL of Last Subsection Viewed\r\n';

beforeAll(() => ensureBuilt(), 120_000);

describe('launch-task StudentEngagementTask', () => {
  const dir = logs();
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));
  const run = (out: string, type: string, extra: string[] = []) =>
    launchTask(['StudentEngagementTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03-01-2014-03-10', '--interval-type', type, '--output-root', out, ...extra]);
  const partLines = (out: string) => readdirSync(out).filter((f) => f.startsWith('part-')).flatMap((f) => readFileSync(join(out, f), 'utf8').split('\n').filter(Boolean)).sort();

  it('daily: a row per user, course and active day; every bad line is counted', async () => {
    const out = join(dir.root, 'daily');
    const result = await run(out, 'daily', ['--n-reduce-tasks', '2']);
    const text = result.stdout + result.stderr;
    expect(result.code, text).toBe(0);
    expect(partLines(out)).toEqual([
      row('2014-03-01', A, 'alice', 1, ...zeros(12), ''),
      row('2014-03-03', A, 'alice', 1, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, SEQ1),
      row('2014-03-03', A, 'bob', 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, ''),
      row('2014-03-05', A, 'alice', 1, ...zeros(11), 1, SEQ2),
      row('2014-03-05', B, 'bob', 1, 1, 1, 1, ...zeros(9), ''),
      row('2014-03-09', B, 'bob', 1, 0, 0, 0, 1, ...zeros(8), ''),
    ].sort());
    expect(text).toMatch(/Event Discard Unparseable Event: 2\b/);
    expect(text).toMatch(/Event Discard Missing Time Field: 1\b/);
    expect(text).toMatch(/Event Discard Outside Date Interval: 1\b/);
    expect(text).toMatch(/Student Engagement Discard Missing Username: 1\b/);
    expect(text).toMatch(/Student Engagement Discard Non-Server Problem Check: 1\b/);
    expect(text).toMatch(/Student Engagement Discard Invalid Course Id: 1\b/);
    expect(text).toMatch(/Student Engagement Events Kept: 12\b/);
    expect(text).toMatch(/Input StudentEngagementTask lines read: 19\b/); // 12 kept + 7 dropped
  });

  it('weekly: weeks end on the weekday of the last day (a Sunday here)', async () => {
    const out = join(dir.root, 'weekly');
    const result = await run(out, 'weekly', ['--runner', 'inline']);
    expect(result.code, result.stderr).toBe(0);
    expect(partLines(out)).toEqual([
      row('2014-03-02', A, 'alice', 1, ...zeros(12), ''),
      row('2014-03-09', A, 'alice', 2, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, SEQ2),
      row('2014-03-09', A, 'bob', 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, ''),
      row('2014-03-09', B, 'bob', 2, 1, 1, 1, 1, ...zeros(8), ''),
    ].sort());
  });
});

/**
 * The enrollments the per-course reports join on: alice (1), carol (3), dave (4) and
 * user 9 (not in auth_user) enroll in A, bob (2) in B, the day before the interval;
 * dave unenrolls from A on 2014-03-04 (that event also makes him active that day).
 */
function withEnrollments(dir: { src: string }): void {
  const enroll = (username: string, userId: number, course: string, type = 'activated', day = '2014-02-28') =>
    ev(username, course, `${day}T06:00:00`, `edx.course.enrollment.${type}`, { course_id: course, user_id: userId, mode: 'honor' });
  const group = join(dir.src, 'FakeServerGroup');
  writeFileSync(join(group, 'tracking.log-20140228'), lines(enroll('alice', 1, A), enroll('carol', 3, A), enroll('dave', 4, A), enroll('ghost', 9, A), enroll('bob', 2, B)));
  writeFileSync(join(group, 'tracking.log-20140304'), lines(enroll('dave', 4, A, 'deactivated', '2014-03-04')));
}

const HEADER = (date: string, active: string) => `Course ID,${date},Username,Email,Cohort,${active},` + HEADER_TAIL;

/** The per-course reports with the LMS join, the LMS in the database `makeLms` gives. */
function writesReports(makeLms: (root: string) => Promise<string>): void {
  const dir = logs();
  withEnrollments(dir);
  let lms = '';
  beforeAll(async () => void (lms = await makeLms(dir.root)));
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));
  const run = (type: string, runner = ['--runner', 'inline']) =>
    launchTask([
      'StudentEngagementCsvFileTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03-01-2014-03-10', '--interval-type', type,
      '--warehouse-path', join(dir.root, 'warehouse'), '--output-root', join(dir.root, 'reports', type), ...runner,
      '--import-database-url', lms, '--date', '2014-03-10', '--enrollment-interval-start', '2014-02-28', '--overwrite-n-days', '10',
    ]);
  const report = (type: string, course: string, name: string) => readFileSync(join(dir.root, 'reports', type, folder(course), name), 'utf8');
  const zeroRow = (course: string, date: string, user: string, email: string, cohort: string) => csvRow(course, date, user, email, cohort, ...zeros(13), '');

  it('daily: a file per course and day of the interval, a row per enrolled learner with email and cohort, zeros when idle', async () => {
    // The default runner (worker threads), two reducers: each loads the LMS tables itself.
    const result = await run('daily', ['--n-reduce-tasks', '2']);
    const text = result.stdout + result.stderr;
    expect(result.code, text).toBe(0);
    const days = Array.from({ length: 9 }, (_, i) => `student_engagement_daily_2014-03-0${i + 1}.csv`);
    expect(readdirSync(join(dir.root, 'reports', 'daily', folder(A))).sort()).toEqual(days);
    expect(readdirSync(join(dir.root, 'reports', 'daily', folder(B))).sort()).toEqual(days);
    // dave is in two groups of A: a row for each, as edX's join gave; bob is active in A but not enrolled there.
    expect(report('daily', A, 'student_engagement_daily_2014-03-03.csv')).toBe(
      HEADER('Date', 'Was Active') +
        csvRow(A, '2014-03-03', 'alice', 'alice@example.com', 'Red', 1, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, SEQ1) +
        zeroRow(A, '2014-03-03', 'carol', '"carol,c@example.com"', 'Blue') +
        zeroRow(A, '2014-03-03', 'dave', 'dave@example.com', 'Blue') +
        zeroRow(A, '2014-03-03', 'dave', 'dave@example.com', 'Red'),
    );
    // dave unenrolled on 03-04 (his unenrollment is his only activity): from then on he is not listed.
    expect(report('daily', A, 'student_engagement_daily_2014-03-04.csv')).toBe(
      HEADER('Date', 'Was Active') + zeroRow(A, '2014-03-04', 'alice', 'alice@example.com', 'Red') + zeroRow(A, '2014-03-04', 'carol', '"carol,c@example.com"', 'Blue'),
    );
    expect(report('daily', B, 'student_engagement_daily_2014-03-05.csv')).toBe(
      HEADER('Date', 'Was Active') + csvRow(B, '2014-03-05', 'bob', 'bob@example.com', '', 1, 1, 1, 1, ...zeros(9), ''),
    );
    expect(text).toMatch(/Student Engagement Active Learner Not Enrolled Left Out: 2\b/); // bob in A on 03-03, dave on 03-04
    expect(text).toMatch(/Student Engagement Enrolled User Not In auth_user Left Out: 9\b/); // user 9, every day
    expect(text).toMatch(/Student Engagement CSV Files Written: 18\b/);
    expect(readdirSync(join(dir.root, 'warehouse', 'auth_user'))).toEqual(['dt=2014-03-10']);
  });

  it('weekly: the learners enrolled at the end of each week', async () => {
    const result = await run('weekly');
    expect(result.code, result.stderr).toBe(0);
    expect(report('weekly', A, 'student_engagement_weekly_2014-03-02.csv')).toBe(
      HEADER('End Date', 'Days Active This Week') +
        csvRow(A, '2014-03-02', 'alice', 'alice@example.com', 'Red', 1, ...zeros(12), '') +
        zeroRow(A, '2014-03-02', 'carol', '"carol,c@example.com"', 'Blue') +
        zeroRow(A, '2014-03-02', 'dave', 'dave@example.com', 'Blue') +
        zeroRow(A, '2014-03-02', 'dave', 'dave@example.com', 'Red'),
    );
    expect(report('weekly', A, 'student_engagement_weekly_2014-03-09.csv')).toBe(
      HEADER('End Date', 'Days Active This Week') +
        csvRow(A, '2014-03-09', 'alice', 'alice@example.com', 'Red', 2, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, SEQ2) +
        zeroRow(A, '2014-03-09', 'carol', '"carol,c@example.com"', 'Blue'),
    );
  });

  it('all: one file per course named after the interval; a second identical run does nothing', async () => {
    const result = await run('all');
    expect(result.code, result.stderr).toBe(0);
    expect(report('all', B, 'student_engagement_all_2014-03-01-2014-03-10.csv')).toBe(
      HEADER('End Date', 'Days Active') + csvRow(B, '2014-03-09', 'bob', 'bob@example.com', '', 2, 1, 1, 1, 1, ...zeros(8), ''),
    );
    expect(report('all', A, 'student_engagement_all_2014-03-01-2014-03-10.csv')).toContain(
      csvRow(A, '2014-03-09', 'alice', 'alice@example.com', 'Red', 3, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, SEQ2),
    );
    const again = await run('all');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).not.toMatch(/CSV Files Written/);
  });
}

describe('launch-task StudentEngagementCsvFileTask, LMS in SQLite', () => writesReports(async (root) => lmsInSqlite(join(root, 'lms.sqlite'))));
describeMysql('launch-task StudentEngagementCsvFileTask, LMS in MariaDB', () => writesReports(() => lmsInMysql('pipewright_lms_engagement_test')));

describe('launch-task StudentEngagementCsvFileTask without what the join needs', () => {
  const dir = logs();
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));
  const base = () => [
    'StudentEngagementCsvFileTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03-01-2014-03-10',
    '--warehouse-path', join(dir.root, 'warehouse'), '--output-root', join(dir.root, 'reports'), '--runner', 'inline',
  ];

  it('no LMS database: one line naming --import-database-url, before anything runs', async () => {
    const result = await launchTask([...base(), '--enrollment-interval-start', '2014-02-01', '--overwrite-n-days', '3']);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/auth_user.*--import-database-url/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir.root, 'warehouse'))).toBe(false);
  });

  it('an enrollment history starting after the interval (from [enrollments], as the enrollments workflow reads it): one line naming the flag', async () => {
    const config = join(dir.root, 'enrollments.cfg');
    writeFileSync(config, '[enrollments]\ninterval_start = 2014-03-02\noverwrite_n_days = 3\n');
    const result = await launchTask([...base(), '--additional-config', config, '--import-database-url', 'sqlite:/nonexistent']);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/--enrollment-interval-start 2014-03-02 is after the first day of --interval \(2014-03-01\)/);
  });
});

/** The load into student_engagement_weekly, run against one database. */
function loadsWeeklyTable(makeDatabase: (root: string) => Promise<string>): void {
  const dir = logs();
  let db = '';
  beforeAll(async () => void (db = await makeDatabase(dir.root)));
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));
  const args = () => [
    'StudentEngagementToMysqlTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03-01-2014-03-10', '--interval-type', 'weekly',
    '--warehouse-path', join(dir.root, 'warehouse'), '--database-url', db, '--runner', 'inline',
  ];
  const table = async () => (await queryRows<Record<string, unknown>>(db, 'SELECT * FROM student_engagement_weekly')).map((r) => Object.values(r).map(String).join('\t')).sort();

  it('loads the weekly rows into student_engagement_weekly; a rerun changes nothing', async () => {
    const first = await launchTask(args());
    expect(first.code, first.stderr).toBe(0);
    const rows = [
      row('2014-03-02', A, 'alice', 1, ...zeros(12), ''),
      row('2014-03-09', A, 'alice', 2, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, SEQ2),
      row('2014-03-09', A, 'bob', 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, ''),
      row('2014-03-09', B, 'bob', 2, 1, 1, 1, 1, ...zeros(8), ''),
    ].sort();
    expect(await table()).toEqual(rows);
    const second = await launchTask(args());
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout + second.stderr).not.toMatch(/rows inserted/);
    expect(await table()).toEqual(rows);

    // A later interval sharing the week ending 2014-03-09: --overwrite replaces that week's rows only.
    const overlapping = args().map((arg) => (arg === '2014-03-01-2014-03-10' ? '2014-03-03-2014-03-10' : arg));
    const third = await launchTask([...overlapping, '--overwrite']);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout + third.stderr).toMatch(/student_engagement_weekly: rows deleted \(overwrite\): 3\b/);
    expect(await table()).toEqual(rows);
  });
}

describe('launch-task StudentEngagementToMysqlTask into SQLite', () => loadsWeeklyTable(async (root) => `sqlite:${join(root, 'engagement.sqlite')}`));
describeMysql('launch-task StudentEngagementToMysqlTask into MariaDB', () => loadsWeeklyTable(() => freshMysqlDatabase('pipewright_test_student_engagement')));
