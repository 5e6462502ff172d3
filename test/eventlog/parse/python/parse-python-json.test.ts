import { describe, expect, test } from 'vitest';
import { JsonDecodeError } from '../../../../src/eventlog/parse/python/json-decode-error.js';
import { parsePythonJson, tryParsePythonJson } from '../../../../src/eventlog/parse/python/parse-python-json.js';
import { parseJsonSlowly } from '../../../../src/eventlog/parse/python/slow-json-parser.js';
import { PyFloat, pyKeys, type PyDict } from '../../../../src/eventlog/parse/python/py-value.js';

describe('parsePythonJson (Python 3 json.loads)', () => {
  test.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['[NaN,Infinity]', [Number.NaN, Number.POSITIVE_INFINITY]],
    ['1', 1],
    ['-0', 0],
    ['1.5', 1.5],
    ['1.0', new PyFloat(1)],
    ['1e2', new PyFloat(100)],
    ['1E+2', new PyFloat(100)],
    ['2.5e-1', 0.25],
    ['-0.0', new PyFloat(-0)],
    ['1e400', Number.POSITIVE_INFINITY],
    ['12345678901234567890', 12345678901234567890n],
    ['-9007199254740993', -9007199254740993n],
    ['9007199254740991', 9007199254740991],
    [' \t\r\n{"a" : [ ] } \n', { a: [] }],
    [String.raw`"\ud83d\ude00"`, '😀'],
    [String.raw`"\ud800"`, '\ud800'],
    [String.raw`"\udc00\ud800"`, '\udc00\ud800'],
    [String.raw`"\u00E9\u00e9"`, 'éé'],
    ['"\u007f\u2028"', '\u007f\u2028'],
    ['{"a": 1, "a": 2}', { a: 2 }],
  ])('%s parses', (text, expected) => {
    expect(parsePythonJson(text)).toEqual(expected);
  });

  test.each([
    ['an empty text', ''],
    ['a raw control character in a string', '"a\u0001"'],
    ['a raw newline in a string', '"a\nb"'],
    ['a raw DEL is fine but a raw NUL is not', '"\u0000"'],
    ['a BOM', '\ufeff{}'],
    ['nan in lower case', 'nan'],
    ['-NaN', '-NaN'],
    ['+1', '+1'],
    ['a leading zero', '01'],
    ['a bare dot', '1.'],
    ['a dot first', '.5'],
    ['an empty exponent', '1e'],
    ['hex', '0x10'],
    ['a trailing comma in a list', '[1,]'],
    ['a trailing comma in an object', '{"a": 1,}'],
    ['a single-quoted key', "{'a': 1}"],
    ['an unquoted key', '{a: 1}'],
    ['an invalid escape', String.raw`"\x41"`],
    ['a short \\u escape', String.raw`"\u12"`],
    ['an unterminated string', '"abc'],
    ['extra data', '{} {}'],
    ['Python None', 'None'],
    ['a vertical tab as whitespace', '\u000b1'],
    ['a non-breaking space as whitespace', '\u00a01'],
    ['an int of 4301 digits (Python 3.11+ limit)', '1'.repeat(4301)],
  ])('%s is rejected', (_name, text) => {
    expect(() => parsePythonJson(text)).toThrow(JsonDecodeError);
    expect(tryParsePythonJson(text)).toBeUndefined();
  });

  test('an int of 4300 digits is accepted exactly', () => {
    const digits = '9'.repeat(4300);
    expect(parsePythonJson(`[${digits}]`)).toEqual([BigInt(digits)]);
  });

  test('nesting deeper than Python takes (RecursionError) is refused, on both paths', () => {
    const nest = (depth: number, inner: string) => '['.repeat(depth) + inner + ']'.repeat(depth);
    expect(tryParsePythonJson(nest(990, '1'))).toBeDefined();
    expect(tryParsePythonJson(nest(990, 'NaN'))).toBeDefined();
    expect(tryParsePythonJson(nest(991, '1'))).toBeUndefined();
    expect(tryParsePythonJson(nest(991, 'NaN'))).toBeUndefined();
    expect(tryParsePythonJson(`{"a": ${nest(200000, '')}}`)).toBeUndefined();
    expect(tryParsePythonJson(`[${'{"a": '.repeat(600)}1${'}'.repeat(600)}, ${nest(400, '')}]`)).toBeDefined();
  });

  test('integer-like keys keep their Python order', () => {
    const dict = parsePythonJson('{"b": 1, "10": 2, "2": 3, "a": 4, "10": 5}') as PyDict;
    expect(pyKeys(dict)).toEqual(['b', '10', '2', 'a']);
    expect(dict['10']).toBe(5);
  });

  test('the fast path and the slow parser agree on every kind of value', () => {
    const texts = [
      '{"username": "ana", "event": {"answers": {"q_2_1": "choice_1"}, "grade": 1, "attempts": 2}, "x": [1.5, -2.25e-3]}',
      '{"s": "pH: 7.0 and 1e5 \\"quoted\\" é \\ud800", "n": null, "t": true, "f": false, "l": [[], {}]}',
      '{"__proto__": {"a": 1}, "constructor": 2}',
      '{"a": 1, "a": {"b": 2}, "c": 3}',
    ];
    for (const text of texts) expect(parsePythonJson(text)).toEqual(parseJsonSlowly(text));
  });

  test('a float-looking literal inside a string does not change the value', () => {
    expect(parsePythonJson('{"answer": "7.0", "n": 7}')).toEqual({ answer: '7.0', n: 7 });
  });
});
