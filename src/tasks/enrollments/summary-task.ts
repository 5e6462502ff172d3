import type { Pairs } from '../../mapreduce/index.js';
import type { EnrollmentEventValue } from './days-enrolled.js';
import { enrollmentSummary, type SummaryCell } from './enrollment-summary.js';
import { EnrollmentHistoryJob } from './history-job.js';

/**
 * edX `CourseEnrollmentSummaryTask` (+ its partition task): one row per user
 * and course summarising their enrollment history, into
 * `course_enrollment_summary/dt=END/part-*`, tab-separated, NULL as `\N`
 * (what edX's internal reporting loads as d_user_course).
 */
export class CourseEnrollmentSummaryTask extends EnrollmentHistoryJob {
  static override description = 'Per user and course: current and first mode, first enrollment, last unenrollment, ... (warehouse table course_enrollment_summary).';
  static override moduleUrl = import.meta.url;
  readonly table = 'course_enrollment_summary';

  override *reducer([courseId, userId]: [string, string], events: Iterable<EnrollmentEventValue>): Pairs {
    const row = enrollmentSummary(courseId, userId, this.interval.end, events, this.count);
    if (row) yield [courseId, row];
  }

  override formatOutput(_courseId: string, row: SummaryCell[]): string {
    return row.map((cell) => cell ?? '\\N').join('\t');
  }
}
