import { describe, expect, it } from 'vitest';
import { EventTooLargeError, Tracker, TrackingInputError, MemoryBackend } from '../../src/tracking/index.js';

describe('input rules at emit', () => {
  const tracker = new Tracker({ backends: { memory: new MemoryBackend() }, maxEventBytes: 2000 });
  const cyclic: any = { a: { list: [1] } };
  cyclic.a.list.push(cyclic.a);

  const cases: [string, () => unknown, string, RegExp][] = [
    ['a non-string name', () => tracker.emit(42 as any), 'name', /event name must be a string, got a number/],
    ['an empty name', () => tracker.emit('  '), 'name', /event name is empty/],
    ['a too long name', () => tracker.emit('x'.repeat(256)), 'name', /256 characters, over the limit of 255/],
    ['a control character', () => tracker.emit('a.b\n'), 'name', /control character/],
    ['array data', () => tracker.emit('a.b', [1] as any), 'data', /data must be a plain object, got an array/],
    ['string data', () => tracker.emit('a.b', 'x' as any), 'data', /got a string/],
    ['a BigInt', () => tracker.emit('a.b', { n: 1n } as any), 'data.n', /data.n is a BigInt \(1n\)/],
    ['NaN deep inside', () => tracker.emit('a.b', { a: [{ b: NaN }] } as any), 'data.a[0].b', /NaN, which JSON cannot carry/],
    ['undefined in an array', () => tracker.emit('a.b', { a: [undefined] } as any), 'data.a[0]', /undefined/],
    ['a function', () => tracker.emit('a.b', { 'odd key': () => 1 } as any), 'data["odd key"]', /a function/],
    ['a Date', () => tracker.emit('a.b', { at: new Date() } as any), 'data.at', /ISO-8601 string/],
    ['a class instance', () => tracker.emit('a.b', { m: new Map() } as any), 'data.m', /instance of Map/],
    ['a cycle', () => tracker.emit('a.b', cyclic), 'data.a.list[1]', /refers back to itself/],
    ['a bad context', () => tracker.enterContext('req', { x: Infinity } as any), "context 'req'.x", /Infinity/],
  ];

  for (const [label, call, path, message] of cases) {
    it(`refuses ${label}, naming ${path}`, () => {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TrackingInputError);
      expect((caught as TrackingInputError).path).toBe(path);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('\n');
    });
  }

  it('refuses an oversized event whole, with its size and the limit', () => {
    const memory = new MemoryBackend();
    const small = new Tracker({ backends: { memory }, maxEventBytes: 200 });
    expect(() => small.emit('a.b', { text: 'x'.repeat(300) })).toThrow(EventTooLargeError);
    expect(() => small.emit('a.b', { text: 'x'.repeat(300) })).toThrow(/event 'a.b' is \d+ bytes serialized, over the limit of 200/);
    expect(memory.events).toHaveLength(0);
  });

  it('accepts path-style names and nested JSON', () => {
    const memory = new MemoryBackend();
    new Tracker({ backends: { memory } }).emit('/courses/edX/E929/2014_T2/info', { a: [1, 'x', null, { b: true }] });
    expect(memory.events).toHaveLength(1);
  });
});
