import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareUtf8, encodeJson, formatRecord, parseRecord, partitionOf } from '../../src/mapreduce/index.js';

const KEYS: unknown[] = [
  'a', 'b', 'B', 'ab', 'a b', '', 'é', 'z', '\uE000', '\uFFFD', '\uFF21', '𝒳', '😀', '日本', 'a\tb', 'line\nbreak', '"q"',
  1, 2, 10, 9, -1, 1.5, 0, null, true, false,
  ['course-v1:edX+DemoX+T1', 'problem', 'u1'], ['course-v1:edX+DemoX+T1', 'problem'], ['é', 1], ['𝒳', 1], ['\uFFFD', 1], [], [[]], [1, [2]],
  { k: 'v' },
];

describe('key order: bytewise UTF-8 of the JSON encoding', () => {
  it('compareUtf8 agrees with comparing the UTF-8 bytes, including astral vs U+E000..U+FFFF', () => {
    const encoded = KEYS.map(encodeJson);
    for (const a of encoded)
      for (const b of encoded) expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    // Plain UTF-16 comparison gets this pair wrong; ours must not.
    expect(compareUtf8('"𝒳"', '"\uFFFD"')).toBeGreaterThan(0);
    expect('"𝒳"' < '"\uFFFD"').toBe(true);
  });

  it('compareUtf8 agrees with the UTF-8 bytes on 20,000 random pairs sharing long prefixes (ASCII, Latin-1, BMP, astral)', () => {
    let state = 12345;
    const rnd = (n: number) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % n);
    const alphabet = ['a', 'z', '"', '\u00e9', '\u00ff', '\u0800', '\ud7ff', '\ue000', '\uffff', '\u{1d4b3}', '\u{1f600}'];
    const word = () => Array.from({ length: rnd(4) }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let i = 0; i < 20000; i++) {
      const prefix = 'course-v1:edX+DemoX+T1/problem/'.slice(0, rnd(32));
      const a = prefix + word();
      const b = prefix + word();
      expect(Math.sign(compareUtf8(a, b)), `${a} vs ${b}`).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }
  });

  it('sorting key<TAB>value lines with LC_ALL=C sort gives the same key order', () => {
    const lines = KEYS.map((k, i) => formatRecord(encodeJson(k), encodeJson({ i })));
    const ours = [...lines].sort((x, y) => compareUtf8(x.split('\t')[0]!, y.split('\t')[0]!)).map((l) => l.split('\t')[0]);
    const sorted = execFileSync('sort', [], { input: lines.join('\n') + '\n', env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8' });
    expect(sorted.split('\n').filter(Boolean).map((l) => l.split('\t')[0])).toEqual(ours);
  });

  it('records survive the round trip, TABs and newlines inside keys included', () => {
    for (const key of KEYS) {
      const line = formatRecord(encodeJson(key), encodeJson(['v', key]));
      expect(line).not.toContain('\n');
      expect(parseRecord(line)).toEqual([key, ['v', key]]);
    }
    expect(encodeJson(undefined)).toBe('null');
  });

  it('partitions are deterministic and spread keys', () => {
    const seen = new Set(KEYS.map((k) => partitionOf(encodeJson(k), 4)));
    expect(seen.size).toBeGreaterThan(1);
    expect(partitionOf('["a"]', 4)).toBe(partitionOf('["a"]', 4));
    expect(partitionOf('anything', 1)).toBe(0);
  });
});
