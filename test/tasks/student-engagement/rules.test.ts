import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DateInterval } from '../../../src/core/index.js';
import {
  isReportDay, joinLms, joinReportGroup, NO_ENGAGEMENT, readLmsLookup,
  engagementCsv, engagementCsvHeader, engagementCsvPath, engagementEndDate, engagementFromLine, SUBSECTION_VIEWED, summarizeEngagement,
  type EngagementValue,
} from '../../../src/tasks/student-engagement/index.js';

const COURSE = 'course-v1:FooX+1.23x+2013_Spring';
/** edX ran its mapper tests twice: with opaque keys and with legacy (slash) ones. */
const KEY_KINDS = [
  { kind: 'opaque keys', course: COURSE, problem: 'block-v1:FooX+1.23x+2013_Spring+type@problem+block@9cee77a606ea4c1aa5440e0ea5d0f618' },
  { kind: 'legacy keys', course: 'FooX/1.23x/2013_Spring', problem: 'i4x://FooX/1.23x/problem/9cee77a606ea4c1aa5440e0ea5d0f618' },
];
const all = () => true;
const daily = (day: string) => day;
const recordsOf = (line: string, endDateOf = daily) => {
  const result = engagementFromLine(line, all, endDateOf);
  if ('drop' in result) throw new Error(`dropped: ${result.drop}`);
  return result.records.map((r) => [[r.endDate, r.courseId, r.username], [r.entityId, r.eventType, r.info, r.date]]);
};

describe.each(KEY_KINDS)('what an event gives (edX StudentEngagementTask.mapper), $kind', ({ course: COURSE, problem: PROBLEM }) => {
  const event = (fields: Record<string, unknown> = {}) =>
    JSON.stringify({
      username: 'test_user', event_source: 'server', event_type: 'problem_check',
      context: { course_id: COURSE, org_id: 'FooX', user_id: 10 }, time: '2013-12-17T15:38:32.805444+00:00',
      event: { problem_id: PROBLEM, success: 'incorrect' }, ...fields,
    });
  const KEY = ['2013-12-17', COURSE, 'test_user'];
  it('a server problem_check: the problem, and whether it was correct', () => {
    expect(recordsOf(event())).toEqual([[KEY, [PROBLEM, 'problem_check', {}, '2013-12-17']]]);
    expect(recordsOf(event({ event: { problem_id: PROBLEM, success: 'Correct' } }))).toEqual([[KEY, [PROBLEM, 'problem_check', { correct: true }, '2013-12-17']]]);
  });

  it('a play_video: the video id, from a payload given as a JSON string', () => {
    const line = event({ event_type: 'play_video', event_source: 'browser', event: '{"id": "i4x-foo-bar-baz", "currentTime": "23.4"}' });
    expect(recordsOf(line)).toEqual([[KEY, ['i4x-foo-bar-baz', 'play_video', {}, '2013-12-17']]]);
  });

  it('any other event of the user in the course is activity, implicit ones included', () => {
    expect(recordsOf(event({ event_type: '/jsi18n/' }))).toEqual([[KEY, ['', '/jsi18n/', {}, '2013-12-17']]]);
    expect(recordsOf(event({ event_type: '/courses/foo/bar/' }))).toEqual([[KEY, ['', '/courses/foo/bar/', {}, '2013-12-17']]]);
    expect(recordsOf(event({ event_type: `/courses/${COURSE}/courseware/foo/` }))).toEqual([[KEY, ['', `/courses/${COURSE}/courseware/foo/`, {}, '2013-12-17']]]);
  });

  it.each(['foo/bar/', 'foo/bar/10', 'foo/bar/jquery.js'])('a courseware subsection view (…/courseware/%s) records the path and time', (end) => {
    const path = `/courses/${COURSE}/courseware/${end}`;
    expect(recordsOf(event({ event_type: path }))).toEqual([[KEY, ['', SUBSECTION_VIEWED, { path, timestamp: '2013-12-17T15:38:32.805444' }, '2013-12-17']]]);
    expect(recordsOf(event({ event_type: path, time: '2013-12-17T15:38:32' }))[0]![1]![2]).toEqual({ path, timestamp: '2013-12-17T15:38:32.000000' });
  });

  it('a forum vote counts for the voter and, as a received vote, for the author', () => {
    const line = event({ event_type: 'edx.forum.thread.voted', event: { vote_value: 'up', undo_vote: true, target_username: 'author' } });
    expect(recordsOf(line)).toEqual([
      [KEY, ['', 'edx.forum.thread.voted', { vote: 'up', undo: true }, '2013-12-17']],
      [['2013-12-17', COURSE, 'author'], ['', 'edx.forum.thread.vote_received', { vote: 'up', undo: true }, '2013-12-17']],
    ]);
    const anonymous = engagementFromLine(event({ event_type: 'edx.forum.response.voted', event: { vote_value: 'down' } }), all, daily);
    expect(anonymous).toMatchObject({ records: [{ eventType: 'edx.forum.response.voted' }], notes: ['Vote Received Left Out: No Target Username'] });
  });

  it.each([
    [{ time: '2013-12-01T15:38:32' }, 'Discard Outside Date Interval', (d: string) => d >= '2013-12-17'],
    [{ username: '' }, 'Discard Missing Username'],
    [{ username: '  \n' }, 'Discard Missing Username'],
    [{ username: 7 }, 'Discard Username Not Text'],
    [{ username: null }, 'Discard Username Not Text'],
    [{ event_type: null }, 'Discard Missing Event Type'],
    [{ event_type: ['x'] }, 'Discard Event Type Not Text'],
    [{ context: { course_id: 'lskdjfslkdj' } }, 'Discard Invalid Course Id'],
    [{ context: { user_id: 10 } }, 'Discard Missing Course Id'],
    [{ event: 'sdfasdf' }, 'Discard Missing Event Data'],
    [{ event_source: 'browser' }, 'Discard Non-Server Problem Check'],
    [{ event: { success: 'correct' } }, 'Discard Missing Problem Id'],
    [{ event: { problem_id: PROBLEM, success: null } }, 'Discard Success Not Text'],
    [{ event_type: 'play_video', event: { code: 'x' } }, 'Discard Missing Video Id'],
    [{ event_type: 'play_video', event: '{"currentTime": "23.4398", "code": "87389iouhdfh"}' }, 'Discard Missing Video Id'],
    [{ event_type: 'play_video', event: { id: 5 } }, 'Discard Video Id Not Text'],
    [{ event_type: 'edx.forum.thread.voted', event: { vote_value: 'sideways' } }, 'Discard Vote Neither Up Nor Down'],
    [{ username: 'tab\tuser' }, 'Discard Field With Tab Or Newline'],
    [{ username: 'u'.repeat(256) }, 'Discard Field Longer Than 255'],
  ])('%j is dropped as %s', (fields, drop, inInterval: (day: string) => boolean = all) => {
    expect(engagementFromLine(event(fields), inInterval, daily)).toEqual({ drop });
  });

  it('a received vote whose undo_vote edX could not index with is left out and noted', () => {
    const line = event({ event_type: 'edx.forum.thread.voted', event: { vote_value: 'up', undo_vote: 'yes', target_username: 'author' } });
    expect(engagementFromLine(line, all, daily)).toMatchObject({ records: [{ info: { undo: true } }], notes: ['Vote Received Left Out: undo_vote Not A List Index'] });
  });
});

