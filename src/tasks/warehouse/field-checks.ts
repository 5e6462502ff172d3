/**
 * Checks on values taken from tracking logs before they become fields of the
 * warehouse's tab-separated lines or rows of its SQL tables. Anyone can send
 * a browser event with any user, course or module text, so a single such
 * line must be a counted drop, not a shifted line downstream (a tab or a
 * newline splits a field in two) or a load refused for a value too long.
 */
import { longerThan } from '../../core/index.js';
import { filenameSafeCourseId } from '../answer-distribution/course-csv.js';

/** The course_id columns' width (edX's VARCHAR(255); the LMS holds no longer course key). */
export const MAX_COURSE_ID_LENGTH = 255;

const FIELD_BREAK = /[\t\n\r]/;

/** Whether a value would break a tab-separated line: a tab, a newline or a carriage return (which line readers strip). */
export function breaksTabSeparatedLine(...values: string[]): boolean {
  return values.some((value) => FIELD_BREAK.test(value));
}

/** Whether a course id is too long for the course_id columns (counted in code points, as VARCHAR does). */
export function isCourseIdTooLong(courseId: string): boolean {
  return exceedsColumn(courseId);
}

/** Whether any of the values is longer than a VARCHAR(255) column holds (the loaders' default string width). */
export function exceedsColumn(...values: string[]): boolean {
  return values.some((value) => longerThan(value, MAX_COURSE_ID_LENGTH));
}

/**
 * The longest file-name-safe course id an output file name may hold: file
 * systems take 255 bytes per name, of which a suffix (`-events-YYYY-MM-DD.log.gz`,
 * `_problem_response.csv`) and the writer's temp-name marks (host, pid,
 * random) take about 100. Real course ids are under 100 characters.
 */
export const MAX_SAFE_COURSE_ID_IN_FILE_NAME = 150;

/** Whether a course's per-course output files can be named. */
export function courseFitsFileName(courseId: string): boolean {
  return Buffer.byteLength(filenameSafeCourseId(courseId)) <= MAX_SAFE_COURSE_ID_IN_FILE_NAME;
}
