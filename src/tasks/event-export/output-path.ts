import { filenameSafeCourseId } from '../answer-distribution/course-csv.js';

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
