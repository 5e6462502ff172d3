import { describe, expect, it } from 'vitest';
import { DateInterval, TimeDelta, Task, UsageError, p } from '../../src/core/index.js';

const interval = p.dateInterval();

describe('date interval parameter', () => {
  it.each([
    ['2014', '2014-01-01', '2015-01-01', 365],
    ['2012-02', '2012-02-01', '2012-03-01', 29],
    ['2014-12', '2014-12-01', '2015-01-01', 31],
    ['2014-W10', '2014-03-03', '2014-03-10', 7],
    ['2015-W53', '2015-12-28', '2016-01-04', 7],
    ['2014-W01', '2013-12-30', '2014-01-06', 7],
    ['2014-03-01', '2014-03-01', '2014-03-02', 1],
    ['2014-07-30-2014-08-07', '2014-07-30', '2014-08-07', 8],
  ])('reads %s as the half-open range [%s, %s)', (text, start, end, days) => {
    const value = interval.parse(text);
    expect([value.start, value.end]).toEqual([start, end]);
    expect(value.dates()).toHaveLength(days);
    expect(value.contains(start)).toBe(true);
    expect(value.contains(end)).toBe(false);
    expect(interval.serialize(value)).toBe(text);
  });

  it.each(['2014-13', '2014-02-30', '2014-W54', '2014-W53', '2014-03-08-2014-03-01', 'last week', ''])('refuses %j', (text) => {
    expect(() => interval.parse(text)).toThrow(/expected a date interval/);
  });

  it('widens by a timedelta for file selection (expand_interval)', () => {
    const wide = interval.parse('2014-03-01-2014-03-08').expand(TimeDelta.tryParse('2 days')!);
    expect(wide.toString()).toBe('2014-02-27-2014-03-10');
    expect(wide.contains('2014-02-27T23:59:59+00:00')).toBe(true);
  });
});

describe('timedelta parameter', () => {
  const delta = p.timeDelta();
  it.each([
    ['2 days', 172_800, '2 d'],
    ['1 w 2 d 3 h', 788_400, '1 w 2 d 3 h'],
    ['90 minutes', 5_400, '1 h 30 m'],
    ['P1W', 604_800, '1 w'],
    ['P2DT3H', 183_600, '2 d 3 h'],
    ['3600', 3_600, '1 h'],
    ['0', 0, '0 s'],
  ])('reads %j as %d seconds, written %j', (text, seconds, canonical) => {
    const value = delta.parse(text);
    expect(value.seconds).toBe(seconds);
    expect(delta.serialize(value)).toBe(canonical);
    expect(delta.parse(canonical).seconds).toBe(seconds);
  });

  it.each(['2 fortnights', 'P', 'PT', 'days', '-1'])('refuses %j', (text) => {
    expect(() => delta.parse(text)).toThrow(/expected a length of time/);
  });
});

describe('date parameter', () => {
  class Daily extends Task {
    static override parameters = { date: p.date(), window: p.dateInterval({ default: DateInterval.between('2014-01-01', '2014-01-08') }) };
    declare date: string;
    declare window: DateInterval;
  }

  it('keeps the day as an ISO string and puts intervals into the id by their text', () => {
    const t = new Daily({ date: '2014-03-01', window: '2014-W10' });
    expect(t.date).toBe('2014-03-01');
    expect(t.window.start).toBe('2014-03-03');
    expect(t.id).toBe(new Daily({ date: new Date(Date.UTC(2014, 2, 1)), window: DateInterval.tryParse('2014-W10') }).id);
    expect(t.id).toContain('window=2014-W10');
  });

  it('names the task, the flag and the expected form for a bad day', () => {
    expect(() => new Daily({ date: '2014-02-30' })).toThrow(UsageError);
    expect(() => new Daily({ date: '2014-02-30' })).toThrow(/Daily: bad value "2014-02-30" for --date: expected a day like 2014-03-01/);
  });
});

describe('defaults', () => {
  it('go through the codec like any other value', () => {
    class Defaults extends Task {
      static override parameters = { when: p.dateInterval({ default: '2014-03' as never }), wait: p.timeDelta({ default: '2 days' as never }) };
      declare when: DateInterval;
      declare wait: TimeDelta;
    }
    const t = new Defaults();
    expect(t.when.end).toBe('2014-04-01');
    expect(t.wait.seconds).toBe(172_800);
  });

  it('when a default is not valid then the task definition is named as the problem', () => {
    class BadDefault extends Task {
      static override parameters = { day: p.date({ default: '2014-13-01' }) };
    }
    expect(() => new BadDefault()).toThrow('BadDefault: the default "2014-13-01" of --day is not valid: expected a day like 2014-03-01.');
  });
});
