import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { describeMysql } from '../../support/services.js';
import { freshMysqlDatabase } from '../video/support.js';

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

describe('launch-task StudentEngagementCsvFileTask', () => {
  const dir = logs();
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));
  const run = (type: string) =>
    launchTask([
      'StudentEngagementCsvFileTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03-01-2014-03-10', '--interval-type', type,
      '--warehouse-path', join(dir.root, 'warehouse'), '--output-root', join(dir.root, 'reports'), '--runner', 'inline',
    ]);

  it('daily: one file per course and active day, in a sha1-of-course folder', async () => {
    const result = await run('daily');
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir.root, 'reports', folder(A))).sort()).toEqual(['2014-03-01', '2014-03-03', '2014-03-05'].map((d) => `student_engagement_daily_${d}.csv`));
    expect(readdirSync(join(dir.root, 'reports', folder(B))).sort()).toEqual(['2014-03-05', '2014-03-09'].map((d) => `student_engagement_daily_${d}.csv`));
    expect(readFileSync(join(dir.root, 'reports', folder(A), 'student_engagement_daily_2014-03-03.csv'), 'utf8')).toBe(
      'Course ID,Date,Username,Was Active,' + HEADER_TAIL +
        csvRow(A, '2014-03-03', 'alice', 1, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, SEQ1) +
        csvRow(A, '2014-03-03', 'bob', 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, ''),
    );
    expect(readdirSync(join(dir.root, 'warehouse', 'student_engagement_raw_daily'))).toEqual(['dt=2014-03-10']);
  });

  it('all: one file per course named after the interval, a row per learner', async () => {
    const result = await run('all');
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir.root, 'reports', folder(B), 'student_engagement_all_2014-03-01-2014-03-10.csv'), 'utf8')).toBe(
      'Course ID,End Date,Username,Days Active,' + HEADER_TAIL + csvRow(B, '2014-03-09', 'bob', 2, 1, 1, 1, 1, ...zeros(8), ''),
    );
    expect(readFileSync(join(dir.root, 'reports', folder(A), 'student_engagement_all_2014-03-01-2014-03-10.csv'), 'utf8')).toContain(
      csvRow(A, '2014-03-09', 'alice', 3, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, SEQ2),
    );
  });

  it('a second identical run does nothing', async () => {
    const result = await run('all');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/CSV Files Written/);
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
  });
}

describe('launch-task StudentEngagementToMysqlTask into SQLite', () => loadsWeeklyTable(async (root) => `sqlite:${join(root, 'engagement.sqlite')}`));
describeMysql('launch-task StudentEngagementToMysqlTask into MariaDB', () => loadsWeeklyTable(() => freshMysqlDatabase('pipewright_test_student_engagement')));
