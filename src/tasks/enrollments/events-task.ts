import type { Pairs } from '../../mapreduce/index.js';
import { DailyPartitionLogJob, type DayPartitionedTable } from '../warehouse/index.js';
import { enrollmentEventFromLine } from './enrollment-event.js';
import { COUNTERS } from './parameters.js';
import { enrollmentEventsTable } from './tables.js';

/**
 * edX `CourseEnrollmentEventsTask`: the enrollment events of each day of
 * --interval, from raw logs, into warehouse partitions
 * `course_enrollment_events/dt=DAY/course_enrollment_events_DAY` (every
 * day gets one, empty if quiet): the history later runs build on.
 */
export class CourseEnrollmentEventsTask extends DailyPartitionLogJob {
  static override description = 'Enrollment events per day, from raw tracking logs, into daily warehouse partitions.';
  static override moduleUrl = import.meta.url;

  override mapperPrefilter = 'edx.course.enrollment.';

  override readonly dayField = 2;

  override partitionedTable(): DayPartitionedTable {
    return enrollmentEventsTable(this.warehousePath);
  }

  override *mapper(line: string): Pairs {
    const row = enrollmentEventFromLine(line, (date) => this.eventInInterval(date));
    if ('drop' in row) return void this.incrementCounter(COUNTERS, row.drop);
    this.incrementCounter(COUNTERS, 'Enrollment Events Kept');
    yield [row.date, row.fields];
  }

  override *reducer(date: string, rows: Iterable<string[]>): Pairs {
    for (const fields of rows) yield [date, fields];
  }

  override formatOutput(_date: string, fields: string[]): string {
    return fields.join('\t');
  }
}
