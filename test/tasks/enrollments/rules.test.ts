import { describe, expect, it } from 'vitest';
import { daysEnrolled, enrollmentEventFromLine, enrollmentSummary } from '../../../src/tasks/enrollments/index.js';
import { educationLevel, GroupCounts } from '../../../src/tasks/enrollments/breakdowns.js';

const A = 'edx.course.enrollment.activated';
const D = 'edx.course.enrollment.deactivated';
const M = 'edx.course.enrollment.mode_changed';

describe('days enrolled (edX DaysEnrolledForEvents)', () => {
  const days = (events: [string, string, string][], end: string) => {
    const counts: string[] = [];
    const records = [...daysEnrolled('C', '7', end, events, (n) => counts.push(n))].map(([date, , , atEnd, change, mode]) => `${date} ${atEnd} ${change} ${mode}`);
    return { records, counts };
  };

  it('one record per day from the first event to the end of the interval', () => {
    const { records } = days([['2014-01-04T10:00:00', D, 'honor'], ['2014-01-01T09:00:00', A, 'honor']], '2014-01-06');
    expect(records).toEqual(['2014-01-01 1 1 honor', '2014-01-02 1 0 honor', '2014-01-03 1 0 honor', '2014-01-04 0 -1 honor', '2014-01-05 0 0 honor']);
  });

  it('enrolling and leaving on one day shows as not enrolled, no change', () => {
    expect(days([['2014-01-01T09:00:00', A, 'audit'], ['2014-01-01T10:00:00', D, 'audit']], '2014-01-02').records).toEqual(['2014-01-01 0 0 audit']);
  });

  it('the mode is the latest event’s, and odd first events are counted', () => {
    const { records, counts } = days([['2014-01-01T09:00:00', M, 'verified'], ['2014-01-02T09:00:00', A, 'honor']], '2014-01-03');
    expect(records).toEqual(['2014-01-01 0 0 verified', '2014-01-02 1 1 honor']);
    expect(counts).toContain('Quality First Event Is Mode Change');
  });
});

describe('enrollment summary (edX CourseEnrollmentSummaryTask)', () => {
  it('first and current mode, verified upgrade, last unenrollment', () => {
    const counts: string[] = [];
    const row = enrollmentSummary('C', '7', '2014-02-01', [
      ['2014-01-01T09:00:00', A, 'audit'],
      ['2014-01-02T09:00:00', M, 'verified'],
      ['2014-01-03T09:00:00.500000', D, 'verified'],
    ], (n) => counts.push(n));
    expect(row).toEqual(['C', '7', 'verified', '0', 'audit', '2014-01-01 09:00:00.000000', '2014-01-03 09:00:00.500000', '2014-01-02 09:00:00.000000', null, '2014-02-01 00:00:00.000000']);
  });

  it('a user who never enrolled is dropped, by name', () => {
    const counts: string[] = [];
    expect(enrollmentSummary('C', '7', '2014-02-01', [['2014-01-01T09:00:00', D, 'audit']], (n) => counts.push(n))).toBeUndefined();
    expect(counts).toContain('Discard User_Course With Missing Enrollment Event');
  });
});

describe('enrollment events (edX CourseEnrollmentEventsTask mapper)', () => {
  const all = () => true;
  const event = (fields: Record<string, unknown>, data: Record<string, unknown> = {}) =>
    JSON.stringify({ event_type: A, time: '2014-08-01T17:09:59.941616+00:00', event: { course_id: ' edX/DemoX/T1 ', user_id: 5, mode: 'honor', ...data }, ...fields });

  it('keeps course (stripped), user, parsed time, type and mode', () => {
    expect(enrollmentEventFromLine(event({}), all)).toEqual({ date: '2014-08-01', fields: ['edX/DemoX/T1', '5', '2014-08-01T17:09:59.941616', A, 'honor'] });
  });

  it.each([
    [event({ event_type: 'play_video' }), 'Discard Non-Enrollment Event Type'],
    [event({ event_type: null }), 'Discard Missing Event Type'],
    [event({}, { course_id: 'not a course' }), 'Discard Enroll Missing course_id'],
    [event({}, { user_id: null }), 'Discard Enroll Missing user_id'],
    [event({}, { mode: null }), 'Discard Enroll Missing mode'],
    [event({ event: null }), 'Discard Enroll Missing Event Data'],
    [event({ time: '2014-08-01T25:00:00' }), 'Discard Enroll Missing Timestamp'],
    ['{', 'Discard Unparseable Event'],
  ])('%s -> %s', (line, drop) => {
    expect(enrollmentEventFromLine(line, all)).toEqual({ drop });
  });
});

describe('breakdowns', () => {
  it('count = enrolled at the end of the day, cumulative = every record', () => {
    const counts = new GroupCounts();
    counts.add(['C', null], 1);
    counts.add(['C', null], 0);
    counts.add(['C', 'm'], 1);
    expect(counts.rows()).toEqual([['C', 'm', 1, 1], ['C', null, 1, 2]]);
  });
  it('education codes get edX names; unknown and empty are NULL', () => {
    expect([educationLevel('p_se'), educationLevel('a'), educationLevel(''), educationLevel(null), educationLevel('toString')]).toEqual(['doctorate', 'associates', null, null, null]);
  });
});
