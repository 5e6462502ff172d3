import { describe, expect, test } from 'vitest';
import { eventTimestamp } from '../../../src/eventlog/parse/event-timestamp.js';

describe('eventTimestamp (Python 2 strptime %Y-%m-%dT%H:%M:%S.%f, then isoformat)', () => {
  test.each([
    ['2013-12-17T15:38:32.805444+00:00', '2013-12-17T15:38:32.805444'],
    ['2013-12-17T15:38:32.805444', '2013-12-17T15:38:32.805444'],
    ['2013-12-17T15:38:32+00:00', '2013-12-17T15:38:32'],
    ['2013-12-17T15:38:32.000000+00:00', '2013-12-17T15:38:32'],
    ['2013-12-17T15:38:32.0', '2013-12-17T15:38:32'],
    ['2013-12-17T15:38:32.5', '2013-12-17T15:38:32.500000'],
    ['2013-12-17T15:38:32.000001', '2013-12-17T15:38:32.000001'],
    ['2013-12-17t15:38:32', '2013-12-17T15:38:32'],
    ['2013-1-2T3:4:5', '2013-01-02T03:04:05'],
    ['2013-01- 2T03:04:05', '2013-01-02T03:04:05'],
    ['2012-02-29T23:59:59.999999', '2012-02-29T23:59:59.999999'],
    ['2000-02-29T00:00:00', '2000-02-29T00:00:00'],
    ['0001-01-01T00:00:00', '0001-01-01T00:00:00'],
    ['9999-12-31T23:59:59', '9999-12-31T23:59:59'],
    ['2013-12-17T15:38:32.805444+05:00 junk+more', '2013-12-17T15:38:32.805444'],
    ['2013-12-17T15:38:32+', '2013-12-17T15:38:32'],
  ])('%j -> %j', (time, expected) => {
    expect(eventTimestamp(time)).toBe(expected);
  });

  test.each([
    ['a Z suffix', '2013-12-17T15:38:32Z'],
    ['a Z suffix after the fraction', '2013-12-17T15:38:32.805444Z'],
    ['a negative offset', '2013-12-17T15:38:32.805444-05:00'],
    ['a negative offset without fraction', '2013-12-17T15:38:32-05:00'],
    ['a space instead of T', '2013-12-17 15:38:32'],
    ['7 fraction digits', '2013-12-17T15:38:32.8054441'],
    ['an empty fraction', '2013-12-17T15:38:32.'],
    ['Feb 29 in a common year', '2013-02-29T00:00:00'],
    ['Feb 29 in 1900', '1900-02-29T00:00:00'],
    ['Feb 30', '2012-02-30T00:00:00'],
    ['April 31', '2013-04-31T00:00:00'],
    ['month 13', '2013-13-01T00:00:00'],
    ['month 0', '2013-00-01T00:00:00'],
    ['day 0', '2013-01-00T00:00:00'],
    ['day 32', '2013-01-32T00:00:00'],
    ['hour 24', '2013-12-17T24:00:00'],
    ['minute 60', '2013-12-17T15:60:00'],
    ['second 60 (the regex takes it, datetime refuses it)', '2013-12-17T15:38:60'],
    ['second 61', '2013-12-17T15:38:61'],
    ['year 0', '0000-01-01T00:00:00'],
    ['a 5-digit year', '12013-12-17T15:38:32'],
    ['a 2-digit year', '13-12-17T15:38:32'],
    ['3-digit month', '2013-012-17T15:38:32'],
    ['Arabic-Indic digits (Python 3 would accept, Python 2 did not)', '٢٠١٣-12-17T15:38:32'],
    ['fullwidth digits', '2013-12-17T15:38:３２'],
    ['a leading space', ' 2013-12-17T15:38:32'],
    ['a trailing space', '2013-12-17T15:38:32 '],
    ['a trailing newline', '2013-12-17T15:38:32.5\n'],
    ['a day " 01" (space then two digits)', '2013-12- 01T15:38:32'],
    ['an empty string', ''],
    ['only an offset', '+00:00'],
    ['a date only', '2013-12-17'],
    ['a dot in the date part', '2013.12-17T15:38:32'],
  ])('when the time has %s then it is rejected', (_name, time) => {
    expect(eventTimestamp(time)).toBeNull();
  });

  test.each([[null], [undefined], [1387294712], [['2013-12-17T15:38:32']], [{ $date: 1 }], [true]])(
    'when the time is not a string (%j) then it is rejected',
    (time) => {
      expect(eventTimestamp(time)).toBeNull();
    },
  );

  test('timestamps without microseconds sort before the next microsecond, as edX compares them', () => {
    const times = ['2013-12-17T15:38:32.000001', '2013-12-17T15:38:32+00:00', '2013-12-17T15:38:31.999999'];
    const sorted = times.map(eventTimestamp).sort();
    expect(sorted).toEqual(['2013-12-17T15:38:31.999999', '2013-12-17T15:38:32', '2013-12-17T15:38:32.000001']);
  });
});

describe('the fast path for the usual shape agrees with the strptime rules', () => {
  // A lowercase "t" takes the general (regex) path, so the two spellings must agree.
  test('on every month/day/hour/minute/second edge, with and without microseconds', () => {
    const years = ['0000', '0001', '1900', '2000', '2012', '2013', '9999'];
    const months = ['00', '01', '02', '04', '09', '12', '13', '1a'];
    const days = ['00', '01', '28', '29', '30', '31', '32'];
    const times = ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '12:00:61', '1:00:000'];
    const fractions = ['000000', '000001', '500000', '999999'];
    let checked = 0;
    for (const y of years)
      for (const m of months)
        for (const d of days)
          for (const t of times)
            for (const f of fractions) {
              const upper = `${y}-${m}-${d}T${t}.${f}`;
              const lower = `${y}-${m}-${d}t${t}.${f}`;
              expect(eventTimestamp(upper), upper).toBe(eventTimestamp(lower));
              checked++;
            }
    expect(checked).toBeGreaterThan(10000);
    expect(eventTimestamp('2012-02-29T23:59:59.000000')).toBe('2012-02-29T23:59:59');
  });
});
