import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { eventTimestamp } from '../../src/eventlog/parse/event-timestamp.js';
import {
  BatchingFileBackend,
  EventTime,
  formatEdxTime,
  legacyFieldMapping,
  MemoryBackend,
  MicrosecondClock,
  RoutingBackend,
  Tracker,
} from '../../src/tracking/index.js';
import { readAllRecords, tempDir } from './support.js';

const EDX_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;

describe('event times', () => {
  it('1,000 events emitted in a tight loop get distinct, increasing microsecond times that the pipeline parses', async () => {
    const dir = await tempDir();
    try {
      const file = await BatchingFileBackend.open({ dir, batchSize: 1000 });
      const logs = new RoutingBackend({ processors: [legacyFieldMapping], backends: { file }, failures: 'throw' });
      const tracker = new Tracker({ backends: { logs }, failures: 'throw' });
      const before = Date.now();
      for (let n = 0; n < 1000; n++) tracker.emit('edx.test.tick', { n });
      const after = Date.now();
      await tracker.close();

      const records = await readAllRecords(dir);
      expect(records.map((r) => r.event.n)).toEqual(Array.from({ length: 1000 }, (_, n) => n));
      const times: string[] = records.map((r) => r.time);
      for (const time of times) expect(time).toMatch(EDX_TIME);
      for (let i = 1; i < times.length; i++) expect(times[i]! > times[i - 1]!, `${times[i - 1]} then ${times[i]}`).toBe(true);
      // What the pipeline reads is just as distinct and ordered: no two events tie.
      const parsed = times.map(eventTimestamp);
      expect(parsed).not.toContain(null);
      expect(new Set(parsed).size).toBe(1000);
      expect([...parsed].sort()).toEqual(parsed);
      // The digits below the millisecond are used, not padding.
      expect(times.some((t) => !t.endsWith('000+00:00'))).toBe(true);
      // And it is the wall clock: within the clock's resync margin (2 ms) plus 1,000 possible 1 µs steps.
      expect(Date.parse(times[0]!.slice(0, 23) + 'Z')).toBeGreaterThanOrEqual(before - 3);
      expect(Date.parse(times[999]!.slice(0, 23) + 'Z')).toBeLessThanOrEqual(after + 4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stay increasing across two trackers in one process', () => {
    const a = new MemoryBackend();
    const b = new MemoryBackend();
    const first = new Tracker({ backends: { a } });
    const second = new Tracker({ backends: { b } });
    const micros: number[] = [];
    for (let n = 0; n < 200; n++) {
      micros.push((first.emit('edx.a').timestamp as EventTime).epochMicros);
      micros.push((second.emit('edx.b').timestamp as EventTime).epochMicros);
    }
    for (let i = 1; i < micros.length; i++) expect(micros[i]).toBeGreaterThan(micros[i - 1]!);
  });

  it('survive the copy every backend gets, and the copies are independent', () => {
    const a = new MemoryBackend();
    const b = new MemoryBackend();
    const tracker = new Tracker({ backends: { a, b } });
    const data = JSON.parse('{"__proto__": {"x": 1}, "list": [{"y": 2}]}');
    const emitted = tracker.emit('edx.copy', data).timestamp as EventTime;
    const [fromA, fromB] = [a.events[0]!, b.events[0]!];
    for (const event of [fromA, fromB]) {
      expect(event.timestamp).toBeInstanceOf(EventTime);
      expect((event.timestamp as EventTime).epochMicros).toBe(emitted.epochMicros);
      expect(Object.keys(event.data as object)).toEqual(['__proto__', 'list']);
      expect(Object.getPrototypeOf(event.data)).toBe(Object.prototype);
    }
    (fromA.data as any).list[0].y = 3;
    expect((fromB.data as any).list[0].y).toBe(2);
  });

  it('are written like Python isoformat, with the microseconds an EventTime carries', () => {
    expect(formatEdxTime(new EventTime(1399046545143912))).toBe('2014-05-02T16:02:25.143912+00:00');
    expect(formatEdxTime(new EventTime(1399046545000007))).toBe('2014-05-02T16:02:25.000007+00:00');
    expect(formatEdxTime(new Date('2014-05-02T16:02:25.143Z'))).toBe('2014-05-02T16:02:25.143000+00:00');
    expect(eventTimestamp('2014-05-02T16:02:25.000007+00:00')).toBe('2014-05-02T16:02:25.000007');
  });

  it('a clock never goes back: each reading is at least one microsecond after the last', () => {
    const clock = new MicrosecondClock();
    let last = clock.now();
    for (let n = 0; n < 10_000; n++) {
      const next = clock.now();
      expect(next.epochMicros - last.epochMicros).toBeGreaterThanOrEqual(1);
      expect(next.getTime()).toBe(Math.floor(next.epochMicros / 1000));
      last = next;
    }
  });
});
