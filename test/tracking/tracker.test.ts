import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  emit,
  getTracker,
  MemoryBackend,
  registerTracker,
  Tracker,
  TrackerClosedError,
  unregisterTracker,
} from '../../src/tracking/index.js';
import { UsageError } from '../../src/core/errors.js';

const fixedClock = () => new Date('2014-05-02T16:02:25.143Z');

describe('Tracker', () => {
  afterEach(() => {
    unregisterTracker();
  });

  it('builds the envelope from name, data, clock and the merged context', () => {
    const memory = new MemoryBackend();
    const tracker = new Tracker({ backends: { memory }, clock: fixedClock });
    tracker.enterContext('request', { user_id: 7, path: '/a' });
    tracker.enterContext('course', { course_id: 'edX/E929/2014_T2', path: '/b' });
    tracker.emit('edx.course.enrollment.activated', { mode: 'honor' });
    expect(memory.events).toEqual([
      {
        name: 'edx.course.enrollment.activated',
        timestamp: new Date('2014-05-02T16:02:25.143Z'),
        context: { user_id: 7, path: '/b', course_id: 'edX/E929/2014_T2' },
        data: { mode: 'honor' },
      },
    ]);
    tracker.exitContext('course');
    expect(tracker.resolveContext()).toEqual({ user_id: 7, path: '/a' });
  });

  it('re-entering a context name moves it to the top, so the latest entry wins', () => {
    const tracker = new Tracker();
    tracker.enterContext('a', { k: 'a' });
    tracker.enterContext('b', { k: 'b' });
    tracker.enterContext('a', { k: 'a2' });
    expect(tracker.resolveContext()).toEqual({ k: 'a2' });
  });

  it('keeps contexts of concurrent async scopes apart', async () => {
    const memory = new MemoryBackend();
    const tracker = new Tracker({ backends: { memory } });
    tracker.enterContext('process', { host: 'h1' });
    const request = (user: number, delay: number) =>
      tracker.withContext('request', { user_id: user }, async () => {
        await sleep(delay);
        tracker.emit('first', { user });
        await tracker.withContext('inner', { step: user * 10 }, async () => {
          await sleep(delay / 2);
          tracker.emit('second', { user });
        });
        tracker.emit('third', { user });
      });
    await Promise.all([request(1, 20), request(2, 5), request(3, 12)]);
    expect(memory.events).toHaveLength(9);
    for (const event of memory.events as any[]) {
      expect(event.context.user_id).toBe(event.data.user);
      expect(event.context.host).toBe('h1');
      if (event.name === 'second') expect(event.context.step).toBe(event.data.user * 10);
      else expect(event.context.step).toBeUndefined();
    }
    expect(tracker.resolveContext()).toEqual({ host: 'h1' });
  });

  it('adds an event id when asked, for deduplication downstream', () => {
    const memory = new MemoryBackend();
    const tracker = new Tracker({ backends: { memory }, eventIds: true });
    tracker.emit('a.b.c');
    tracker.emit('a.b.c');
    const ids = memory.events.map((e: any) => e.context.event_id);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('refuses emit after close and closes its backends once', async () => {
    let closes = 0;
    const tracker = new Tracker({ backends: { b: { send() {}, close: async () => void closes++ } } });
    await Promise.all([tracker.close(), tracker.close()]);
    expect(closes).toBe(1);
    expect(() => tracker.emit('a.b')).toThrow(TrackerClosedError);
  });

  it('module-level emit goes to the registered default tracker', () => {
    expect(() => getTracker()).toThrow(UsageError);
    const memory = new MemoryBackend();
    registerTracker(new Tracker({ backends: { memory } }));
    emit('edx.video.stop', { t: 1 });
    expect(memory.events.map((e: any) => e.name)).toEqual(['edx.video.stop']);
  });
});
