import { eventTimestampOf, getEventData, isValidCourseId, parseEventInInterval, pyGet, pythonStr, pythonStrip } from '../../eventlog/parse/index.js';
import { breaksTabSeparatedLine, exceedsColumn, isCourseIdTooLong } from '../warehouse/field-checks.js';

export const ACTIVATED = 'edx.course.enrollment.activated';
export const DEACTIVATED = 'edx.course.enrollment.deactivated';
export const MODE_CHANGED = 'edx.course.enrollment.mode_changed';

/** One enrollment event as the warehouse keeps it: `course_id user_id timestamp event_type mode`, by day. */
export interface EnrollmentEventRow {
  date: string;
  fields: [courseId: string, userId: string, timestamp: string, eventType: string, mode: string];
}

/** Why a line is not an enrollment event: each is a named counter (edX's "Enrollment Events" group). */
export type EnrollmentEventDrop =
  | 'Discard Unparseable Event'
  | 'Discard Missing Time Field'
  | 'Discard Event Outside Interval'
  | 'Discard Missing Event Type'
  | 'Discard Non-Enrollment Event Type'
  | 'Discard Enroll Missing Timestamp'
  | 'Discard Enroll Missing Event Data'
  | 'Discard Enroll Missing course_id'
  | 'Discard Enroll Missing user_id'
  | 'Discard Enroll Missing mode'
  | 'Discard Enroll Field With Tab Or Newline'
  | 'Discard Enroll course_id Longer Than 255'
  | 'Discard Enroll mode Longer Than 255';

/**
 * edX `CourseEnrollmentEventsTask.mapper`: activated / deactivated /
 * mode_changed events whose payload names a valid course, a user and a
 * mode. The course comes from the payload, stripped; the timestamp is the
 * parsed `time` in ISO form.
 */
export function enrollmentEventFromLine(line: string, inInterval: (date: string) => boolean): EnrollmentEventRow | { drop: EnrollmentEventDrop } {
  const dated = parseEventInInterval(line, inInterval, 'Discard Event Outside Interval');
  if ('drop' in dated) return dated;
  const { event, date } = dated;
  const type = pyGet(event, 'event_type');
  if (type === undefined || type === null) return { drop: 'Discard Missing Event Type' };
  if (type !== ACTIVATED && type !== DEACTIVATED && type !== MODE_CHANGED) return { drop: 'Discard Non-Enrollment Event Type' };
  const timestamp = eventTimestampOf(event);
  if (timestamp === null) return { drop: 'Discard Enroll Missing Timestamp' };
  const data = getEventData(event);
  if (!('data' in data)) return { drop: 'Discard Enroll Missing Event Data' };
  const rawCourse = pyGet(data.data, 'course_id');
  const courseId = typeof rawCourse === 'string' ? pythonStrip(rawCourse) : undefined;
  if (courseId === undefined || !isValidCourseId(courseId)) return { drop: 'Discard Enroll Missing course_id' };
  const userId = pyGet(data.data, 'user_id');
  if (userId === undefined || userId === null) return { drop: 'Discard Enroll Missing user_id' };
  const mode = pyGet(data.data, 'mode');
  if (mode === undefined || mode === null) return { drop: 'Discard Enroll Missing mode' };
  const fields: EnrollmentEventRow['fields'] = [courseId, pythonStr(userId), timestamp, type, pythonStr(mode)];
  // A tab or newline in a field shifts the partition's tab-separated line; a course or mode over 255 characters fits no column.
  if (breaksTabSeparatedLine(...fields)) return { drop: 'Discard Enroll Field With Tab Or Newline' };
  if (isCourseIdTooLong(courseId)) return { drop: 'Discard Enroll course_id Longer Than 255' };
  if (exceedsColumn(fields[4])) return { drop: 'Discard Enroll mode Longer Than 255' };
  return { date, fields };
}
