import { describe, expect, test } from 'vitest';
import { jsonSpan, parseEventLine } from '../../../src/eventlog/parse/parse-event-line.js';

describe('parseEventLine', () => {
  test.each([
    ['a JSON object', '{"a": 1}', { a: 1 }, false],
    ['surrounding JSON whitespace', ' \t{"a": 1}\r ', { a: 1 }, false],
    ['a syslog prefix', 'Dec 17 15:38:32 host app: {"a": 1}', { a: 1 }, true],
    ['a leading BOM (recovered by the fallback)', '\ufeff{"a": 1}', { a: 1 }, true],
    ['trailing Python whitespace after the last }', 'x {"a": 1}\u00a0\u2028\x1c \r', { a: 1 }, true],
    ['a prefix with \\r and \\u2028 (JS `.` would stop there)', 'a\rb\u2028c\u2029 {"a": 1}', { a: 1 }, true],
    ['a prefix with a brace-less JSON-ish thing', '["x"] {"a": 1}', { a: 1 }, true],
    ['NaN and Infinity literals', '{"a": NaN, "b": -Infinity}', { a: Number.NaN, b: Number.NEGATIVE_INFINITY }, false],
  ])('when the line is %s then it parses', (_name, line, expected, recovered) => {
    expect(parseEventLine(line)).toEqual({ event: expected, recovered });
  });

  test.each([
    ['truncated', '{"username": "unsuccessful'],
    ['empty', ''],
    ['only whitespace', '   '],
    ['garbage', 'this is not json'],
    ['text after the last }', 'x {"a": 1} trailing'],
    ['a BOM-prefixed line that is truncated', '\ufeff{"a": 1'],
    ['two objects', '{"a": 1} {"b": 2}'],
    ['a raw control character in a string', '{"a": "x\u0001y"}'],
    ['a raw tab in a string', '{"a": "x\ty"}'],
    ['a trailing comma', '{"a": 1,}'],
    ['single quotes', "{'a': 1}"],
    ['\\ufeff after the } (not Python whitespace)', '{"a": 1}\ufeff'],
    ['\\u180e after the } (whitespace in Python 2 only)', 'x{"a": 1}\u180e'],
    ['a { .. } span that is not JSON either', 'prefix {"a": 1'],
    ['a newline inside the span', '{"a":\n 1} x'],
  ])('when the line is %s then it is unparseable', (_name, line) => {
    expect(parseEventLine(line)).toEqual({ error: 'unparseable' });
  });

  test.each([
    ['a list', '[{"a": 1}]'],
    ['a number', '42'],
    ['a string', '"{}"'],
    ['null', 'null'],
    ['NaN', 'NaN'],
  ])('when the whole line is valid JSON but %s then it is not an object (no retry)', (_name, line) => {
    expect(parseEventLine(line)).toEqual({ error: 'not-an-object' });
  });

  test('when the line has a __proto__ key then it is an own key and the prototype is untouched', () => {
    const result = parseEventLine('{"__proto__": {"polluted": 1}, "a": NaN}');
    expect('event' in result).toBe(true);
    if (!('event' in result)) return;
    expect(Object.getPrototypeOf(result.event)).toBe(Object.prototype);
    expect(Object.keys(result.event)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('when keys repeat then the last value wins at the first position', () => {
    const result = parseEventLine('{"a": 1, "b": 2, "a": 3}');
    expect(result).toEqual({ event: { a: 3, b: 2 }, recovered: false });
    if ('event' in result) expect(Object.keys(result.event)).toEqual(['a', 'b']);
  });
});

describe('jsonSpan (edX PATTERN_JSON)', () => {
  test.each([
    ['x{a}y}', '{a}y}'],
    ['{{}}', '{{}}'],
    ['a}{b}', '{b}'],
    ['}{', undefined],
    ['{ } \t', '{ }'],
    ['no braces', undefined],
    ['{\n}', undefined],
    ['{}\n', '{}'],
    ['a\n{}', undefined],
  ])('%j -> %j', (line, expected) => {
    expect(jsonSpan(line)).toBe(expected);
  });
});
