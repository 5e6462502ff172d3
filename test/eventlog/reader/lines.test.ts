import { describe, expect, it } from 'vitest';
import { forEachLine, forEachLineContaining } from '../../../src/eventlog/reader/index.js';

function collect(chunk: Buffer, needle?: string): string[] {
  const out: string[] = [];
  const push = (start: number, end: number) => out.push(chunk.subarray(start, end).toString('latin1'));
  if (needle === undefined) forEachLine(chunk, push);
  else forEachLineContaining(chunk, Buffer.from(needle, 'latin1'), push);
  return out;
}

/** A deterministic pseudo-random generator for property tests (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('forEachLine', () => {
  it('splits on \\n only: a lone \\r is data and a trailing \\r stays in the line', () => {
    expect(collect(Buffer.from('a\rb\nc\r\n\nlast'))).toEqual(['a\rb', 'c\r', '', 'last']);
  });

  it('yields nothing for an empty chunk and one empty line for a lone newline', () => {
    expect(collect(Buffer.alloc(0))).toEqual([]);
    expect(collect(Buffer.from('\n'))).toEqual(['']);
  });

  it('leaves bytes that are not UTF-8 untouched', () => {
    const chunk = Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a, 0xc3, 0x0a]);
    const lines: Buffer[] = [];
    forEachLine(chunk, (s, e) => lines.push(chunk.subarray(s, e)));
    expect(lines).toEqual([Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), Buffer.from([0xc3])]);
  });
});

describe('forEachLineContaining', () => {
  it('finds the whole enclosing line, including a match at the very start or end of the chunk', () => {
    const chunk = Buffer.from('problem_check first\nno match\nx problem_check y\r\nmiddle\nends in problem_check');
    expect(collect(chunk, 'problem_check')).toEqual(['problem_check first', 'x problem_check y\r', 'ends in problem_check']);
  });

  it('reports a line with several matches once', () => {
    expect(collect(Buffer.from('aa aa aa\nb\naa\n'), 'aa')).toEqual(['aa aa aa', 'aa']);
  });

  it('agrees with filtering forEachLine on random chunks', () => {
    const next = random(42);
    const alphabet = ['a', 'b', 'ab', '\n', '\r', 'ba', '\n\n'];
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const chunk = Buffer.from(text, 'latin1');
      for (const needle of ['ab', 'b', 'aba', '\r']) {
        const expected = collect(chunk).filter((line) => line.includes(needle));
        expect(collect(chunk, needle), JSON.stringify({ text, needle })).toEqual(expected);
      }
    }
  });

  it('refuses a needle containing a newline', () => {
    expect(() => forEachLineContaining(Buffer.from('a\nb'), Buffer.from('a\nb'), () => {})).toThrow(/newline/);
  });
});
