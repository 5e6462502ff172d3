import { describe, expect, test } from 'vitest';
import { decodeLine } from '../../../src/eventlog/parse/decode-line.js';

const bytes = (...b: number[]) => Buffer.from(b);

describe('decodeLine', () => {
  test.each([
    ['plain ASCII', Buffer.from('{"a": 1}'), '{"a": 1}'],
    ['a leading BOM is kept', bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d), '\ufeff{}'],
    ['a truncated 4-byte sequence is ONE U+FFFD (maximal subpart)', bytes(0x41, 0xf0, 0x9f, 0x98, 0x42), 'A\ufffdB'],
    ['an encoded surrogate is three U+FFFD', bytes(0xed, 0xa0, 0x80), '\ufffd\ufffd\ufffd'],
    ['an overlong encoding is one U+FFFD per byte', bytes(0xc0, 0xaf), '\ufffd\ufffd'],
    ['a lone continuation byte', bytes(0x80, 0x41), '\ufffdA'],
    ['a lead byte before ASCII', bytes(0xe2, 0x82, 0x41), '\ufffdA'],
    ['a trailing \\r stays', Buffer.from('{}\r'), '{}\r'],
    ['a valid 4-byte sequence', bytes(0xf0, 0x9f, 0x98, 0x80), '😀'],
  ])('%s', (_name, buf, expected) => {
    expect(decodeLine(buf)).toBe(expected);
  });

  test('when given a range then only those bytes are decoded', () => {
    const buf = Buffer.from('xx\ufeff{"é": 1}\nyy');
    const end = buf.indexOf(0x0a);
    expect(decodeLine(buf, 2, end)).toBe('\ufeff{"é": 1}');
  });

  test('the facts behind the choice: TextDecoder drops a BOM unless ignoreBOM, Buffer keeps it', () => {
    const buf = bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xff);
    expect(new TextDecoder('utf-8').decode(buf)).toBe('{}\ufffd');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf)).toBe('\ufeff{}\ufffd');
    expect(decodeLine(buf)).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf));
  });

  test('when bytes are invalid anywhere then Buffer and WHATWG replacement agree', () => {
    // Every 3-byte combination of interesting bytes, in a line.
    const interesting = [0x41, 0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xe2, 0xed, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0];
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (const a of interesting)
      for (const b of interesting)
        for (const c of interesting) {
          const buf = bytes(a, b, c, 0x41);
          expect(decodeLine(buf)).toBe(decoder.decode(buf));
        }
  });
});
