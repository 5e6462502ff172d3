import { join } from 'node:path';
import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { isComplete, splitIntoDays, warehouseParameters, withConfigDefaults } from '../warehouse/index.js';
import { enrollmentEventFromLine } from './enrollment-event.js';
import { COUNTERS } from './parameters.js';
import { enrollmentEventsTable } from './tables.js';

const Base = WithEventLogSelection(MapReduceTask);

/**
 * edX `CourseEnrollmentEventsTask`: the enrollment events of each day of
 * --interval, from raw logs, into warehouse partitions
 * `course_enrollment_events/dt=DAY/course_enrollment_events_DAY` (every
 * day gets one, empty if quiet): the history later runs build on.
 */
export class CourseEnrollmentEventsTask extends Base {
  static override description = 'Enrollment events per day, from raw tracking logs, into daily warehouse partitions.';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    ...warehouseParameters,
    overwrite: p.bool({ default: false, identity: false, description: 'rebuild the days even if their partitions exist (edX passes it for re-scanned days)' }),
  };
  declare warehousePath: string;
  declare overwrite: boolean;

  override mapperPrefilter = 'edx.course.enrollment.';

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  /** The job's own part files: a scratch folder, split into day partitions and removed after the run. */
  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, '_jobs', `course_enrollment_events-${this.interval.start}-${this.interval.end}`));
  }

  /** Complete when every day has its partition; with --overwrite, once this run has rebuilt them. */
  override async complete(): Promise<boolean> {
    const table = enrollmentEventsTable(this.warehousePath);
    return isComplete(this.interval.dates().map((day) => table.partition(day)), this.overwrite);
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

  override async run(): Promise<void> {
    await super.run();
    // The day is the date part of the timestamp (field 2), the same day the mapper filtered on.
    await splitIntoDaysByTimestamp(this);
  }
}

async function splitIntoDaysByTimestamp(task: CourseEnrollmentEventsTask): Promise<void> {
  await splitIntoDays(task.output(), enrollmentEventsTable(task.warehousePath), 2, task.interval.dates(), (field) => field.slice(0, 10));
}
