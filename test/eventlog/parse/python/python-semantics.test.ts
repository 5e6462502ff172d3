import { describe, expect, test } from 'vitest';
import { parsePythonJson } from '../../../../src/eventlog/parse/python/parse-python-json.js';
import { pythonEquals } from '../../../../src/eventlog/parse/python/python-equals.js';
import { pythonFloat } from '../../../../src/eventlog/parse/python/python-float.js';
import { pythonStrip } from '../../../../src/eventlog/parse/python/python-strip.js';
import { isTruthy } from '../../../../src/eventlog/parse/python/python-truthy.js';

const py = (text: string) => parsePythonJson(text);

describe('pythonEquals (Python ==)', () => {
  test.each([
    ['1', '1.0'],
    ['1', 'true'],
    ['0', 'false'],
    ['1.0', 'true'],
    ['-0.0', '0'],
    ['"a"', '"a"'],
    ['[1, "x"]', '[1.0, "x"]'],
    ['{"a": 1, "b": [true]}', '{"b": [1], "a": 1.0}'],
    ['[NaN]', '[NaN]'],
    ['{"a": NaN}', '{"a": NaN}'],
    ['12345678901234567890', '12345678901234567890'],
    ['9007199254740992', '9007199254740992.0'],
    ['null', 'null'],
    ['Infinity', '1e400'],
  ])('%s == %s', (a, b) => {
    expect(pythonEquals(py(a), py(b))).toBe(true);
    expect(pythonEquals(py(b), py(a))).toBe(true);
  });

  test.each([
    ['NaN', 'NaN'],
    ['1', '"1"'],
    ['"choice_1"', '"choice_1 "'],
    ['[1, 2]', '[2, 1]'],
    ['[1]', '[1, 1]'],
    ['{"a": 1}', '{"a": 1, "b": 2}'],
    ['{"a": 1}', '{"b": 1}'],
    ['null', '0'],
    ['null', '""'],
    ['[]', '{}'],
    ['9007199254740993', '9007199254740992.0'],
    ['1.5', '1'],
    ['"1.0"', '1.0'],
    ['{}', '0.0'],
  ])('%s != %s', (a, b) => {
    expect(pythonEquals(py(a), py(b))).toBe(false);
    expect(pythonEquals(py(b), py(a))).toBe(false);
  });

  test('absent counts as None', () => {
    expect(pythonEquals(undefined, null)).toBe(true);
    expect(pythonEquals(undefined, '')).toBe(false);
  });
});

describe('isTruthy (Python bool)', () => {
  test.each([
    ['null', false],
    ['false', false],
    ['0', false],
    ['0.0', false],
    ['-0.0', false],
    ['""', false],
    ['[]', false],
    ['{}', false],
    ['true', true],
    ['1', true],
    ['0.5', true],
    ['NaN', true],
    ['"false"', true],
    ['"0"', true],
    ['" "', true],
    ['[0]', true],
    ['{"a": null}', true],
    ['{"__proto__": null}', true],
    ['12345678901234567890', true],
  ])('bool(%s) is %s', (text, truthy) => {
    expect(isTruthy(py(text))).toBe(truthy);
  });
});

describe('pythonStrip (Python 3 str.strip)', () => {
  test.each([
    [' \t\n\r\x0b\x0c a b \x1c\x1d\x1e\x1f', 'a b'],
    ['\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000x\u3000', 'x'],
    ['\ufeffx\ufeff', '\ufeffx\ufeff'],
    ['\u200bx\u180e', '\u200bx\u180e'],
    ['   ', ''],
    ['', ''],
    ['no-op', 'no-op'],
  ])('%j -> %j', (s, stripped) => {
    expect(pythonStrip(s)).toBe(stripped);
  });

  test('JS trim() is not Python strip() (the trap this exists for)', () => {
    expect('\ufeffx'.trim()).toBe('x');
    expect('\x1cx'.trim()).toBe('\x1cx');
    expect(pythonStrip('\ufeffx')).toBe('\ufeffx');
    expect(pythonStrip('\x1cx')).toBe('x');
  });
});

describe('pythonFloat (Python 2 float() of a unicode string)', () => {
  test.each([
    ['234', 234],
    ['-1.5', -1.5],
    [' 7.0 ', 7],
    ['\t+3\n', 3],
    ['1.', 1],
    ['.5', 0.5],
    ['1e5', 100000],
    ['1E-2', 0.01],
    ['-.5e1', -5],
    ['00012', 12],
    ['inf', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['+INF', Number.POSITIVE_INFINITY],
    ['nan', Number.NaN],
    ['-NaN', Number.NaN],
    ['\u00a01\u3000', 1],
    ['٣.٥', 3.5],
    ['１２', 12],
    ['1e400', Number.POSITIVE_INFINITY],
  ])('%j -> %d', (text, value) => {
    expect(pythonFloat(text)).toBe(value);
  });

  test.each([
    ['-3d'],
    ['1_000'],
    ['1,000'],
    ['0x10'],
    ['.'],
    ['e5'],
    ['1e'],
    ['1e+'],
    [''],
    ['   '],
    ['1 2'],
    ['infinit'],
    ['nana'],
    ['--1'],
    ['1\u0000'],
    ['²'],
    ['½'],
    ['1.5.'],
  ])('%j is not a float', (text) => {
    expect(pythonFloat(text)).toBeNull();
  });
});
