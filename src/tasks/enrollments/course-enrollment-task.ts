import type { Pairs } from '../../mapreduce/index.js';
import { daysEnrolled, type EnrollmentEventValue } from './days-enrolled.js';
import { EnrollmentHistoryJob } from './history-job.js';

/**
 * edX `CourseEnrollmentTask` (+ its partition task): for every user and
 * course, one record per day from their first event to the end of
 * --interval, into `course_enrollment/dt=END/part-*`, lines
 * `date<TAB>course_id<TAB>user_id<TAB>at_end<TAB>change<TAB>mode`.
 * The daily tables are sums over these records.
 */
export class CourseEnrollmentTask extends EnrollmentHistoryJob {
  static override description = 'Which days each user was enrolled in each course (warehouse table course_enrollment).';
  static override moduleUrl = import.meta.url;
  readonly table = 'course_enrollment';

  override *reducer([courseId, userId]: [string, string], events: Iterable<EnrollmentEventValue>): Pairs {
    for (const record of daysEnrolled(courseId, userId, this.interval.end, events, this.count)) yield [record[0], record];
  }

  override formatOutput(_date: string, record: unknown[]): string {
    return record.join('\t');
  }
}
