import { describe, expect, test } from 'vitest';
import { parsePythonJson } from '../../../../src/eventlog/parse/python/parse-python-json.js';
import { pythonFloatRepr } from '../../../../src/eventlog/parse/python/python-float-repr.js';
import { pythonJsonDumps } from '../../../../src/eventlog/parse/python/python-json-dumps.js';
import { pythonRepr, pythonStr, pythonStringRepr } from '../../../../src/eventlog/parse/python/python-str.js';
import { excelCsv } from '../../../../src/eventlog/parse/python/python-csv.js';
import { PyFloat, pySet, type PyDict } from '../../../../src/eventlog/parse/python/py-value.js';

// [json text, Python 3 json.dumps(json.loads(text)), str(json.loads(text))], taken from CPython 3.11.
const ROUND_TRIPS: Array<[string, string, string]> = [
  ['1.0', '1.0', '1.0'],
  ['1e5', '100000.0', '100000.0'],
  ['-0.0', '-0.0', '-0.0'],
  ['-0', '0', '0'],
  ['1E400', 'Infinity', 'inf'],
  ['-1e400', '-Infinity', '-inf'],
  ['12345678901234567890', '12345678901234567890', '12345678901234567890'],
  ['9007199254740993', '9007199254740993', '9007199254740993'],
  ['9007199254740993.0', '9007199254740992.0', '9007199254740992.0'],
  ['0.1', '0.1', '0.1'],
  ['1e-7', '1e-07', '1e-07'],
  ['0.0001', '0.0001', '0.0001'],
  ['1e16', '1e+16', '1e+16'],
  ['1e15', '1000000000000000.0', '1000000000000000.0'],
  ['123456789012345678.5', '1.2345678901234568e+17', '1.2345678901234568e+17'],
  ['2.0000000000000001', '2.0', '2.0'],
  ['[1, 1.0, 1.5, true, null]', '[1, 1.0, 1.5, true, null]', '[1, 1.0, 1.5, True, None]'],
  ['{"b": 1, "a": [], "10": 2, "9": 3}', '{"b": 1, "a": [], "10": 2, "9": 3}', "{'b': 1, 'a': [], '10': 2, '9': 3}"],
  ['{"b": {"2": 1, "1": {}}, "a": {}}', '{"b": {"2": 1, "1": {}}, "a": {}}', "{'b': {'2': 1, '1': {}}, 'a': {}}"],
  ['NaN', 'NaN', 'nan'],
  ['[NaN, Infinity, -Infinity]', '[NaN, Infinity, -Infinity]', '[nan, inf, -inf]'],
  [String.raw`"\ud800x\u00e9\u20ac😀"`, String.raw`"\ud800x\u00e9\u20ac\ud83d\ude00"`, '\ud800x\u00e9\u20ac😀'],
  [String.raw`{"k": "it\u0027s \"q\""}`, String.raw`{"k": "it's \"q\""}`, String.raw`{'k': 'it\'s "q"'}`],
  [String.raw`"\u0000\u001f\u007f\u0085"`, String.raw`"\u0000\u001f\u007f\u0085"`, '\u0000\u001f\u007f\u0085'],
  [String.raw`"tab\t nl\n bs\\ sl\/ b\b f\f"`, String.raw`"tab\t nl\n bs\\ sl/ b\b f\f"`, 'tab\t nl\n bs\\ sl/ b\b f\f'],
  ['{}', '{}', '{}'],
  ['[]', '[]', '[]'],
  ['{"a": {"__proto__": 1}}', '{"a": {"__proto__": 1}}', "{'a': {'__proto__': 1}}"],
];

describe('pythonJsonDumps and pythonStr of parsed values (Python 3 output)', () => {
  test.each(ROUND_TRIPS)('%s', (text, dumps, str) => {
    const value = parsePythonJson(text);
    expect(pythonJsonDumps(value)).toBe(dumps);
    expect(pythonStr(value)).toBe(str);
  });

  test('when keys are added after parsing then they follow the parsed ones', () => {
    const dict = parsePythonJson('{"2": 1, "1": 2}') as PyDict;
    dict['timestamp'] = '2013-12-17T15:38:32';
    pySet(dict, '0', true);
    expect(pythonJsonDumps(dict)).toBe('{"2": 1, "1": 2, "0": true, "timestamp": "2013-12-17T15:38:32"}');
    delete dict['2'];
    expect(pythonJsonDumps(dict)).toBe('{"1": 2, "0": true, "timestamp": "2013-12-17T15:38:32"}');
  });

  test('undefined (an absent value) prints as None / null', () => {
    expect(pythonStr(undefined)).toBe('None');
    expect(pythonJsonDumps(undefined)).toBe('null');
  });
});

