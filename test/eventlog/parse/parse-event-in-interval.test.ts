import { describe, expect, test } from 'vitest';
import { isEventLevelDrop, parseEventInInterval } from '../../../src/eventlog/parse/parse-event-in-interval.js';
import { pyGet } from '../../../src/eventlog/parse/python/py-value.js';

const may = (day: string) => day >= '2014-05-01' && day < '2014-06-01';

describe('parseEventInInterval (the start of every tracking-log mapper)', () => {
  test('an event of the interval comes back with its day', () => {
    const result = parseEventInInterval('{"time": "2014-05-20T10:00:00.000001+00:00", "event_type": "play_video"}', may);
    if (!('event' in result)) throw new Error(`dropped: ${result.drop}`);
    expect(result.date).toBe('2014-05-20');
    expect(pyGet(result.event, 'event_type')).toBe('play_video');
  });

  test('a syslog prefix is recovered as edX does', () => {
    expect(parseEventInInterval('May 20 10:00:00 host {"time": "2014-05-20T10:00:00"}', may)).toMatchObject({ date: '2014-05-20' });
  });

  test.each([
    ['not json at all', 'Discard Unparseable Event'],
    ['[1, 2]', 'Discard Unparseable Event'],
    ['{"event_type": "x"}', 'Discard Missing Time Field'],
    ['{"time": ""}', 'Discard Missing Time Field'],
    ['{"time": 1400000000}', 'Discard Missing Time Field'],
    ['{"time": "2014-06-01T00:00:00"}', 'Discard Outside Date Interval'],
    ['{"time": "2014-04-30T23:59:59"}', 'Discard Outside Date Interval'],
  ])('%s is dropped as %j', (line, drop) => {
    expect(parseEventInInterval(line, may)).toEqual({ drop });
  });

  test('the outside-interval drop can carry a task\'s own wording; the others keep edX\'s', () => {
    expect(parseEventInInterval('{"time": "2015-01-01"}', may, 'Discard Event Outside Interval')).toEqual({ drop: 'Discard Event Outside Interval' });
    expect(parseEventInInterval('{}', may, 'Discard Event Outside Interval')).toEqual({ drop: 'Discard Missing Time Field' });
  });

  test('the interval test gets the text before the first T, unparsed', () => {
    const seen: string[] = [];
    parseEventInInterval('{"time": "garbageTmore"}', (day) => (seen.push(day), false));
    expect(seen).toEqual(['garbage']);
  });
});

describe('isEventLevelDrop', () => {
  test.each([
    ['Discard Unparseable Event', true],
    ['Discard Missing Time Field', true],
    ['Discard Outside Date Interval', true],
    ['Discard Event Outside Interval', false],
    ['Discard Missing Course Id', false],
  ])('%s -> %s', (drop, level) => {
    expect(isEventLevelDrop(drop)).toBe(level);
  });
});
