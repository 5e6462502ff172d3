import { describe, expect, test } from 'vitest';
import { needsPythonRules } from '../../../../src/eventlog/parse/python/needs-python-rules.js';
import { parsePythonJson } from '../../../../src/eventlog/parse/python/parse-python-json.js';
import { PyFloat, isPyDict, pyKeys, type PyValue } from '../../../../src/eventlog/parse/python/py-value.js';
import { parseJsonSlowly } from '../../../../src/eventlog/parse/python/slow-json-parser.js';

describe('needsPythonRules (when JSON.parse would change the value)', () => {
  test.each([
    ['{"a": 7.0}'],
    ['[7.00]'],
    ['{"a": -0.0}'],
    ['{"a": -0}'],
    ['[1e5]'],
    ['[2.5E-1]'],
    ['[1234567890123456]'],
    ['[1234567890.0000000001]'],
    ['{"10": 1}'],
    ['{"0" : 1}'],
    ['{"a": {"4294967294": 1}}'],
  ])('%s needs the slow parser', (text) => {
    expect(needsPythonRules(text)).toBe(true);
  });

  test.each([
    ['{"a": 7.5, "b": -1, "c": 0, "d": 123456789012345}'],
    ['{"a": "7.0 -0 1e5 1234567890123456", "b": "x\\"10\\": 1"}'],
    ['{"01": 1, "4294967295": 2, "1a": 3, "-1": 4}'],
    ['["10", "0"]'],
    ['{"a": "\\\\", "b": 7.25}'],
    ['{"a": "unterminated 7.0'],
  ])('%s can use JSON.parse', (text) => {
    expect(needsPythonRules(text)).toBe(false);
  });
});

// A small deterministic PRNG, so the generated documents are the same on every run.
function prng(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function generator(rnd: (n: number) => number): () => string {
  const numbers = ['0', '-0', '1', '-1', '7.0', '7.05', '-0.0', '-0.5', '1e5', '1E-2', '12345678901234567', '123456789012345', '0.1234567890123456', '9007199254740993', '3.14'];
  const keys = ['"a"', '"10"', '"2"', '"0"', '"01"', '"4294967295"', '"4294967294"', '"__proto__"', '"x\\"y"', '"\\\\"', '"7.0"'];
  const strings = ['"7.0"', '"a\\"b"', '"\\\\"', '"x: 1.0, \\"2\\": 3"', '"é"', '""'];
  const value = (depth: number): string => {
    const kind = rnd(depth > 3 ? 3 : 6);
    if (kind === 0) return numbers[rnd(numbers.length)] as string;
    if (kind === 1) return strings[rnd(strings.length)] as string;
    if (kind === 2) return ['true', 'false', 'null'][rnd(3)] as string;
    const n = rnd(4);
    if (kind === 3) return `[${Array.from({ length: n }, () => value(depth + 1)).join(', ')}]`;
    return `{${Array.from({ length: n }, () => `${keys[rnd(keys.length)]}: ${value(depth + 1)}`).join(', ')}}`;
  };
  return () => value(0);
}

/** Equality that sees what Python sees: int vs float, -0, bigints, key order. */
function identical(a: PyValue, b: PyValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (a instanceof PyFloat || b instanceof PyFloat)
    return a instanceof PyFloat && b instanceof PyFloat && Object.is(a.value, b.value);
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => identical(x, b[i] as PyValue));
  if (!isPyDict(a) || !isPyDict(b)) return false;
  const keysA = pyKeys(a);
  const keysB = pyKeys(b);
  return keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i] && identical(a[key] as PyValue, b[key] as PyValue));
}

test('the fast path gives exactly what the slow parser gives, on 5000 generated documents', () => {
  const next = generator(prng(20240517));
  for (let i = 0; i < 5000; i++) {
    const text = next();
    expect(identical(parsePythonJson(text), parseJsonSlowly(text)), text).toBe(true);
  }
});

test('a text JSON.parse refuses, without NaN/Infinity, is refused by the exact parser too (5000 mutated documents)', () => {
  const rnd = prng(7);
  const next = generator(rnd);
  const tokens = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '.', 'e', '-', '+', ' ', '\t', '\u0001', '\n', 'true', 'x', '00', '\ufeff', '\u2028'];
  let refused = 0;
  for (let i = 0; i < 5000; i++) {
    let text = next();
    const pos = rnd(text.length + 1);
    text = text.slice(0, pos) + (tokens[rnd(tokens.length)] as string) + text.slice(pos + rnd(2));
    let jsAccepts = true;
    try {
      JSON.parse(text);
    } catch {
      jsAccepts = false;
    }
    if (jsAccepts) continue;
    refused++;
    expect(() => parseJsonSlowly(text), text).toThrow();
  }
  expect(refused).toBeGreaterThan(1000);
});

describe('the fast path whatever the JSON layout', () => {
  // Same documents, written the ways JSON allows: compact, Python's default, and with tabs and newlines.
  const styles: Array<[string, (text: string) => string]> = [
    ['compact', (t) => outsideStrings(t, { ', ': ',', ': ': ':' })],
    ['python default', (t) => t],
    ['tabs and newlines', (t) => outsideStrings(t, { ', ': ',\n\t', ': ': ' :\r\n ', '[': '[ \n' })],
  ];
  test.each(styles)('%s: the fast path still matches the slow parser on 3000 documents', (_name, restyle) => {
    const next = generator(prng(99));
    for (let i = 0; i < 3000; i++) {
      const text = restyle(next());
      expect(identical(parsePythonJson(text), parseJsonSlowly(text)), text).toBe(true);
    }
  });

  test('a number at the very start, or nesting too deep for Python, still reaches the exact rules', () => {
    expect(needsPythonRules('7.0')).toBe(true);
    expect(needsPythonRules(' -0')).toBe(true);
    const deep = '['.repeat(995) + ']'.repeat(995);
    expect(needsPythonRules(deep)).toBe(true);
    expect(needsPythonRules('{"a": "' + '['.repeat(995) + '"}')).toBe(false); // brackets inside a string are not nesting
  });

  test('a tracking-log time string does not send a line to the slow parser', () => {
    expect(needsPythonRules('{"time": "2024-03-04T00:00:13.496111+00:00", "event": {"grade": 2, "max_grade": 3}}')).toBe(false);
  });
});

/** Replace separators outside JSON strings (a string-aware walk: inside strings they are data). */
function outsideStrings(text: string, replacements: Record<string, string>): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    const match = Object.keys(replacements).find((from) => text.startsWith(from, i));
    if (match === undefined) out += c;
    else {
      out += replacements[match];
      i += match.length - 1;
    }
  }
  return out;
}
