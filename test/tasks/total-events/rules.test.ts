import { describe, expect, it } from 'vitest';
import { eventDayOf, parseCountLine, renderTotalEventsReport, TotalEventsDailyTask } from '../../../src/tasks/total-events/index.js';

const all = () => true;
const event = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    event_type: 'edx.course.enrollment.activated',
    event_source: 'server',
    context: { course_id: 'course-v1:edX+DemoX+T1', org_id: 'edX', user_id: 10 },
    time: '2013-12-17T15:38:32.805444+00:00',
    event: { course_id: 'course-v1:edX+DemoX+T1', user_id: 10, mode: 'honor' },
    ...fields,
  });

describe('which lines count, and for which day (edX TotalEventsDailyTask.mapper)', () => {
  it('an explicit event counts for the day of its time', () => {
    expect(eventDayOf(event(), all)).toEqual({ day: '2013-12-17', replacedBytes: false });
  });

  it('events without user, course or org ids count (implicit events)', () => {
    const implicit = event({ event_type: '/jsi18n/', username: '', context: { user_id: '', org_id: '', course_id: '', path: '/jsi18n/' }, event: '{"POST": {}, "GET": {}}' });
    expect(eventDayOf(implicit, all)).toEqual({ day: '2013-12-17', replacedBytes: false });
    expect(eventDayOf(JSON.stringify({ time: '2013-12-17T00:00:00' }), all)).toMatchObject({ day: '2013-12-17' });
  });

  it('only `time` dates an event: an empty `timestamp` field, a blank user id or org change nothing', () => {
    expect(eventDayOf(event({ timestamp: '', user_id: '' }), all)).toEqual({ day: '2013-12-17', replacedBytes: false });
    expect(eventDayOf(event({ timestamp: '2001-01-01T00:00:00' }), (day) => day === '2013-12-17')).toMatchObject({ day: '2013-12-17' });
  });

  it('the day is the text before `T`, the rest of `time` is never parsed (edX: strptime is too slow)', () => {
    expect(eventDayOf(event({ time: '2013-12-17Tlunchtime' }), all)).toMatchObject({ day: '2013-12-17' });
    expect(eventDayOf(event({ time: '2013-12-17' }), all)).toMatchObject({ day: '2013-12-17' });
    expect(eventDayOf(event({ time: '2013-12-17T23:59:59-05:00' }), all)).toMatchObject({ day: '2013-12-17' });
  });

  it('a line with a prefix before the JSON still counts', () => {
    expect(eventDayOf(`Dec 17 15:38:32 lms-1 ${event()}`, all)).toMatchObject({ day: '2013-12-17' });
  });

  it('an event with bytes that were not UTF-8 counts, and says so', () => {
    expect(eventDayOf(event({ username: 'bad\uFFFDname' }), all)).toEqual({ day: '2013-12-17', replacedBytes: true });
  });

  it.each([
    ['bad event', 'Discard Unparseable Event'],
    ['{"time": "2013-12-17T15:38', 'Discard Unparseable Event'],
    ['[1, 2]', 'Discard Unparseable Event'],
    [event({ time: undefined }), 'Discard Missing Time Field'],
    [event({ time: '' }), 'Discard Missing Time Field'],
    [event({ time: 12 }), 'Discard Missing Time Field'],
  ])('%s is dropped as %s', (line, drop) => {
    expect(eventDayOf(line, all)).toEqual({ drop });
  });

  it('an event dated outside the interval is dropped', () => {
    expect(eventDayOf(event(), (day) => day >= '2013-12-18')).toEqual({ drop: 'Discard Outside Date Interval' });
  });
});

describe('the sum (edX TotalEventsDailyTask.reducer, also its combiner)', () => {
  const task = new TotalEventsDailyTask({ interval: '2013-12-17', source: ['/logs'], outputRoot: '/counts' });
  const lines = (counts: number[]) => [...task.reducer('2013-12-17', counts)].map(([day, n]) => task.formatOutput(day as string, n as number));

  it('one event is a count of 1; two of the same day, 2; partial sums add up', () => {
    expect(lines([1])).toEqual(['2013-12-17\t1']);
    expect(lines([1, 1])).toEqual(['2013-12-17\t2']);
    const partial = [...task.combiner('2013-12-17', [1, 1, 1])].map(([, n]) => n as number);
    expect(lines([...partial, 4])).toEqual(['2013-12-17\t7']);
  });
});

describe('the report (edX TotalEventsReport)', () => {
  it('reads date<TAB>count lines, stripping spaces', () => {
    expect(parseCountLine('2014-10-03\t300')).toEqual({ date: '2014-10-03', count: '300' });
    expect(parseCountLine(' 2014-10-03 \t 300 ')).toEqual({ date: '2014-10-03', count: '300' });
  });

  it.each(['2014-10-03 300', '2014-10-03\t300\t1', '2014-10-03\tmany', 'a,b\t3', '\t3'])('%j is not a count line', (line) => {
    expect(parseCountLine(line)).toBeNull();
  });

  it('writes the header, then the days newest first', () => {
    const counts = [
      { date: '2014-10-03', count: '300' },
      { date: '2014-10-02', count: '15' },
      { date: '2015-11-01', count: '40' },
    ];
    expect(renderTotalEventsReport(counts)).toBe('date,event_count\n2015-11-01,40\n2014-10-03,300\n2014-10-02,15\n');
  });

  it('no counts give the header alone', () => {
    expect(renderTotalEventsReport([])).toBe('date,event_count\n');
  });
});