describe('the end date an event is reported under', () => {
  const interval = DateInterval.tryParse('2013-11-01-2014-01-02')!; // last day 2014-01-01, a Wednesday
  it.each([
    ['2014-01-01', '2014-01-01'],
    ['2013-12-25', '2013-12-25'],
    ['2013-12-27', '2014-01-01'],
    ['2013-12-23', '2013-12-25'],
  ])('weekly: %s -> the week ending %s, on the weekday of the last day', (day, end) => {
    expect(engagementEndDate('weekly', interval, day)).toBe(end);
  });
  it.each(['2014-01-01', '2013-12-25', '2013-12-27', '2013-12-23'])('all: %s -> the last day of the interval', (day) => {
    expect(engagementEndDate('all', interval, day)).toBe('2014-01-01');
  });
  it('daily: the day itself', () => {
    expect(engagementEndDate('daily', interval, '2013-11-03')).toBe('2013-11-03');
  });
});

describe('the figures (edX StudentEngagementTask.reducer)', () => {
  const D = '2013-12-17';
  const p = (id: string, correct = false): EngagementValue => [id, 'problem_check', correct ? { correct: true } : {}, D];
  const sum = (...values: EngagementValue[]) => summarizeEngagement(values);

  it('any event makes the user active, with every figure at zero', () => {
    expect(sum(['', '/foo', {}, D])).toEqual({
      days_active: 1, problems_attempted: 0, problem_attempts: 0, problems_correct: 0, videos_played: 0,
      forum_posts: 0, forum_responses: 0, forum_comments: 0, forum_upvotes_given: 0, forum_downvotes_given: 0,
      forum_upvotes_received: 0, forum_downvotes_received: 0, textbook_pages_viewed: 0, last_subsection_viewed: '',
    });
  });

  it('problems: distinct attempted, all attempts, distinct ever correct', () => {
    expect(sum(p('a', true), p('a', true), p('a'))).toMatchObject({ problems_attempted: 1, problem_attempts: 3, problems_correct: 1 });
    expect(sum(p('a', true), p('b', true), p('a'))).toMatchObject({ problems_attempted: 2, problem_attempts: 3, problems_correct: 2 });
    expect(sum(p('a'))).toMatchObject({ problems_attempted: 1, problems_correct: 0 });
  });

  it('videos: distinct played; pause and seek are only activity', () => {
    const v = (id: string, type = 'play_video'): EngagementValue => [id, type, {}, D];
    expect(sum(v('x'), v('x'), v('x'))).toMatchObject({ videos_played: 1, days_active: 1 });
    expect(sum(v('x', 'pause_video'), v('y', 'seek_video'))).toMatchObject({ videos_played: 0, days_active: 1 });
  });

  it.each([
    ['edx.forum.thread.created', 'forum_posts'],
    ['edx.forum.response.created', 'forum_responses'],
    ['edx.forum.comment.created', 'forum_comments'],
    ['book', 'textbook_pages_viewed'],
  ])('%s counts in %s', (type, column) => {
    expect(sum(['', type, {}, D])).toMatchObject({ [column]: 1, days_active: 1 });
    expect(sum(['', type, {}, D], ['', type, {}, D])).toMatchObject({ [column]: 2 });
  });

  it.each([
    ['edx.forum.thread.voted', 'up', 'forum_upvotes_given'],
    ['edx.forum.thread.vote_received', 'up', 'forum_upvotes_received'],
    ['edx.forum.response.voted', 'up', 'forum_upvotes_given'],
    ['edx.forum.response.vote_received', 'up', 'forum_upvotes_received'],
    ['edx.forum.thread.voted', 'down', 'forum_downvotes_given'],
    ['edx.forum.thread.vote_received', 'down', 'forum_downvotes_received'],
    ['edx.forum.response.voted', 'down', 'forum_downvotes_given'],
    ['edx.forum.response.vote_received', 'down', 'forum_downvotes_received'],
  ] as const)('one %s %s vote counts 1 in %s, and the day as active', (type, vote, column) => {
    const s = sum(['', type, { vote, undo: false }, D]);
    expect(s).toMatchObject({ [column]: 1, days_active: 1 });
    const votes = ['forum_upvotes_given', 'forum_downvotes_given', 'forum_upvotes_received', 'forum_downvotes_received'] as const;
    expect(votes.filter((c) => s[c] !== 0)).toEqual([column]);
  });

  it('votes given and received; an undone vote takes one back', () => {
    const vote = (type: string, vote: 'up' | 'down', undo = false): EngagementValue => ['', type, { vote, undo }, D];
    expect(
      sum(vote('edx.forum.thread.voted', 'up'), vote('edx.forum.response.voted', 'up'), vote('edx.forum.thread.voted', 'down', true),
        vote('edx.forum.response.vote_received', 'down'), vote('edx.forum.thread.vote_received', 'up', true), vote('edx.forum.comment.voted', 'up')),
    ).toMatchObject({ forum_upvotes_given: 2, forum_downvotes_given: -1, forum_upvotes_received: -1, forum_downvotes_received: 1 });
  });

  it('the last subsection viewed is the latest one; a tie goes to the path that sorts first', () => {
    const view = (path: string, timestamp: string): EngagementValue => ['', SUBSECTION_VIEWED, { path, timestamp }, D];
    expect(sum(view('finalpath', '2014-12-01T00:00:04.000000'), view('foobar', '2014-12-01T00:00:00.000000'), view('foobar1', '2014-12-01T00:00:03.000000')))
      .toMatchObject({ last_subsection_viewed: 'finalpath' });
    expect(sum(view('b', '2014-12-01T00:00:04.000000'), view('a', '2014-12-01T00:00:04.000000'))).toMatchObject({ last_subsection_viewed: 'a' });
    expect(sum(view('a', '2014-12-01T00:00:04.000000'), view('b', '2014-12-01T00:00:04.000000'))).toMatchObject({ last_subsection_viewed: 'a' });
  });

  it('days active: distinct days of the events', () => {
    expect(sum(['', 'x', {}, '2013-12-17'], ['', 'x', {}, '2013-12-18'], ['', 'y', {}, '2013-12-18'])).toMatchObject({ days_active: 2 });
  });
});

