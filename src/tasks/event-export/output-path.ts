import { filenameSafeCourseId } from '../answer-distribution/course-csv.js';

/**
 * The longest safe course id a file name can hold: file systems take 255
 * bytes per name, of which the day's suffix (`-events-YYYY-MM-DD.log.gz`)
 * and the writer's temp-name marks (host, pid, random) take about 100.
 * Real course ids are under 100 characters; a longer one comes from a
 * forged event and is counted, not allowed to fail the export.
 */
export const MAX_SAFE_COURSE_ID = 150;

/**
 * edX's layout for research exports (output_path_for_key):
 * `<safe course>/events/<safe course>-events-<YYYY-MM-DD>.log.gz`, the safe
 * id being the course key without its namespace, other characters than
 * letters, digits, `_`, `.` and `-` made `_` (`ccx-v1:A+B+C+ccx@1` -> `A_B_C_ccx_1`).
 */
export function courseDayPath(courseId: string, date: string): string {
  const safe = filenameSafeCourseId(courseId);
  return `${safe}/events/${safe}-events-${date}.log.gz`;
}

/** Whether a course's export files can be named (see MAX_SAFE_COURSE_ID). */
export function fitsFileName(courseId: string): boolean {
  return Buffer.byteLength(filenameSafeCourseId(courseId)) <= MAX_SAFE_COURSE_ID;
}
