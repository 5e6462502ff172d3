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
