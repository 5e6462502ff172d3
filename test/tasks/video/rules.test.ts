import { describe, expect, it } from 'vitest';
import { videoEventFromLine, videoUsage, viewingsOf, type TimedVideoEvent } from '../../../src/tasks/video/index.js';

const t = (s: number) => `2014-05-02T10:00:${String(s).padStart(2, '0')}.000000`;
const kept = (events: TimedVideoEvent[]) => [...viewingsOf(events)].map((o) => ('viewing' in o ? [o.viewing.startOffset, o.viewing.endOffset] : o.drop));

describe('viewings (edX UserVideoViewingTask.reducer)', () => {
  it('a play right after a seek starts where the seek went, not at the play’s reported time', () => {
    expect(kept([[t(1), 'play_video', 0, null, null, -1], [t(2), 'seek_video', 7, 3, null, -1], [t(3), 'play_video', 3, null, null, -1], [t(4), 'pause_video', 12, null, null, -1]])).toEqual([
      [0, 3],
      [7, 12],
    ]);
  });

  it('drops viewings that are too short, end before they start or past the known duration', () => {
    expect(kept([[t(1), 'play_video', 5, null, null, -1], [t(2), 'pause_video', 5.1, null, null, -1]])).toEqual(['Discard Viewing End Time Too Short']);
    expect(kept([[t(1), 'play_video', 5, null, null, -1], [t(2), 'stop_video', 2, null, null, -1]])).toEqual(['Discard Viewing End Time Before Start Time']);
    expect(kept([[t(1), 'play_video', 0, null, null, 10], [t(2), 'stop_video', 11.5, null, null, 10]])).toEqual(['Discard Viewing End Time Past End Of Video']);
    expect(kept([[t(1), 'play_video', 0, null, null, -1]])).toEqual(['Discard Viewing Start With No Matching End']);
  });
});

describe('segment usage (edX VideoUsageTask.reducer)', () => {
  it('infers an unknown duration from the sharp drop of users at the end', () => {
    const spans = [...Array(40).keys()].map((u) => ({ userId: `u${u}`, startOffset: 0, endOffset: 14, duration: -1 }));
    spans.push({ userId: 'late', startOffset: 40, endOffset: 44, duration: -1 });
    const rows = videoUsage('c', 'v', spans, 0.05);
    expect(rows.map((r) => r.segment)).toEqual([0, 1, 2]);
    expect(rows[0]).toMatchObject({ duration: 14, usersAtStart: 40, usersAtEnd: 40, pipelineVideoId: 'c|v' });
  });

  it('takes the largest known duration and counts users at the 95 % mark', () => {
    const rows = videoUsage('c', 'v', [{ userId: 'a', startOffset: 0, endOffset: 99, duration: 100 }, { userId: 'b', startOffset: 0, endOffset: 10, duration: 90 }], 0.05);
    expect(rows[0]).toMatchObject({ duration: 100, usersAtStart: 2, usersAtEnd: 1 });
    expect(rows.at(-1)!.segment).toBe(19);
  });
});

describe('video events (edX UserVideoViewingTask.mapper)', () => {
  const line = (event: object, extra: object = {}) =>
    JSON.stringify({ event_type: 'pause_video', event_source: 'browser', time: '2014-05-02T10:00:00.000000+00:00', context: { user_id: 7, course_id: 'edX/DemoX/T1' }, event: JSON.stringify(event), ...extra });
  const all = () => true;

  it('a pause without currentTime is at 0; offsets must be finite and within 10 hours', () => {
    expect(videoEventFromLine(line({ id: 'v1' }), all)).toMatchObject({ event: { currentTime: 0, userId: '7', moduleId: 'v1' } });
    expect(videoEventFromLine(line({ id: 'v1', currentTime: 36001 }), all)).toEqual({ drop: 'Discard Video Missing Or Invalid Time' });
    expect(videoEventFromLine(line({ id: 'v1', currentTime: 'NaN' }), all)).toEqual({ drop: 'Discard Video Missing Or Invalid Time' });
  });

  it('needs a user id and a module id; comment lines are unparseable, other events ignored', () => {
    expect(videoEventFromLine(line({ id: 'v1' }, { context: { course_id: 'edX/DemoX/T1' } }), all)).toEqual({ drop: 'Discard Video Missing user_id' });
    expect(videoEventFromLine(line({ id: '  ' }), all)).toEqual({ drop: 'Discard Video Missing encoded_module_id' });
    expect(videoEventFromLine('# seek backwards', all)).toEqual({ drop: 'Discard Unparseable Event' });
    expect(videoEventFromLine(line({ id: 'v1' }, { event_type: 'load_video' }), all)).toEqual({ ignore: true });
  });
});
