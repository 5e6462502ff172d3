import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Task, p, taskId } from '../../src/core/index.js';

describe('scalar parameters', () => {
  it.each([
    ['true', true], ['False', false], ['yes', true], ['0', false], ['on', true],
  ])('bool reads %j as %s', (text, value) => expect(p.bool().parse(text)).toBe(value));

  it.each([
    [p.int(), '3.5', 'expected a whole number'],
    [p.int(), '99999999999999999999', 'expected a whole number of reasonable size'],
    [p.float(), 'NaN', 'expected a number'],
    [p.bool(), 'maybe', 'expected true or false'],
    [p.choice(['a', 'b']), 'c', 'expected one of a, b'],
    [p.json(), '{x', 'expected JSON'],
  ])('refuses bad text with a message saying what was expected (%#)', (spec, text, message) => {
    expect(() => spec.parse(text)).toThrow(message);
  });

  it('reads lists as JSON or comma lists, parsing each item with its type', () => {
    const ints = p.list(p.int());
    expect(ints.parse('[1, 2]')).toEqual([1, 2]);
    expect(ints.parse('1, 2,3')).toEqual([1, 2, 3]);
    expect(ints.parse('')).toEqual([]);
    expect(() => ints.parse('1,x')).toThrow('expected a whole number');
    expect(p.list(p.string()).parse('["a\\\\.b", "\\\\d{8}"]')).toEqual(['a\\.b', '\\d{8}']);
  });
});

describe('task ids', () => {
  class Keyed extends Task {
    static override parameters = { options: p.json(), when: p.dateInterval(), tags: p.list(p.string()) };
  }

  it('are the same for equal JSON values whatever their key order (luigi #2324)', () => {
    const a = new Keyed({ options: { b: 1, a: { y: 2, x: 3 } }, when: '2014', tags: 'x,y' });
    const b = new Keyed({ options: { a: { x: 3, y: 2 }, b: 1 }, when: '2014', tags: ['x', 'y'] });
    expect(a.id).toBe(b.id);
    expect(new Keyed({ options: { b: 1 }, when: '2014', tags: ['y', 'x'] }).id).not.toBe(new Keyed({ options: { b: 1 }, when: '2014', tags: ['x', 'y'] }).id);
  });

  it('are the same in another process', () => {
    const params = { family: 'Keyed', identity: { options: { b: 1, a: [1, 'two'] }, when: '2014-W10' } };
    const script = `import('${new URL('../../src/core/identity.ts', import.meta.url).href}').then((m) => process.stdout.write(m.taskId(${JSON.stringify(params.family)}, ${JSON.stringify(params.identity)})))`;
    const other = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Kolkata', LANG: 'tr_TR.UTF-8' } });
    expect(other).toBe(taskId(params.family, params.identity));
    expect(other).toMatch(/^Keyed\(options=\{"a":\[1,"two"\],"b":1\}, when=2014-W10\)_[0-9a-f]{20}$/);
  });
});
