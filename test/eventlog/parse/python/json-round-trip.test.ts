import { describe, expect, test } from 'vitest';
import { isJsonRoundTrip } from '../../../../src/eventlog/parse/python/json-round-trip.js';
import { parsePythonJson } from '../../../../src/eventlog/parse/python/parse-python-json.js';
import { pythonJsonDumps } from '../../../../src/eventlog/parse/python/python-json-dumps.js';
import { isPyDict, pyKeys, type PyValue } from '../../../../src/eventlog/parse/python/py-value.js';

/** Same Python value: same json.dumps text and the same keys in the same order at every level. */
function samePython(a: PyValue, b: PyValue): boolean {
  return pythonJsonDumps(a) === pythonJsonDumps(b) && keyOrders(a) === keyOrders(b);
}
function keyOrders(v: PyValue): string {
  if (Array.isArray(v)) return `[${v.map(keyOrders).join(',')}]`;
  if (isPyDict(v)) return `{${pyKeys(v).map((k) => `${k}:${keyOrders(v[k]!)}`).join(',')}}`;
  return '';
}

describe('isJsonRoundTrip (may a value cross the shuffle as plain JSON?)', () => {
  test.each([
    ['{"a": 1, "b": [true, null, "x\\"y"], "c": {"d": 2.5, "e": -3}}'],
    ['{"s": "\\ud800 lone, \\u00e9, \\ud83d\\ude00"}'],
    ['[]'],
    ['"text"'],
    ['{"01": 1, "a": {}}'],
    ['123456789012345'],
  ])('%s: yes, and the trip keeps it', (text) => {
    const value = parsePythonJson(text);
    expect(isJsonRoundTrip(value)).toBe(true);
    expect(samePython(JSON.parse(JSON.stringify(value)) as PyValue, value)).toBe(true);
  });

  test.each([
    ['{"a": 7.0}'], // PyFloat: would come back as the int 7
    ['{"a": [1e5]}'],
    ['{"a": -0.0}'],
    ['{"a": 12345678901234567890}'], // bigint
    ['{"a": NaN}'],
    ['{"a": [Infinity]}'],
    ['{"b": 1, "10": 2}'], // JS would move "10" first
    ['{"x": {"__proto__": 1}}'],
  ])('%s: no', (text) => {
    const value = parsePythonJson(text);
    expect(isJsonRoundTrip(value)).toBe(false);
  });
});
