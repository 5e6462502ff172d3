import { describe, expect, it } from 'vitest';
import { EventEmissionExit, MemoryBackend, QueueFullError, RoutingBackend } from '../../src/tracking/index.js';

describe('RoutingBackend', () => {
  it('keeps an event a processor mutates in place', () => {
    const out = new MemoryBackend();
    const routing = new RoutingBackend({ backends: { out }, processors: [(e) => void (e.seen = true)] });
    routing.send({ name: 'a' });
    expect(out.events).toEqual([{ name: 'a', seen: true }]);
  });

  it('replaces the event with what a processor returns', () => {
    const out = new MemoryBackend();
    const routing = new RoutingBackend({
      backends: { out },
      processors: [(e) => ({ wrapped: e }), (e) => void (e.second = 1)],
    });
    routing.send({ name: 'a' });
    expect(out.events).toEqual([{ wrapped: { name: 'a' }, second: 1 }]);
  });

  it('drops on EventEmissionExit: no later processor, no backend, and counts it', () => {
    const out = new MemoryBackend();
    let later = 0;
    const routing = new RoutingBackend({
      backends: { out },
      processors: [
        (e) => {
          if (e.name === 'secret') throw new EventEmissionExit('secret');
        },
        () => void later++,
      ],
    });
    routing.send({ name: 'secret' });
    routing.send({ name: 'public' });
    expect(out.events).toEqual([{ name: 'public' }]);
    expect(later).toBe(1);
    expect(routing.counters.get('Dropped', 'secret')).toBe(1);
  });

  it('counts other processor errors and keeps going (edX), or drops when asked', () => {
    const boom = () => {
      throw new Error('boom');
    };
    const out = new MemoryBackend();
    const errors: string[] = [];
    const lenient = new RoutingBackend({
      backends: { out },
      processors: [boom, (e) => void (e.after = 1)],
      onError: (_, where) => errors.push(where),
    });
    lenient.send({ name: 'a' });
    expect(out.events).toEqual([{ name: 'a', after: 1 }]);
    expect(errors).toEqual(['processor [0]']);
    const strictOut = new MemoryBackend();
    new RoutingBackend({ backends: { strictOut }, processors: [boom], processorErrors: 'drop' }).send({ name: 'a' });
    expect(strictOut.events).toEqual([]);
  });

  it('isolates children: mutations, failures, and nesting; runs them in name order', () => {
    const order: string[] = [];
    const leaf = new MemoryBackend();
    const other = new MemoryBackend();
    const mutator = {
      send(e: any) {
        order.push('a');
        e.name = 'changed';
        e.nested.value = 'changed';
      },
    };
    const failing = {
      send() {
        order.push('b');
        throw new Error('disk full');
      },
    };
    const nested = new RoutingBackend({ backends: { leaf }, processors: [(e) => void (e.branch = 'nested')] });
    const root = new RoutingBackend({
      backends: { z_other: other, c_nested: nested, b_failing: failing, a_mutator: mutator },
    });
    root.send({ name: 'orig', nested: { value: 'orig' } });
    expect(order).toEqual(['a', 'b']);
    expect(leaf.events).toEqual([{ name: 'orig', nested: { value: 'orig' }, branch: 'nested' }]);
    expect(other.events).toEqual([{ name: 'orig', nested: { value: 'orig' } }]);
    expect(root.counters.get('Backend errors', 'b_failing')).toBe(1);
    expect(root.backendNames).toEqual(['a_mutator', 'b_failing', 'c_nested', 'z_other']);
  });

  it("with failures: 'throw', every child still gets the event, then the first error surfaces", () => {
    const after = new MemoryBackend();
    const full = {
      send() {
        throw new QueueFullError('test', '1 event');
      },
    };
    const routing = new RoutingBackend({ backends: { a: full, b: after }, failures: 'throw' });
    expect(() => routing.send({ name: 'x' })).toThrow(QueueFullError);
    expect(after.events).toHaveLength(1);
  });

  it('refuses a backend without send and a processor that is not a function', () => {
    expect(() => new RoutingBackend({ backends: { bad: {} as any } })).toThrow(/backend 'bad' has no send/);
    expect(() => new RoutingBackend({ processors: ['x' as any] })).toThrow(/processor \[0\] is not a function/);
  });
});
