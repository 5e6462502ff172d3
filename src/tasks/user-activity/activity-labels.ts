import { getCourseId, isPyDict, isTruthy, parseEventInInterval, pyGet, pythonStr, type PyDict } from '../../eventlog/parse/index.js';
import { breaksTabSeparatedLine, isCourseIdTooLong } from '../warehouse/field-checks.js';

export const ACTIVE = 'ACTIVE';
export const ATTEMPTED_PROBLEM = 'ATTEMPTED_PROBLEM';
export const PLAYED_VIDEO = 'PLAYED_VIDEO';
export const POSTED_FORUM = 'POSTED_FORUM';

/** One user's activity in one course on one day, with every label the event earns. */
export interface Activity {
  userId: string;
  courseId: string;
  date: string;
  labels: string[];
}

/** Why an event earns no activity: each is a named counter of the run. */
export type ActivityDrop =
  | 'Discard Unparseable Event'
  | 'Discard Missing Time Field'
  | 'Discard Event Outside Interval'
  | 'Discard Missing User ID'
  | 'Discard Missing Course ID'
  | 'Discard User ID With Tab Or Newline'
  | 'Discard Course ID Longer Than 255'
  | 'Discard Missing Event Type'
  | 'Discard Task Event'
  | 'Discard Enrollment Event';

/**
 * edX `UserActivityTask.mapper` + `get_predicate_labels`: any course event of
 * a known user (context.user_id) is ACTIVE, except background-task and
 * enrollment events; server problem_check is also ATTEMPTED_PROBLEM, server
 * `edx.forum.*.created` POSTED_FORUM, browser/mobile play_video PLAYED_VIDEO.
 * The course may come from the page URL (edX's from_url=True).
 */
export function activityFromLine(line: string, inInterval: (date: string) => boolean): Activity | { drop: ActivityDrop } {
  const dated = parseEventInInterval(line, inInterval, 'Discard Event Outside Interval');
  if ('drop' in dated) return dated;
  const { event, date } = dated;
  const context = pyGet(event, 'context');
  const userId = isPyDict(context) ? pyGet(context, 'user_id') : undefined;
  if (!isTruthy(userId)) return { drop: 'Discard Missing User ID' };
  const course = getCourseId(event, { fromUrl: true });
  if (!('courseId' in course)) return { drop: 'Discard Missing Course ID' };
  const labels = labelsOf(event);
  if (!Array.isArray(labels)) return labels;
  // Both become fields of the day partitions' tab-separated lines, the course a column of course_activity.
  const id = pythonStr(userId);
  if (breaksTabSeparatedLine(id, course.courseId)) return { drop: 'Discard User ID With Tab Or Newline' };
  if (isCourseIdTooLong(course.courseId)) return { drop: 'Discard Course ID Longer Than 255' };
  return { userId: id, courseId: course.courseId, date, labels };
}

function labelsOf(event: PyDict): string[] | { drop: ActivityDrop } {
  const type = pyGet(event, 'event_type');
  const source = pyGet(event, 'event_source');
  if (source === 'task') return { drop: 'Discard Task Event' };
  // edX calls type.startswith() and crashes on a missing type; we count it instead.
  if (typeof type !== 'string') return { drop: 'Discard Missing Event Type' };
  if (type.startsWith('edx.course.enrollment.')) return { drop: 'Discard Enrollment Event' };
  const labels = [ACTIVE];
  if (source === 'server') {
    if (type === 'problem_check') labels.push(ATTEMPTED_PROBLEM);
    if (type.startsWith('edx.forum.') && type.endsWith('.created')) labels.push(POSTED_FORUM);
  }
  if ((source === 'browser' || source === 'mobile') && type === 'play_video') labels.push(PLAYED_VIDEO);
  return labels;
}