describe('the per-course CSV files (edX StudentEngagementCsvFileTask)', () => {
  it('headers follow the interval type', () => {
    expect(engagementCsvHeader('daily').slice(0, 6)).toEqual(['Course ID', 'Date', 'Username', 'Email', 'Cohort', 'Was Active']);
    expect(engagementCsvHeader('weekly').slice(1, 6)).toEqual(['End Date', 'Username', 'Email', 'Cohort', 'Days Active This Week']);
    expect(engagementCsvHeader('all')[5]).toBe('Days Active');
    expect(engagementCsvHeader('all')).toHaveLength(19);
    expect(engagementCsvHeader('all').at(-1)).toBe('URL of Last Subsection Viewed');
  });

  it('files live in a sha1-of-course folder, named after the end date (or the interval for all)', () => {
    const folder = createHash('sha1').update('edX/DemoX/T1').digest('hex');
    expect(engagementCsvPath('edX/DemoX/T1', 'daily', '2014-03-05', '2014-03')).toBe(`${folder}/student_engagement_daily_2014-03-05.csv`);
    expect(engagementCsvPath('edX/DemoX/T1', 'all', '2014-03-31', '2014-03')).toMatch(/\/student_engagement_all_2014-03\.csv$/);
  });

  it('rows sort by their cells as text, with CRLF ends and quotes only where needed', () => {
    const text = engagementCsv(['A', 'B'], [['zed', '9'], ['al,ice', '10'], ['bob', 'say "hi"']]);
    expect(text).toBe('A,B\r\n"al,ice",10\r\nbob,"say ""hi"""\r\nzed,9\r\n');
  });
});

