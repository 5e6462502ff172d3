import { describe, expect, test } from 'vitest';
import { getEventData } from '../../../src/eventlog/parse/event-data.js';
import { parsePythonJson } from '../../../src/eventlog/parse/python/parse-python-json.js';
import type { PyDict } from '../../../src/eventlog/parse/python/py-value.js';

const withEvent = (json: string) => parsePythonJson(`{"event_type": "x", "event": ${json}}`) as PyDict;
const padTo = (s: string, length: number) => s + 'x'.repeat(length - s.length);

describe('getEventData', () => {
  test('when the payload is an object then it is returned as is', () => {
    const event = withEvent('{"problem_id": "p", "answers": {}}');
    expect(getEventData(event)).toEqual({ data: { problem_id: 'p', answers: {} }, fromString: false });
    const result = getEventData(event);
    if ('data' in result) expect(result.data).toBe(event['event']);
  });

  test.each([
    ['an empty string', '""', {}],
    ['a JSON string of an object', JSON.stringify('{"a": 1, "b": NaN}'), { a: 1, b: Number.NaN }],
    ['a JSON object string with a "=" inside', JSON.stringify('{"q": "a=b"}'), { q: 'a=b' }],
    ['a 512-char JSON object without POST', JSON.stringify(padTo('{"GET": {}, "x": "', 510) + '"}'), null],
    ['a 511-char string with POST that is JSON', JSON.stringify(padTo('{"POST": {}, "x": "', 509) + '"}'), null],
  ])('when the payload is %s then it is decoded', (_name, json, expected) => {
    const result = getEventData(withEvent(json));
    expect('data' in result).toBe(true);
    if (!('data' in result)) return;
    expect(result.fromString).toBe(true);
    if (expected !== null) expect(result.data).toEqual(expected);
  });

  test.each([
    ['absent', null, 'missing'],
    ['null', 'null', 'missing'],
    ['a 512-char string containing POST', JSON.stringify(padTo('{"POST": {"a": "', 512)), 'truncated-implicit'],
    ['512 code points with an astral character (Python len, not UTF-16)', JSON.stringify(padTo('{"POST": "😀', 513)), 'truncated-implicit'],
    ['url-encoded form data', JSON.stringify('input_q7_2_1=choice_1&input_q7_3_1=7.0'), 'url-encoded'],
    ['a string with neither { nor = that is not JSON', JSON.stringify('hello'), 'unparseable-string'],
    ['a truncated JSON string', JSON.stringify('{"a": 1'), 'unparseable-string'],
    ['a JSON string with a BOM', JSON.stringify('\ufeff{"a": 1}'), 'unparseable-string'],
    ['a JSON string of a list', JSON.stringify('[1, 2]'), 'not-an-object'],
    ['a JSON string of a number', JSON.stringify('5'), 'not-an-object'],
    ['a JSON string of a JSON string', JSON.stringify('"{}"'), 'not-an-object'],
    ['a list', '[{"a": 1}]', 'list'],
    ['an empty list', '[]', 'list'],
    ['a number', '0', 'not-an-object'],
    ['false', 'false', 'not-an-object'],
    ['true', 'true', 'not-an-object'],
  ])('when the payload is %s then it is skipped as %s', (_name, json, reason) => {
    const event = json === null ? (parsePythonJson('{"event_type": "x"}') as PyDict) : withEvent(json);
    expect(getEventData(event)).toEqual({ skip: reason });
  });

  test('when a string with POST is 512 UTF-16 units but 511 code points then it is not taken for a truncated one', () => {
    // 513 UTF-16 units but 512 code points would be skipped; 512 units with a pair = 511 code points.
    const text = padTo('{"POST": "😀', 511) + '"}';
    expect(text.length).toBe(513);
    expect(getEventData(withEvent(JSON.stringify(text.slice(0, 512))))).toEqual({ skip: 'unparseable-string' });
  });
});
