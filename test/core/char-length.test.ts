import { describe, expect, it } from 'vitest';
import { charLength, firstChars, longerThan } from '../../src/core/char-length.js';

// Python: len('a😀é') == 3, 'a😀é'[:2] == 'a😀'; a lone surrogate is one character.
describe('character lengths (code points, as Python and VARCHAR count)', () => {
  const samples = ['', 'abc', 'a😀é', '😀😀😀', '\ud800x', 'x\udc00', '\ud83d', 'é'.repeat(300), '😀'.repeat(200) + 'z'];

  it('charLength counts what [...s] counts', () => {
    for (const s of samples) expect(charLength(s), JSON.stringify(s)).toBe([...s].length);
  });

  it('longerThan and firstChars agree with slicing the characters', () => {
    for (const s of samples)
      for (const max of [0, 1, 2, 3, 30, 199, 200, 255]) {
        expect(longerThan(s, max)).toBe([...s].length > max);
        expect(firstChars(s, max)).toBe([...s].slice(0, max).join(''));
      }
  });
});
