import { describe, expect, it } from 'vitest';
import { videoEventFromLine } from '../../../src/tasks/video/index.js';

// The cases of edX's UserVideoViewingTaskMapTest (inputs and expected values are facts; the code is ours).
const TIME = '2013-12-17T15:38:32.805444';
const COURSE = 'course-v1:FooX+1.23x+2013_Spring';
type Fields = Record<string, unknown>;

function line(eventType: string, payload: Fields | string | null, over: Fields = {}, context: Fields = {}): string {
  return JSON.stringify({
    username: 'test_user', host: 'test_host', event_source: 'browser', event_type: eventType,
    context: { course_id: COURSE, org_id: 'FooX', user_id: 10, ...context },
    time: `${TIME}+00:00`, ip: '127.0.0.1', agent: 'blah', page: null,
    event: payload === null || typeof payload === 'string' ? payload : JSON.stringify(payload),
    ...over,
  });
}
const mapped = (text: string) => {
  const r = videoEventFromLine(text, () => true);
  if (!('event' in r)) return r;
  const e = r.event;
  return [[e.userId, e.courseId, e.moduleId], [e.timestamp, e.eventType, e.currentTime, e.oldTime, e.youtubeId, e.duration]];
};
const key = ['10', COURSE, 'i4x-foo-bar-baz'];
const id = 'i4x-foo-bar-baz';
const none = (text: string) => expect(mapped(text)).not.toHaveProperty('0');

describe("edX's video mapper cases", () => {
  it('play, pause, seek and stop give (time, type, current, old, youtube id, duration)', () => {
    expect(mapped(line('play_video', { id, currentTime: 23.4398, code: '87389iouhdfh', duration: 888 }))).toEqual([key, [TIME, 'play_video', 23.4398, null, '87389iouhdfh', 888]]);
    expect(mapped(line('pause_video', { id, currentTime: 28, code: '87389iouhdfh', duration: 888 }))).toEqual([key, [TIME, 'pause_video', 28, null, null, 888]]);
    expect(mapped(line('stop_video', { id, currentTime: 100, code: '87389iouhdfh', duration: 888 }))).toEqual([key, [TIME, 'stop_video', 100, null, null, 888]]);
    expect(mapped(line('seek_video', { id, old_time: 14, new_time: 10, code: '87389iouhdfh', duration: 888 }))).toEqual([key, [TIME, 'seek_video', 10, 14, null, 888]]);
    expect(mapped(line('seek_video', { id, old_time: '5', new_time: 10, code: 'foo' }))).toEqual([key, [TIME, 'seek_video', 10, 5, null, -1]]);
  });

  it('html5, mobile and hls are no YouTube ids; non-ASCII ids and codes pass through', () => {
    for (const code of ['html5', 'mobile', 'hls']) expect(mapped(line('play_video', { id, currentTime: 5, code }))).toEqual([key, [TIME, 'play_video', 5, null, null, -1]]);
    const odd = 'IԉｔéｒлãZ';
    expect(mapped(line('play_video', { id: odd, currentTime: 5, code: 'foo' }))).toEqual([[...key.slice(0, 2), odd], [TIME, 'play_video', 5, null, 'foo', -1]]);
    expect(mapped(line('play_video', { id, currentTime: 5, code: odd }))).toEqual([key, [TIME, 'play_video', 5, null, odd, -1]]);
  });

  it('a pause without currentTime is at 0; play and stop without it are dropped', () => {
    expect(mapped(line('pause_video', { id, code: 'html5' }))).toEqual([key, [TIME, 'pause_video', 0, null, null, -1]]);
    none(line('play_video', { id, code: 'html5' }));
    none(line('stop_video', { id, code: 'html5' }));
  });

  it('drops offsets that are huge, unreadable, null, empty, nan, inf or negative', () => {
    const bad = [922337203685.4775, 'lskdjflskdj', null, '', 'nan', 'inf', '-5', '928374757012'];
    for (const value of bad) {
      for (const type of ['play_video', 'pause_video', 'stop_video']) none(line(type, { id, currentTime: value, code: 'html5' }));
      for (const field of ['old_time', 'new_time']) none(line('seek_video', { id, old_time: 5, new_time: 10, code: 'html5', [field]: value }));
    }
    for (const field of ['old_time', 'new_time']) {
      const payload: Fields = { id, old_time: 5, new_time: 10, code: 'html5' };
      delete payload[field];
      none(line('seek_video', payload));
    }
  });

  it('drops bad times, missing fields, other event types and invalid course ids', () => {
    for (const over of [{ time: null }, { event_type: null }, { event: null }, { event: '' }]) none(line('play_video', { id, currentTime: 5 }, over));
    for (const type of ['page_close', 'seq_goto', 'seq_next', '/foo/bar', '/jsi18n/', 'edx.course.enrollment.activated']) none(line(type, { id, currentTime: 5 }));
    none(line('play_video', { id, currentTime: 5 }, {}, { course_id: 'lskdjfsdkljf' }));
    none(line('play_video', { id, currentTime: 5 }, {}, { course_id: 'IԉｔéｒлãZ' }));
  });
});
