import { describe, expect, it } from 'vitest';
import { videoUsage, viewingsOf, type TimedVideoEvent } from '../../../src/tasks/video/index.js';

// The cases of edX's UserVideoViewingTaskReducerTest and VideoUsageTaskReducerTest (facts; the code is ours).
const at = (s: string) => `2013-12-17T00:00:${s}`;
const ev = (s: string, type: string, current: number, old: number | null = null, duration = -1): TimedVideoEvent => [at(s), type, current, old, null, duration];
const viewings = (events: TimedVideoEvent[]) =>
  [...viewingsOf(events)].flatMap((o) => ('viewing' in o ? [[o.viewing.startTimestamp, o.viewing.startOffset, o.viewing.endOffset, o.viewing.endedBy]] : []));

describe("edX's viewing reducer cases", () => {
  it('simple, unordered, scientific notation and multiple viewings', () => {
    expect(viewings([ev('00', 'play_video', 0), ev('03', 'pause_video', 3)])).toEqual([[at('00'), 0, 3, 'pause_video']]);
    expect(viewings([ev('03', 'pause_video', 3), ev('00', 'play_video', 0)])).toEqual([[at('00'), 0, 3, 'pause_video']]);
    expect(viewings([ev('00', 'play_video', 0), ev('03', 'pause_video', 1.2e2)])).toEqual([[at('00'), 0, 120, 'pause_video']]);
    expect(viewings([ev('00', 'play_video', 0), ev('03', 'pause_video', 3), ev('07', 'play_video', 0), ev('12', 'stop_video', 5)])).toEqual([
      [at('00'), 0, 3, 'pause_video'],
      [at('07'), 0, 5, 'stop_video'],
    ]);
  });

  it('seeks: backwards, and forward with the play reporting the pre-seek time', () => {
    expect(viewings([ev('00', 'play_video', 0), ev('03', 'seek_video', 2, 3), ev('03.100000', 'play_video', 2), ev('06', 'pause_video', 5)])).toEqual([
      [at('00'), 0, 3, 'seek_video'],
      [at('03.100000'), 2, 5, 'pause_video'],
    ]);
    expect(viewings([ev('00', 'play_video', 0), ev('03', 'seek_video', 8, 3), ev('03.100000', 'play_video', 3), ev('06', 'pause_video', 11)])).toEqual([
      [at('00'), 0, 3, 'seek_video'],
      [at('03.100000'), 8, 11, 'pause_video'],
    ]);
  });

  it('repeated plays keep the last; events outside a viewing are ignored', () => {
    const plays = [0, 1, 2, 3, 4, 5, 6].map((n) => ev(`00.${n}00000`, 'play_video', n));
    expect(viewings([...plays, ev('03', 'pause_video', 9)])).toEqual([[at('00.600000'), 6, 9, 'pause_video']]);
    expect(viewings([ev('01', 'seek_video', 2, 0), ev('02', 'pause_video', 1), ev('03', 'play_video', 0), ev('06', 'pause_video', 3), ev('07', 'pause_video', 1)])).toEqual([[at('03'), 0, 3, 'pause_video']]);
    expect(viewings([ev('01', 'seek_video', 2, 1), ev('03', 'play_video', 0), ev('06', 'pause_video', 3), ev('07', 'pause_video', 1)])).toEqual([[at('03'), 0, 3, 'pause_video']]);
  });

  it('no viewing without an end, when too short, inverted, or past the end of a known duration', () => {
    expect(viewings([ev('00', 'play_video', 0)])).toEqual([]);
    expect(viewings([ev('00', 'play_video', 0), ev('00.100000', 'pause_video', 0.1)])).toEqual([]);
    expect(viewings([ev('00', 'play_video', 3), ev('03', 'pause_video', 0)])).toEqual([]);
    expect(viewings([ev('00', 'play_video', 0, null, 62), ev('03', 'pause_video', 66)])).toEqual([]);
    expect(viewings([ev('00', 'play_video', 0, null, 62), ev('03', 'pause_video', 62.9)])).toEqual([[at('00'), 0, 62.9, 'pause_video']]);
  });

  it("the play's duration is the viewing's", () => {
    for (const d of [144, 150, 400]) expect([...viewingsOf([ev('00', 'play_video', 0, null, d), ev('10', 'pause_video', 10, null, d)])]).toMatchObject([{ viewing: { duration: d } }]);
  });
});

const U = -1;
const usage = (spans: [string, number, number, number][]) =>
  videoUsage('c', 'v', spans.map(([userId, startOffset, endOffset, duration]) => ({ userId, startOffset, endOffset, duration })), 0.05).map((r) => ({
    duration: r.duration, usersAtStart: r.usersAtStart, usersAtEnd: r.usersAtEnd, segment: r.segment, numUsers: r.numUsers, numViews: r.numViews,
  }));
const segments = (rows: ReturnType<typeof usage>) => rows.map((r) => [r.segment, r.numUsers, r.numViews]);

