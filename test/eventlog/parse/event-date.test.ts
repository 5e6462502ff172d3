import { describe, expect, test } from 'vitest';
import { eventDate, isDateInInterval } from '../../../src/eventlog/parse/event-date.js';
import { parsePythonJson } from '../../../src/eventlog/parse/python/parse-python-json.js';
import type { PyDict } from '../../../src/eventlog/parse/python/py-value.js';

const withTime = (json: string) => parsePythonJson(`{"time": ${json}}`) as PyDict;

describe('eventDate (edX get_event_and_date_string)', () => {
  test.each([
    ['"2014-05-20T10:00:00.000001+00:00"', '2014-05-20'],
    ['"2014-05-20t10:00:00"', '2014-05-20t10:00:00'],
    ['"2014-05-20"', '2014-05-20'],
    ['"garbage"', 'garbage'],
    ['"T"', ''],
  ])('time %s -> %j', (json, date) => {
    expect(eventDate(withTime(json))).toEqual({ date });
  });

  test.each([['null'], ['""'], ['0'], ['[]'], ['false']])('a falsy time (%s) is missing', (json) => {
    expect(eventDate(withTime(json))).toEqual({ skip: 'missing-time' });
  });

  test('an absent time is missing', () => {
    expect(eventDate(parsePythonJson('{}') as PyDict)).toEqual({ skip: 'missing-time' });
  });

  test.each([['1400000000'], ['["2014-05-20T10:00:00"]'], ['true']])('a truthy non-string time (%s) crashes edX', (json) => {
    expect(eventDate(withTime(json))).toEqual({ crash: 'time-not-string' });
  });

  test.each([
    ['2014-05-20', true],
    ['2014-05-19', false],
    ['2014-05-27', false],
    ['2014-05-26', true],
    ['2014-05-20x', true],
    ['2014-05', false],
    ['garbage', false],
  ])('%j in [2014-05-20, 2014-05-27) is %s', (date, inside) => {
    expect(isDateInInterval(date, '2014-05-20', '2014-05-27')).toBe(inside);
  });
});
