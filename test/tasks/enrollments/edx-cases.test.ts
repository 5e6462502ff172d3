import { describe, expect, it } from 'vitest';
import { daysEnrolled, enrollmentEventFromLine, enrollmentSummary } from '../../../src/tasks/enrollments/index.js';

// Every case of edX's enrollment unit tests (mapper, days-enrolled reducer, summary reducer), restated
// with our own data, plus the timestamp ties its tuple sort settles.
const A = 'edx.course.enrollment.activated';
const D = 'edx.course.enrollment.deactivated';
const M = 'edx.course.enrollment.mode_changed';
type Ev = [string, string, string];

/** `date at_end change mode` per record of user 42, interval ending `end`. */
function days(events: Ev[], end: string): string[] {
  return [...daysEnrolled('course-v1:PipeU+ENR1+2020', '42', end, events, () => {})].map(([date, , , atEnd, change, mode]) => `${date} ${atEnd} ${change} ${mode}`);
}

describe('days enrolled: one user’s event sequence, as edX’s reducer tests', () => {
  it.each<[string, Ev[], string, string[]]>([
    ['no events, no records', [], '2020-03-02', []],
    ['a lone activation', [['2020-03-01T08:00:01', A, 'audit']], '2020-03-02', ['2020-03-01 1 1 audit']],
    ['a lone deactivation: no change, since the state before is taken as unenrolled', [['2020-03-01T08:00:01', D, 'audit']], '2020-03-02', ['2020-03-01 0 0 audit']],
    ['enrol, leave, enrol, leave in one day', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-01T08:00:02', D, 'audit'], ['2020-03-01T08:00:03', A, 'audit'], ['2020-03-01T08:00:04', D, 'audit']], '2020-03-02', ['2020-03-01 0 0 audit']],
    ['enrol, leave, leave again, enrol in one day', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-01T08:00:02', D, 'audit'], ['2020-03-01T08:00:03', D, 'audit'], ['2020-03-01T08:00:04', A, 'audit']], '2020-03-02', ['2020-03-01 1 1 audit']],
    ['a lone deactivation runs on, unenrolled, to the end', [['2020-03-03T08:00:01', D, 'audit']], '2020-03-06', ['2020-03-03 0 0 audit', '2020-03-04 0 0 audit', '2020-03-05 0 0 audit']],
    ['a lone activation runs on, enrolled, to the end', [['2020-03-03T08:00:01', A, 'audit']], '2020-03-06', ['2020-03-03 1 1 audit', '2020-03-04 1 0 audit', '2020-03-05 1 0 audit']],
    [
      'quiet days between events carry the state',
      [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-04T08:00:01', D, 'audit'], ['2020-03-06T08:00:01', A, 'audit']],
      '2020-03-07',
      ['2020-03-01 1 1 audit', '2020-03-02 1 0 audit', '2020-03-03 1 0 audit', '2020-03-04 0 -1 audit', '2020-03-05 0 0 audit', '2020-03-06 1 1 audit'],
    ],
    ['events out of order are sorted first', [['2020-03-01T08:00:04', D, 'audit'], ['2020-03-01T08:00:03', A, 'audit'], ['2020-03-01T08:00:01', A, 'audit'], ['2020-03-01T08:00:02', D, 'audit']], '2020-03-02', ['2020-03-01 0 0 audit']],
    ['repeated activations in a day count once', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-01T08:00:02', A, 'audit'], ['2020-03-01T08:00:03', A, 'audit']], '2020-03-02', ['2020-03-01 1 1 audit']],
    ['repeated deactivations in a day change nothing', [['2020-03-01T08:00:01', D, 'audit'], ['2020-03-01T08:00:02', D, 'audit'], ['2020-03-01T08:00:03', D, 'audit']], '2020-03-02', ['2020-03-01 0 0 audit']],
    [
      'repeated activations over days, then a deactivation, to the end',
      [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-01T08:00:02', A, 'audit'], ['2020-03-02T08:00:03', A, 'audit'], ['2020-03-04T08:00:05', D, 'audit']],
      '2020-03-05',
      ['2020-03-01 1 1 audit', '2020-03-02 1 0 audit', '2020-03-03 1 0 audit', '2020-03-04 0 -1 audit'],
    ],
    [
      'a long mixed history; timestamps without a time of day are days too',
      [
        ['2020-03-01T1', A, 'audit'], ['2020-03-01T2', D, 'audit'], ['2020-03-02', A, 'audit'], ['2020-03-03', A, 'audit'],
        ['2020-03-04T1', A, 'audit'], ['2020-03-04T2', D, 'audit'], ['2020-03-05', D, 'audit'], ['2020-03-06', A, 'audit'],
        ['2020-03-07T1', D, 'audit'], ['2020-03-07T2', D, 'audit'],
      ],
      '2020-03-09',
      ['2020-03-01 0 0 audit', '2020-03-02 1 1 audit', '2020-03-03 1 0 audit', '2020-03-04 0 -1 audit', '2020-03-05 0 0 audit', '2020-03-06 1 1 audit', '2020-03-07 0 -1 audit', '2020-03-08 0 0 audit'],
    ],
    [
      'first event a deactivation, then an activation',
      [['2020-03-01T08:00:01', D, 'audit'], ['2020-03-03T08:00:01', A, 'audit']],
      '2020-03-05',
      ['2020-03-01 0 0 audit', '2020-03-02 0 0 audit', '2020-03-03 1 1 audit', '2020-03-04 1 0 audit'],
    ],
    [
      'first event a deactivation, enrolled and gone again',
      [['2020-03-01T08:00:01', D, 'audit'], ['2020-03-03T08:00:01', A, 'audit'], ['2020-03-04T08:00:01', D, 'audit']],
      '2020-03-06',
      ['2020-03-01 0 0 audit', '2020-03-02 0 0 audit', '2020-03-03 1 1 audit', '2020-03-04 0 -1 audit', '2020-03-05 0 0 audit'],
    ],
    ['the mode is the latest event’s (re-enrolled as verified the same day)', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-01T08:00:02', D, 'audit'], ['2020-03-01T08:00:03', A, 'verified']], '2020-03-02', ['2020-03-01 1 1 verified']],
    ['re-enrolled as verified the next day: enrolled all along', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-02T08:00:02', D, 'audit'], ['2020-03-02T08:00:03', A, 'verified']], '2020-03-03', ['2020-03-01 1 1 audit', '2020-03-02 1 0 verified']],
    ['an ignored activation still sets the mode (a missed deactivation)', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-01T08:00:03', A, 'verified']], '2020-03-02', ['2020-03-01 1 1 verified']],
    ['a lone deactivation sets the mode', [['2020-03-01T08:00:01', D, 'professional']], '2020-03-02', ['2020-03-01 0 0 professional']],
    ['a deactivation’s own mode wins', [['2020-03-01T08:00:01', A, 'verified'], ['2020-03-01T08:00:02', D, 'audit']], '2020-03-02', ['2020-03-01 0 0 audit']],
    ['an explicit mode change', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-02T08:00:02', M, 'verified']], '2020-03-03', ['2020-03-01 1 1 audit', '2020-03-02 1 0 verified']],
    ['several mode changes in a day: the last', [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-02T08:00:02', M, 'verified'], ['2020-03-02T08:00:03', M, 'audit'], ['2020-03-02T08:00:04', M, 'credit']], '2020-03-03', ['2020-03-01 1 1 audit', '2020-03-02 1 0 credit']],
  ])('%s', (_title, events, end, expected) => {
    expect(days(events, end)).toEqual(expected);
  });
});

describe('timestamp ties: settled by event type, then mode, as edX’s tuple sort', () => {
  const T = '2020-03-02T10:00:00.250000';
  it('activation and deactivation at one instant: activated sorts first, so the learner ends unenrolled', () => {
    expect(days([[T, D, 'audit'], [T, A, 'audit']], '2020-03-03')).toEqual(['2020-03-02 0 0 audit']);
    expect(days([['2020-03-01T09:00:00', A, 'audit'], [T, D, 'audit'], [T, A, 'audit']], '2020-03-03')).toEqual(['2020-03-01 1 1 audit', '2020-03-02 0 -1 audit']);
  });
  it('activation and mode change at one instant: the mode change comes after, and its mode stays', () => {
    expect(days([[T, M, 'verified'], [T, A, 'audit']], '2020-03-03')).toEqual(['2020-03-02 1 1 verified']);
    const row = enrollmentSummary('C', '42', '2020-03-03', [[T, M, 'verified'], [T, A, 'audit']], () => {});
    expect(row?.slice(2, 8)).toEqual(['verified', '1', 'audit', '2020-03-02 10:00:00.250000', null, '2020-03-02 10:00:00.250000']);
  });
  it('deactivation and mode change at one instant: the mode change falls on an unenrolled learner', () => {
    const events: Ev[] = [['2020-03-01T09:00:00', A, 'audit'], [T, M, 'verified'], [T, D, 'audit']];
    expect(days(events, '2020-03-03')).toEqual(['2020-03-01 1 1 audit', '2020-03-02 0 -1 verified']);
    expect(enrollmentSummary('C', '42', '2020-03-03', events, () => {})?.slice(2, 8)).toEqual(['audit', '0', 'audit', '2020-03-01 09:00:00.000000', '2020-03-02 10:00:00.250000', null]);
  });
  it('two activations at one instant: the modes in order decide first and current mode', () => {
    expect(days([[T, A, 'verified'], [T, A, 'audit']], '2020-03-03')).toEqual(['2020-03-02 1 1 verified']);
    expect(enrollmentSummary('C', '42', '2020-03-03', [[T, A, 'verified'], [T, A, 'audit']], () => {})?.slice(2, 5)).toEqual(['audit', '1', 'audit']);
  });
  it('modes are ordered by code point, as Python orders str (not by UTF-16 unit)', () => {
    // U+FFFF sorts before U+1F393 in Python; JavaScript's < puts the surrogate pair first.
    const events: Ev[] = [[T, A, '\u{1F393}'], [T, A, '\uFFFF']];
    expect(days(events, '2020-03-03')).toEqual(['2020-03-02 1 1 \u{1F393}']);
    expect(enrollmentSummary('C', '42', '2020-03-03', events, () => {})?.[4]).toBe('\uFFFF');
  });
  it('a whole second sorts before the same second with microseconds (edX writes no .000000)', () => {
    expect(days([['2020-03-02T10:00:00.000001', A, 'audit'], ['2020-03-02T10:00:00', D, 'audit']], '2020-03-03')).toEqual(['2020-03-02 1 1 audit']);
  });
});

describe('enrollment summary: as edX’s summary reducer tests', () => {
  const END = '2020-03-02 00:00:00.000000';
  const at = (s: number) => `2020-03-01 08:00:0${s}.000000`;
  const ev = (s: number | string, type: string, mode: string): Ev => [`2020-03-01T08:00:0${s}`, type, mode];
  const summary = (events: Ev[], end = '2020-03-02') => enrollmentSummary('course-v1:PipeU+ENR1+2020', '42', end, events, () => {})?.slice(2);

  it.each<[string, Ev[], unknown]>([
    ['no events: no row', [], undefined],
    ['a lone deactivation: no row', [ev(1, D, 'audit')], undefined],
    ['a lone mode change: no row', [ev(1, M, 'verified')], undefined],
    ['a lone activation', [ev(1, A, 'audit')], ['audit', '1', 'audit', at(1), null, null, null, END]],
    ['in and out twice: first enrollment, last unenrollment', [ev(1, A, 'audit'), ev(2, D, 'audit'), ev(3, A, 'audit'), ev(4, D, 'audit')], ['audit', '0', 'audit', at(1), at(4), null, null, END]],
    ['the same, out of order', [ev(4, D, 'audit'), ev(3, A, 'audit'), ev(1, A, 'audit'), ev(2, D, 'audit')], ['audit', '0', 'audit', at(1), at(4), null, null, END]],
    ['an activation after a mode change does not undo it', [ev(1, A, 'audit'), ev(2, M, 'verified'), ev(3, A, 'audit')], ['verified', '1', 'audit', at(1), null, at(2), null, END]],
    ['a second deactivation in a row is not the last unenrollment', [ev(1, A, 'audit'), ev(2, D, 'audit'), ev(3, D, 'audit'), ev(4, A, 'audit')], ['audit', '1', 'audit', at(1), at(2), null, null, END]],
    ['repeated activations: the first is the enrollment', [ev(1, A, 'audit'), ev(2, A, 'audit'), ev(3, A, 'audit')], ['audit', '1', 'audit', at(1), null, null, null, END]],
    ['an activation in another mode while enrolled changes nothing', [ev(1, A, 'audit'), ev(2, A, 'verified')], ['audit', '1', 'audit', at(1), null, null, null, END]],
    ['a mode change while unenrolled changes nothing', [ev(1, A, 'audit'), ev(2, D, 'audit'), ev(3, M, 'verified')], ['audit', '0', 'audit', at(1), at(2), null, null, END]],
    ['re-enrolling in another mode changes it', [ev(1, A, 'audit'), ev(2, D, 'audit'), ev(3, A, 'verified')], ['verified', '1', 'audit', at(1), at(2), at(3), null, END]],
    ['a deactivation’s own mode is ignored', [ev(1, A, 'audit'), ev(2, D, 'verified')], ['audit', '0', 'audit', at(1), at(2), null, null, END]],
    [
      'first verified time: a repeated mode change and a later re-enrolment do not move it',
      [ev(1, A, 'audit'), ev(2, M, 'verified'), ev('2.5', M, 'verified'), ev(3, D, 'audit'), ev(4, A, 'verified')],
      ['verified', '1', 'audit', at(1), at(3), at(2), null, END],
    ],
    [
      'first credit time, likewise',
      [ev(1, A, 'audit'), ev(2, M, 'credit'), ev('2.5', M, 'credit'), ev(3, D, 'audit'), ev(4, A, 'credit')],
      ['credit', '1', 'audit', at(1), at(3), null, at(2), END],
    ],
  ])('%s', (_title, events, expected) => {
    expect(summary(events)).toEqual(expected);
  });

  it('mode changes over days: current is the last, verified and credit their first', () => {
    const events: Ev[] = [['2020-03-01T08:00:01', A, 'audit'], ['2020-03-02T08:00:02', M, 'verified'], ['2020-03-02T08:00:03', M, 'audit'], ['2020-03-02T08:00:05', M, 'credit']];
    expect(summary(events, '2020-03-03')).toEqual(['credit', '1', 'audit', at(1), null, '2020-03-02 08:00:02.000000', '2020-03-02 08:00:05.000000', '2020-03-03 00:00:00.000000']);
  });

  it.each([
    [' 42', '42'],
    ['+42', '42'],
    ['0042', '42'],
    ['9007199254740993', '9007199254740993'], // past 2^53: a Number would round it
  ])('user_id %j is written as Python’s int() reads it: %s', (userId, written) => {
    expect(enrollmentSummary('C', userId, '2020-03-02', [ev(1, A, 'audit')], () => {})?.[1]).toBe(written);
  });

  it.each([
    ['4.2', 'Discard User_Course With Non-Integer user_id'],
    ['9223372036854775808', 'Discard User_Course With user_id Past 64 Bits'],
  ])('user_id %j: no row, counted %s (edX crashed)', (userId, counter) => {
    const counts: string[] = [];
    expect(enrollmentSummary('C', userId, '2020-03-02', [ev(1, A, 'audit')], (n) => counts.push(n))).toBeUndefined();
    expect(counts).toContain(counter);
  });
});

describe('enrollment events: as edX’s mapper tests (opaque and legacy course ids)', () => {
  const all = () => true;
  const line = (over: Record<string, unknown> = {}, data: Record<string, unknown> | null = {}) =>
    JSON.stringify({
      username: 'kim', event_source: 'server', event_type: A, time: '2019-11-05T07:21:09.310002+00:00',
      context: { course_id: 'course-v1:PipeU+ENR1+2020', user_id: 42 },
      event: data && { course_id: 'course-v1:PipeU+ENR1+2020', user_id: 42, mode: 'audit', ...data },
      ...over,
    });
  const without = (key: string, from: 'top' | 'event') => {
    const parsed = JSON.parse(line());
    delete (from === 'top' ? parsed : parsed.event)[key];
    return JSON.stringify(parsed);
  };

  it.each([
    ['plain text', 'nothing to see here', 'Discard Unparseable Event'],
    ['text that names the event family', 'no json, just edx.course.enrollment', 'Discard Unparseable Event'],
    ['no event_type key', without('event_type', 'top'), 'Discard Missing Event Type'],
    ['an enrollment-like type edX does not know', line({ event_type: 'edx.course.enrollment.paused' }), 'Discard Non-Enrollment Event Type'],
    ['a time that is no time', line({ time: '2019-11-05 sometime' }), 'Discard Enroll Missing Timestamp'],
    ['a payload that is a list', line({ event: ['audit'] }), 'Discard Enroll Missing Event Data'],
    ['a bad course id (checked before the missing mode)', line({ event: { course_id: 'PipeU//ENR1 2020', user_id: 42 } }), 'Discard Enroll Missing course_id'],
    ['no user_id key', without('user_id', 'event'), 'Discard Enroll Missing user_id'],
    ['no mode key', without('mode', 'event'), 'Discard Enroll Missing mode'],
  ])('%s -> dropped', (_title, text, drop) => {
    expect(enrollmentEventFromLine(text, all)).toEqual({ drop });
  });

  it.each([
    ['course-v1:PipeU+ENR1+2020', A],
    ['PipeU/ENR1/2020', A],
    ['course-v1:PipeU+ENR1+2020', D],
    ['PipeU/ENR1/2020', D],
  ])('%s, %s: kept as course, user, time, type, mode', (courseId, type) => {
    expect(enrollmentEventFromLine(line({ event_type: type }, { course_id: courseId }), all)).toEqual({
      date: '2019-11-05',
      fields: [courseId, '42', '2019-11-05T07:21:09.310002', type, 'audit'],
    });
  });
});

describe('counters: each event filed under exactly one of edX’s names', () => {
  const events: Ev[] = [
    ['2020-03-01T08:00:01', D, 'audit'], ['2020-03-01T08:00:02', A, 'audit'], ['2020-03-01T08:00:03', A, 'verified'], ['2020-03-01T08:00:04', M, 'verified'],
    ['2020-03-01T08:00:05', M, 'credit'], ['2020-03-01T08:00:06', D, 'audit'], ['2020-03-01T08:00:07', D, 'audit'], ['2020-03-01T08:00:08', M, 'audit'],
  ];
  it('days enrolled: a mode change counts whatever the state, against the mode the deactivation left; the odd first event is noted', () => {
    const counts: string[] = [];
    [...daysEnrolled('C', '42', '2020-03-02', events, (n) => counts.push(n))];
    expect(counts).toEqual([
      'Quality First Event Is Unenrollment', 'Subset Unchanged Already Unenrolled', 'Subset Enrollment', 'Subset Unchanged Already Enrolled',
      'Subset Unchanged Mode', 'Subset Mode Change', 'Subset Unenrollment', 'Subset Unchanged Already Unenrolled', 'Subset Unchanged Mode',
    ]);
  });
  it('summary: activations and mode changes are judged against the enrolled state', () => {
    const counts: string[] = [];
    enrollmentSummary('C', '42', '2020-03-02', events, (n) => counts.push(n));
    expect(counts).toEqual([
      'Subset Unchanged Already Unenrolled', 'Subset Enrollment', 'Subset Unchanged Enrolled Activation Mode Change', 'Subset Mode Change',
      'Subset Mode Change', 'Subset Unenrollment', 'Deactivation Mode Changed', 'Subset Unchanged Already Unenrolled', 'Subset Unchanged Unenrolled Mode Change',
    ]);
  });
});