describe('the LMS join (edX JoinedStudentEngagementTableTask)', () => {
  const interval = DateInterval.tryParse('2014-03-01-2014-03-10')!; // last day 2014-03-09, a Sunday
  it.each([
    ['daily', '2014-03-01', true], ['daily', '2014-03-09', true], ['daily', '2014-02-28', false], ['daily', '2014-03-10', false],
    ['weekly', '2014-03-02', true], ['weekly', '2014-03-09', true], ['weekly', '2014-03-08', false], ['weekly', '2014-02-23', false],
    ['all', '2014-03-09', true], ['all', '2014-03-08', false],
  ] as const)('%s: enrollment day %s gives a report row: %s', (type, day, expected) => {
    expect(isReportDay(type, interval, day)).toBe(expected);
  });

  const lms = joinLms(
    [['1', 'alice', 'a@x.org'], ['2', 'bob', 'b@x.org'], ['3', 'carol', '\\N']],
    [['10', 'Red', COURSE, 'cohort'], ['11', 'Blue', COURSE, 'cohort'], ['12', 'Other', 'edX/Other/T1', 'cohort']],
    [['10', '1'], ['11', '1'], ['12', '2'], ['99', '3']],
  );
  const figures = ['2', ...NO_ENGAGEMENT.slice(1, -1), '/courses/x'];

  it('a membership of a group the LMS no longer has is counted, not silently dropped', () => {
    expect(lms.membershipsOfMissingGroups).toBe(1); // ['99', '3']
  });

  it('enrolled learners get their figures, or zeros; email and cohort come from the LMS', () => {
    const joined = joinReportGroup(COURSE, { enrolledUserIds: ['2', '3', '2'], activeByUsername: new Map([['bob', figures]]) }, lms);
    expect(joined).toEqual({
      rows: [['bob', 'b@x.org', '', ...figures], ['carol', '', '', ...NO_ENGAGEMENT]], // bob's cohort is in another course; carol's group is gone
      unknownUsers: 0, activeNotEnrolled: 0,
    });
  });

  it('a learner in two groups of the course has a row for each, as the SQL join gave', () => {
    const joined = joinReportGroup(COURSE, { enrolledUserIds: ['1'], activeByUsername: new Map() }, lms);
    expect(joined.rows.map((r) => r[2])).toEqual(['Red', 'Blue']);
  });

  it('enrolled ids auth_user lacks and active learners not enrolled are left out and counted', () => {
    const joined = joinReportGroup(COURSE, { enrolledUserIds: ['1', '7'], activeByUsername: new Map([['zed', figures], ['alice', figures]]) }, lms);
    expect(joined).toMatchObject({ unknownUsers: 1, activeNotEnrolled: 1 });
    expect(joined.rows.every((r) => r[0] === 'alice' && r[3] === '2')).toBe(true);
  });
});

describe('reading the LMS copies', () => {
  it('reads the three partitions of the import day; a damaged line stops the run naming file and line', () => {
    const root = mkdtempSync(join(tmpdir(), 'engagement-lms-'));
    const put = (table: string, text: string) => {
      mkdirSync(join(root, table, 'dt=2014-03-10'), { recursive: true });
      writeFileSync(join(root, table, 'dt=2014-03-10', table), text);
    };
    try {
      put('auth_user', '1\talice\ta@x.org\n');
      put('course_groups_courseusergroup', '10\tRed\tedX/DemoX/T1\tcohort\n');
      put('course_groups_courseusergroup_users', '10\t1\n');
      const lms = readLmsLookup(root, '2014-03-10');
      expect(lms.users.get('1')).toEqual({ username: 'alice', email: 'a@x.org' });
      expect(lms.cohorts.get('1\tedX/DemoX/T1')).toEqual(['Red']);
      put('auth_user', '1\talice\ta@x.org\n2\tbob\n');
      expect(() => readLmsLookup(root, '2014-03-10')).toThrow(/auth_user line 2 has 2 fields, not 3/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
