import { describe, expect, it } from 'vitest';
import { interactionsFromLine, type InteractionsResult } from '../../../src/tasks/module-engagement/engagement-event.js';

// The ids edX's unit tests use (opaque keys, with a non-ASCII org, and legacy keys).
const OPAQUE = { course: 'course-v1:FooX\u00e9+1.23x+2013_Spring', problem: 'block-v1:FooX\u00e9+1.23x+2013_Spring+type@problem+block@9cee77a606ea4c1aa5440e0ea5d0f618' };
const LEGACY = { course: 'FooX/1.23x/2013_Spring', problem: 'i4x://FooX/1.23x/2013_Spring/problem/PSet1:PS1_Q1' };
const DAY = '2013-12-17';
const inDay = (day: string) => day === DAY;

function event(ids: typeof OPAQUE, type: 'problem_check' | 'play_video' | 'forum', overrides: Record<string, unknown> = {}) {
  const common = { username: 'test_user', host: 'test_host', time: `${DAY}T15:38:32.805444+00:00`, ip: '127.0.0.1', page: null, context: { course_id: ids.course, org_id: 'FooX', user_id: 10 } };
  const byType = {
    problem_check: { event_source: 'server', event_type: 'problem_check', event: { problem_id: ids.problem, success: 'incorrect' } },
    play_video: { event_source: 'browser', event_type: 'play_video', event: '{"id": "i4x-foo-bar-baz", "currentTime": "23.4398", "code": "87389iouhdfh"}' },
    forum: { event_source: 'server', event_type: 'edx.forum.comment.created', event: { commentable_id: 'a2cb123f9c2146f3211cdc6901acb00e' } },
  };
  return JSON.stringify({ ...common, ...byType[type], ...overrides });
}

const rows = (result: InteractionsResult) => ('interactions' in result ? result.interactions.map((i) => [i.courseId, i.username, i.date, i.entityType, i.entityId, i.event]) : result);
const map = (line: string, anonymousName = '') => rows(interactionsFromLine(line, inDay, anonymousName));

describe.each([
  ['opaque keys', OPAQUE],
  ['legacy keys', LEGACY],
])("edX's mapper cases (%s)", (_name, ids) => {
  const key = (type: string, id: string, action: string) => [ids.course, 'test_user', DAY, type, id, action];

  it.each([
    ['a day outside --date', { time: '2013-12-01T15:38:32.805444' }, 'Discard Outside Date Interval'],
    ['an empty username', { username: '' }, 'Discard Anonymous Event'],
    ['a null event_type', { event_type: null }, 'Discard Missing Event Type'],
    ['an invalid course id', { context: { course_id: 'lskdjfslkdj' } }, 'Discard Missing Course Id'],
    ['an unparseable payload', { event: 'sdfasdf' }, 'Discard Missing Event Data'],
  ])('no output for %s', (_case, overrides, drop) => {
    expect(map(event(ids, 'problem_check', overrides))).toEqual({ drop });
  });

  it('a browser problem_check is not counted', () => {
    expect(map(event(ids, 'problem_check', { event_source: 'browser' }))).toEqual({ ignore: true });
  });

  it('an incorrect server problem_check is one attempt', () => {
    expect(map(event(ids, 'problem_check'))).toEqual([key('problem', ids.problem, 'attempted')]);
  });

  it('a correct one is a completion and an attempt', () => {
    const line = event(ids, 'problem_check', { event: { problem_id: ids.problem, success: 'correct' } });
    expect(map(line)).toEqual([key('problem', ids.problem, 'completed'), key('problem', ids.problem, 'attempted')]);
  });

  it('no output without problem_id, video id or commentable_id', () => {
    expect(map(event(ids, 'problem_check', { event: { success: 'correct' } }))).toHaveProperty('drop');
    expect(map(event(ids, 'play_video', { event: '{"currentTime": "23.4398", "code": "87389iouhdfh"}' }))).toHaveProperty('drop');
    expect(map(event(ids, 'forum', { event: {} }))).toHaveProperty('drop');
  });

  it('play_video (payload as a JSON string) is a view', () => {
    expect(map(event(ids, 'play_video'))).toEqual([key('video', 'i4x-foo-bar-baz', 'viewed')]);
  });

  it.each(['edx.forum.comment.created', 'edx.forum.response.created', 'edx.forum.thread.created'])('%s is a contribution', (type) => {
    expect(map(event(ids, 'forum', { event_type: type, name: type }))).toEqual([key('discussion', 'a2cb123f9c2146f3211cdc6901acb00e', 'contributed')]);
  });
});

describe("edX's anonymous-user cases", () => {
  const anonymous = event(OPAQUE, 'play_video', { username: undefined });

  it('an event without username is dropped by default', () => {
    expect(map(anonymous)).toEqual({ drop: 'Discard Anonymous Event' });
  });

  it('and counted under store_anonymous_username when set', () => {
    expect(map(anonymous, 'ANONYMOUS USER')).toEqual([[OPAQUE.course, 'ANONYMOUS USER', DAY, 'video', 'i4x-foo-bar-baz', 'viewed']]);
  });
});

