import { describe, expect, test } from 'vitest';
import { eventUsername } from '../../../src/eventlog/parse/event-username.js';
import { parsePythonJson } from '../../../src/eventlog/parse/python/parse-python-json.js';
import type { PyDict } from '../../../src/eventlog/parse/python/py-value.js';

describe('eventUsername (edX get_event_username)', () => {
  const withUsername = (json: string) => parsePythonJson(`{"username": ${json}}`) as PyDict;
  test.each([
    ['"ana"', 'ana'],
    ['"ana\\n"', 'ana'],
    ['" ana \\u00a0"', 'ana'],
    ['"\\ufeffana"', '\ufeffana'],
  ])('%s -> %j', (json, username) => {
    expect(eventUsername(withUsername(json))).toEqual({ username });
  });

  test.each([['null'], ['""'], ['" \\t\\n"']])('%s is no username', (json) => {
    expect(eventUsername(withUsername(json))).toEqual({ skip: 'no-username' });
  });

  test('an absent username is no username', () => {
    expect(eventUsername(parsePythonJson('{}') as PyDict)).toEqual({ skip: 'no-username' });
  });

  test.each([['0'], ['42'], ['[]'], ['false']])('a non-string username (%s) crashes edX', (json) => {
    expect(eventUsername(withUsername(json))).toEqual({ crash: 'username-not-string' });
  });
});
