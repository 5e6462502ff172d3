import { describe, expect, it } from 'vitest';
import { activityFromLine, isoWeekOf, weeklyInterval } from '../../../src/tasks/user-activity/index.js';

const all = () => true;
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ time: '2014-06-17T10:00:00.000000+00:00', context: { user_id: 7, course_id: 'edX/DemoX/T1' }, event_source: 'server', ...fields });

describe('activity labels (edX get_predicate_labels)', () => {
  it.each([
    [{ event_type: 'problem_check' }, ['ACTIVE', 'ATTEMPTED_PROBLEM']],
    [{ event_type: 'problem_check', event_source: 'browser' }, ['ACTIVE']],
    [{ event_type: 'play_video', event_source: 'mobile' }, ['ACTIVE', 'PLAYED_VIDEO']],
    [{ event_type: 'play_video' }, ['ACTIVE']],
    [{ event_type: 'edx.forum.thread.created' }, ['ACTIVE', 'POSTED_FORUM']],
    [{ event_type: 'edx.forum.thread.voted' }, ['ACTIVE']],
  ])('%j -> %j', (fields, labels) => {
    expect(activityFromLine(line(fields), all)).toEqual({ userId: '7', courseId: 'edX/DemoX/T1', date: '2014-06-17', labels });
  });

  it.each([
    ['not json', 'Discard Unparseable Event'],
    [line({ event_type: 'x', time: '' }), 'Discard Missing Time Field'],
    [line({ event_type: 'x', context: { course_id: 'edX/DemoX/T1' } }), 'Discard Missing User ID'],
    [line({ event_type: 'x', context: { user_id: 7 } }), 'Discard Missing Course ID'],
    [line({ event_type: 'x', event_source: 'task' }), 'Discard Task Event'],
    [line({ event_type: 'edx.course.enrollment.activated' }), 'Discard Enrollment Event'],
    [line({}), 'Discard Missing Event Type'],
  ])('%s is dropped as %s', (text, drop) => {
    expect(activityFromLine(text, all)).toEqual({ drop });
  });

  it('takes the course from the page URL when the context has none', () => {
    const text = line({ event_type: 'play_video', event_source: 'browser', context: { user_id: 3 }, page: 'https://x.org/courses/course-v1:A+B+C/courseware/' });
    expect(activityFromLine(text, all)).toMatchObject({ courseId: 'course-v1:A+B+C' });
  });

  it('filters on the event day, not the file', () => {
    expect(activityFromLine(line({ event_type: 'x' }), (d) => d < '2014-06-17')).toEqual({ drop: 'Discard Event Outside Interval' });
  });
});

describe('weeks (edX WeeklyIntervalMixin)', () => {
  it('ends at the Monday of the end date and leaves that week out', () => {
    expect(String(weeklyInterval('2014-07-01', 6))).toBe('2014-05-19-2014-06-30');
    expect(String(weeklyInterval('2014-06-30', 1))).toBe('2014-06-23-2014-06-30');
    expect(String(weeklyInterval('2014-07-06', 1))).toBe('2014-06-23-2014-06-30');
  });
  it('ISO weeks cross years', () => {
    expect(isoWeekOf('2015-01-01')).toEqual({ start: '2014-12-29', end: '2015-01-05' });
  });
});
