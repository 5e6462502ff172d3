import { describe, expect, it } from 'vitest';
import { AnswerListItemError, stringify } from '../../../src/tasks/answer-distribution/stringify.js';

// Found by the differential against reference.py with --answer-metadata: a choice mapped to null.
describe('stringify of a list holding null', () => {
  it('gives no text for a null item of choice markup, as html5lib reads None as an empty stream', () => {
    expect(stringify(['<b>x</b>', null], true)).toBe('[x|]');
    expect(stringify([null], true)).toBe('[]');
  });

  it('still raises where edX does: a null item stripped as text, a number item as markup', () => {
    expect(() => stringify(['x', null])).toThrow(AnswerListItemError);
    expect(() => stringify(['x', 5], true)).toThrow(AnswerListItemError);
  });
});