describe("edX's usage reducer cases", () => {
  it('segments, users and views of adjacent, interrupted and overlapping viewings', () => {
    expect(usage([['foo', 0, 4.99, U]])).toEqual([{ duration: 4, usersAtStart: 1, usersAtEnd: 1, segment: 0, numUsers: 1, numViews: 1 }]);
    expect(segments(usage([['foo', 0, 4.99, U], ['foo', 5, 5.2, U]]))).toEqual([[0, 1, 1], [1, 1, 1]]);
    expect(segments(usage([['foo', 0, 4.6, U], ['foo', 4.6, 4.9, U]]))).toEqual([[0, 1, 2]]);
    expect(segments(usage([['foo', 0, 4.99, U], ['foo', 4.8, 5.2, U]]))).toEqual([[0, 1, 2], [1, 1, 1]]);
    expect(segments(usage([['foo', 0, 10.2, U]]))).toEqual([[0, 1, 1], [1, 1, 1], [2, 1, 1]]);
    expect(segments(usage([['foo', 0, 4.99, U], ['foo2', 4.8, 5.2, U], ['foo2', 4.2, 10.2, U]]))).toEqual([[0, 2, 3], [1, 1, 2], [2, 1, 1]]);
  });

  it('unknown duration: inferred from the last segment, users at start and end', () => {
    const rows = usage([['foo', 0, 1, U], ['foo2', 1.5, 2, U], ['foo', 4, 4.99, U], ['foo', 6, 9.99, U], ['foo2', 6, 9.99, U], ['foo', 10.5, 11, U], ['foo2', 10.7, 11, U]]);
    expect(rows.map((r) => [r.duration, r.usersAtStart, r.usersAtEnd])).toEqual([[14, 2, 2], [14, 2, 2], [14, 2, 2]]);
    expect(segments(rows)).toEqual([[0, 2, 3], [1, 2, 2], [2, 2, 2]]);
    const more = usage([['foo', 0, 1, U], ['foo2', 1.5, 2, U], ['foo2', 2.5, 4, U], ['foo', 5, 6, U], ['foo2', 5, 6, U], ['foo2', 8, 9, U], ['foo3', 7, 9, U]]);
    expect(more.map((r) => [r.usersAtStart, r.usersAtEnd, r.segment, r.numUsers, r.numViews])).toEqual([[2, 3, 0, 2, 3], [2, 3, 1, 3, 4]]);
    expect(usage([['foo', 0, 4, U], ['foo', 5, 9, U], ['foo', 12, 16, U]]).map((r) => [r.duration, r.usersAtEnd])).toEqual([[19, 1], [19, 1], [19, 1], [19, 1]]);
    const end = usage([['foo', 0, 4, U], ['foo2', 0, 4, U], ['foo3', 0, 4, U], ['foo', 91, 98, U], ['foo2', 92, 95, U], ['foo3', 90, 99, U], ['foo1', 100, 103, U]]);
    expect(end.map((r) => [r.segment, r.duration, r.usersAtStart, r.usersAtEnd, r.numViews])).toEqual([[0, 104, 3, 3, 3], [18, 104, 3, 3, 3], [19, 104, 3, 3, 3], [20, 104, 3, 3, 1]]);
  });

  it('known durations: sparse output, the largest duration, truncated to seconds', () => {
    expect(segments(usage([['foo', 5, 9, 40], ['foo', 16, 19, 40]]))).toEqual([[1, 1, 1], [3, 1, 1]]);
    expect(usage([['foo', 0, 1, 10], ['foo', 0, 1, 50]]).map((r) => [r.duration, r.usersAtEnd])).toEqual([[50, 0]]);
    expect(usage([['foo', 6, 8, 9.2]]).map((r) => [r.duration, r.usersAtEnd])).toEqual([[9, 1]]);
  });

  it('the final segment of an unknown duration is before a sharp drop only (GetFinalSegmentTest)', () => {
    const spans = (tail: [number, number, number][]) => {
      const out: [string, number, number, number][] = [];
      for (const [from, to, users] of [[0, 20, 20] as [number, number, number], ...tail])
        for (let s = from; s < to; s++) for (let u = 0; u < users; u++) out.push([`user${u}`, s * 5, s * 5 + 1, U]);
      return out;
    };
    const last = (tail: [number, number, number][]) => usage(spans(tail)).at(-1)!.segment;
    expect(last([[20, 30, 1]])).toBe(19);
    expect(last([])).toBe(19);
    expect(last([[30, 31, 2]])).toBe(30);
    expect(last([...Array(19).keys()].map((i) => [20 + i, 21 + i, 19 - i] as [number, number, number]))).toBe(38);
  });

  it('users at the end count at max(duration - 30 s, 95 %) (CompleteEndSegmentTest)', () => {
    // A viewer of exactly the expected end segment is counted; one segment earlier is not.
    for (const [duration, segment] of [[10, 1], [100, 19], [650, 124]] as const) {
      expect(usage([['a', segment * 5, segment * 5 + 1, duration]])[0]!.usersAtEnd).toBe(1);
      if (segment > 0) expect(usage([['a', (segment - 1) * 5, (segment - 1) * 5 + 1, duration]])[0]!.usersAtEnd).toBe(0);
    }
  });
});