describe('pythonStringRepr (Python 3 repr of str)', () => {
  test.each([
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, String.raw`'both \' and "'`],
    ['a\\b\tc\nd\re', String.raw`'a\\b\tc\nd\re'`],
    ['\x00\x1f\x7f\x85\xa0\xad', String.raw`'\x00\x1f\x7f\x85\xa0\xad'`],
    ['\u2028\ue000😀\u{e0001}', String.raw`'\u2028\ue000` + '😀' + String.raw`\U000e0001'`],
    ['é€中 x', "'é€中 x'"],
    ['\ud800', String.raw`'\ud800'`],
    ['\u3000', String.raw`'\u3000'`],
  ])('%j -> %s', (s, repr) => {
    expect(pythonStringRepr(s)).toBe(repr);
  });

  test('when a string is inside a list then str() uses its repr', () => {
    expect(pythonStr(['a', "b'c", '\n'])).toBe(String.raw`['a', "b'c", '\n']`);
    expect(pythonRepr('x')).toBe("'x'");
  });
});

describe('pythonFloatRepr', () => {
  test.each([
    [0, '0.0'],
    [-0, '-0.0'],
    [100, '100.0'],
    [1.5, '1.5'],
    [-2.25, '-2.25'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [9999999999999998, '9999999999999998.0'],
    [1e-4, '0.0001'],
    [1.234e-5, '1.234e-05'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [0.1 + 0.2, '0.30000000000000004'],
    [123456.789, '123456.789'],
    [Number.NaN, 'nan'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('%d -> %s', (x, repr) => {
    expect(pythonFloatRepr(x)).toBe(repr);
  });

  test('a PyFloat prints as a float and a plain integral number as an int', () => {
    expect(pythonStr(new PyFloat(7))).toBe('7.0');
    expect(pythonStr(7)).toBe('7');
    expect(pythonJsonDumps([new PyFloat(7), 7, 7.5])).toBe('[7.0, 7, 7.5]');
  });
});

describe('pythonJsonDumps string escapes (ensure_ascii)', () => {
  // Python's rule, written out: the short escapes, printable ASCII as is, every other UTF-16 unit as \uXXXX (lowercase hex).
  const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  const pythonRule = (s: string) =>
    '"' +
    Array.from({ length: s.length }, (_, i) => {
      const unit = s.charCodeAt(i);
      return SHORT[s[i]!] ?? (unit >= 0x20 && unit <= 0x7e ? s[i] : `\\u${unit.toString(16).padStart(4, '0')}`);
    }).join('') +
    '"';

  test('every UTF-16 unit, alone and between others, as Python escapes it', () => {
    const wrong: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const s = `a${String.fromCharCode(unit)}"${String.fromCharCode(unit)}`;
      if (pythonJsonDumps(s) !== pythonRule(s)) wrong.push(unit.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test.each(['😀 pair', '\ud83d lone high', 'lone low \ude00', 'é\u2028\u2029\u007f', ''])('%s', (s) => {
    expect(pythonJsonDumps(s)).toBe(pythonRule(s));
    expect(pythonJsonDumps({ [s]: [s, 1] })).toBe(`{${pythonRule(s)}: [${pythonRule(s)}, 1]}`);
  });
});

describe('excelCsv (Python csv.writer, excel dialect)', () => {
  test('quotes only cells with a comma, quote, CR or LF, ends rows with CRLF, and writes a lone empty field as ""', () => {
    // What Python 2.7 csv.writer wrote for these rows (checked with a real Python 2.7.18).
    expect(excelCsv([[''], ['', ''], ['a,b', 'x"y'], ['line\nbreak', 'plain']])).toBe('""\r\n,\r\n"a,b","x""y"\r\n"line\nbreak",plain\r\n');
  });
});
