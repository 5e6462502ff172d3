import { describe, expect, it } from 'vitest';
import { videoEventFromLine, videoUsage, viewingsOf, type TimedVideoEvent } from '../../../src/tasks/video/index.js';

// Each case here was a disagreement with edX's video.py found by the audit.
const line = (userId: unknown, payload: Record<string, unknown>, eventType = 'play_video') =>
  JSON.stringify({
    event_type: eventType, event_source: 'browser', time: '2014-05-02T10:00:00.000000+00:00',
    context: { user_id: userId, course_id: 'edX/DemoX/T1' }, event: JSON.stringify(payload),
  });
const mapped = (text: string) => videoEventFromLine(text, () => true);
const userOf = (userId: unknown) => {
  const r = mapped(line(userId, { id: 'v1', currentTime: 1 }));
  return 'event' in r ? r.event.userId : r;
};

describe('video audit against edX', () => {
  it('user_id is int(user_id): "0" is user 0, 42.9 is 42, ids beyond 2^53 stay exact, true is "True"', () => {
    expect(userOf('0')).toBe('0');
    expect(userOf(' 007 ')).toBe('7');
    expect(userOf(42.9)).toBe('42');
    expect(userOf(-3.5)).toBe('-3');
    expect(mapped(line(1, { id: 'v1', currentTime: 1 }).replace('"user_id":1', '"user_id":12345678901234567891'))).toMatchObject({ event: { userId: '12345678901234567891' } });
    expect(userOf(true)).toBe('True');
    // Falsy ids are no user; "42.0" makes edX's int() raise: we skip and count.
    for (const falsy of [0, '', false, null]) expect(userOf(falsy)).toEqual({ drop: 'Discard Video Missing user_id' });
    expect(userOf('42.0')).toEqual({ drop: 'Discard Video Missing user_id' });
  });

  it('events tied on time, type and offsets are ordered by YouTube id (none first) before duration', () => {
    const t = '2014-05-02T10:00:00';
    const events: TimedVideoEvent[] = [
      [t, 'play_video', 0, null, 'abc', 50],
      [t, 'play_video', 0, null, null, 100],
      ['2014-05-02T10:00:09', 'pause_video', 9, null, null, -1],
    ];
    // edX sorts (None, 100) before ('abc', 50): the later play, with duration 50, opens the viewing.
    expect([...viewingsOf(events)].map((o) => ('viewing' in o ? o.viewing.duration : o.drop))).toEqual(['Discard Viewing Start On Successive Play', 50]);
  });

  it('a play whose code is not a string (edX crashes on .encode) is skipped and counted', () => {
    expect(mapped(line(7, { id: 'v1', currentTime: 1, code: 5 }))).toEqual({ drop: 'Discard Video Code Not A String' });
    expect(mapped(line(7, { id: 'v1', currentTime: 1, code: ['x'] }))).toEqual({ drop: 'Discard Video Code Not A String' });
    // Only a play's code is read: a pause with any code is fine.
    expect(mapped(line(7, { id: 'v1', currentTime: 1, code: 5 }, 'pause_video'))).toHaveProperty('event');
  });

  it('a non-numeric duration (edX crashes on duration + 1) skips, counted, only the viewing it would start', () => {
    const play = mapped(line(7, { id: 'v1', currentTime: 0, duration: '300' }));
    expect(play).toMatchObject({ event: { duration: null } });
    expect(mapped(line(7, { id: 'v1', currentTime: 0, duration: '' }))).toMatchObject({ event: { duration: -1 } });
    const t = (s: number) => `2014-05-02T10:00:0${s}`;
    const viewings = (duration: number | null) => [...viewingsOf([[t(1), 'play_video', 0, null, null, duration], [t(2), 'pause_video', 9, null, null, null]])];
    expect(viewings(null)).toEqual([{ drop: 'Discard Viewing With Unusable Duration' }]);
    // The pause's own unusable duration is never read.
    expect(viewings(-1)).toMatchObject([{ viewing: { startOffset: 0, endOffset: 9, duration: -1 } }]);
  });

  it('a NaN duration (edX crashes in the repr -> eval between mapper and reducer) skips the event, counted', () => {
    // The payload is JSON inside JSON: its quotes are escaped in the line.
    expect(mapped(line(7, { id: 'v1', currentTime: 1, duration: '@NaN@' }).replace('\\"@NaN@\\"', 'NaN'))).toEqual({ drop: 'Discard Video NaN Or Infinite Duration' });
    expect(mapped(line(7, { id: 'v1', currentTime: 1, duration: 1e400 }).replace('null', '1e400'))).toEqual({ drop: 'Discard Video NaN Or Infinite Duration' });
  });

  it('a duration beyond a 32-bit INT is kept: no final segment is reached, users_at_end 0, duration NULL (as Hive reads it)', () => {
    expect(mapped(line(7, { id: 'v1', currentTime: 0, duration: 5e9 }))).toMatchObject({ event: { duration: 5e9 } });
    const rows = videoUsage('c', 'v', [{ userId: '7', startOffset: 0, endOffset: 12, duration: 5e9 }, { userId: '8', startOffset: 0, endOffset: 2, duration: 60 }], 0.05);
    expect(rows.map((r) => [r.segment, r.numUsers, r.duration, r.usersAtStart, r.usersAtEnd])).toEqual([[0, 2, null, 2, 0], [1, 1, null, 2, 0], [2, 1, null, 2, 0]]);
  });
});