describe('odd values, as edX treats them', () => {
  const astral = '\u{1F600}'; // one code point, two UTF-16 units

  it('a 30-character username of astral code points is kept (edX counts code points, so does VARCHAR(30))', () => {
    const username = astral.repeat(30);
    expect(map(event(OPAQUE, 'play_video', { username }))).toEqual([[OPAQUE.course, username, DAY, 'video', 'i4x-foo-bar-baz', 'viewed']]);
    expect(map(event(OPAQUE, 'play_video', { username: astral.repeat(31) }))).toEqual({ drop: 'Discard Username Longer Than 30' });
  });

  it('a long entity id is cut to 255 code points, never inside one (edX truncates entity_id in code points)', () => {
    const id = 'a' + astral.repeat(300);
    expect(map(event(OPAQUE, 'play_video', { event: { id } }))).toEqual([[OPAQUE.course, 'test_user', DAY, 'video', 'a' + astral.repeat(254), 'viewed']]);
  });

  it('two entity ids alike in their first 255 code points are one entity, as in edX (the key holds the cut id)', () => {
    const id = 'p'.repeat(255);
    expect(map(event(OPAQUE, 'problem_check', { event: { problem_id: id + 'one' } }))).toEqual(map(event(OPAQUE, 'problem_check', { event: { problem_id: id + 'two' } })));
  });

  it('a null username makes edX crash (None.strip()): counted and skipped, never stored as anonymous', () => {
    const line = event(OPAQUE, 'play_video', { username: null });
    expect(map(line, 'ANONYMOUS USER')).toEqual({ drop: 'Discard Username Not A String' });
    expect(map(line)).toEqual({ drop: 'Discard Username Not A String' });
  });

  it('a null problem_check success makes edX crash (None.lower()): counted and skipped, not an attempt', () => {
    expect(map(event(OPAQUE, 'problem_check', { event: { problem_id: OPAQUE.problem, success: null } }))).toEqual({ drop: 'Discard Problem Success Not A String' });
    expect(map(event(OPAQUE, 'problem_check', { event: { problem_id: OPAQUE.problem, success: 1 } }))).toEqual({ drop: 'Discard Problem Success Not A String' });
  });

  it('success is compared case-insensitively; a missing one is an incorrect attempt', () => {
    expect(map(event(OPAQUE, 'problem_check', { event: { problem_id: OPAQUE.problem, success: 'CORRECT' } }))).toHaveLength(2);
    expect(map(event(OPAQUE, 'problem_check', { event: { problem_id: OPAQUE.problem } }))).toEqual([[OPAQUE.course, 'test_user', DAY, 'problem', OPAQUE.problem, 'attempted']]);
  });

  it('a video id is stripped (edX saw leading newlines); a null or numeric one makes edX crash: counted and skipped', () => {
    expect(map(event(OPAQUE, 'play_video', { event: { id: '\n i4x-foo-bar-baz\t' } }))).toEqual([[OPAQUE.course, 'test_user', DAY, 'video', 'i4x-foo-bar-baz', 'viewed']]);
    expect(map(event(OPAQUE, 'play_video', { event: { id: null } }))).toHaveProperty('drop');
    expect(map(event(OPAQUE, 'play_video', { event: { id: 7 } }))).toEqual({ drop: 'Discard Video Id Not A String' });
  });

  it('a numeric problem_id or commentable_id fails edX record validation: counted and skipped', () => {
    expect(map(event(OPAQUE, 'problem_check', { event: { problem_id: 12 } }))).toEqual({ drop: 'Discard problem Entity Id Not A String' });
    expect(map(event(OPAQUE, 'forum', { event: { commentable_id: 12 } }))).toEqual({ drop: 'Discard discussion Entity Id Not A String' });
  });

  it('a numeric event_type makes edX crash (.startswith): counted and skipped', () => {
    expect(map(event(OPAQUE, 'play_video', { event_type: 5 }))).toEqual({ drop: 'Discard Event Type Not A String' });
  });

  it('forum events other than *.created count nothing, with or without a commentable_id (edX emits no action)', () => {
    expect(map(event(OPAQUE, 'forum', { event_type: 'edx.forum.thread.viewed' }))).toEqual({ ignore: true });
    expect(map(event(OPAQUE, 'forum', { event_type: 'edx.forum.thread.viewed', event: {} }))).toEqual({ ignore: true });
  });

  it('a course id only in the page URL is used (edX get_course_id with from_url)', () => {
    const line = event(LEGACY, 'play_video', { context: {}, page: 'https://courses.example.com/courses/FooX/1.23x/2013_Spring/courseware/' });
    expect(map(line)).toEqual([[LEGACY.course, 'test_user', DAY, 'video', 'i4x-foo-bar-baz', 'viewed']]);
  });
});
