import { addDays, DateInterval, UsageError } from '../../core/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import type { EnrollmentEventValue } from './days-enrolled.js';
import { CourseEnrollmentEventsTask } from './events-task.js';
import { COUNTERS, enrollmentParameters, eventLogFallbacks, withEnrollmentDefaults } from './parameters.js';
import { isComplete, MISSING_DAYS_COUNTER } from '../warehouse/index.js';
import { endPartition, enrollmentEventsTable } from './tables.js';

/**
 * What edX's CourseEnrollmentTask and CourseEnrollmentSummaryTask share: the
 * last --overwrite-n-days days are re-scanned from raw logs
 * (CourseEnrollmentEventsTask), every earlier day of --interval is read from
 * the warehouse as earlier runs left it (a day nobody wrote is simply
 * empty), and events are grouped by (course, user). Subclasses reduce.
 */
export abstract class EnrollmentHistoryJob extends MapReduceTask {
  static override parameters = { ...MapReduceTask.parameters, ...enrollmentParameters };
  declare interval: DateInterval;
  declare overwriteNDays: number;
  declare source: string[];
  declare pattern: string[];
  declare expandInterval: string;
  declare warehousePath: string;
  declare overwriteHive: boolean;

  /** The warehouse table this job writes a `dt=<interval end>` partition of. */
  abstract readonly table: string;

  constructor(params?: Record<string, unknown>) {
    super(withEnrollmentDefaults(new.target, params));
    // A negative count re-scanned nothing and loaded empty tables, exit 0.
    if (this.overwriteNDays < 0) throw new UsageError(`${this.family}: --overwrite-n-days must be 0 or more (got ${this.overwriteNDays}).`);
  }

  /** The first re-scanned day: edX's overwrite_from_date (it may fall before the interval: those days are read too). */
  get overwriteFrom(): string {
    return addDays(this.interval.end, -this.overwriteNDays);
  }

  override requires(): CourseEnrollmentEventsTask[] {
    if (this.overwriteNDays <= 0) return [];
    const interval = DateInterval.between(this.overwriteFrom, this.interval.end);
    return [this.clone(CourseEnrollmentEventsTask, { ...eventLogFallbacks(this), interval, overwrite: true })];
  }

  override output(): DirectoryTarget {
    return endPartition(this.warehousePath, this.table, this.interval.end);
  }

  override async complete(): Promise<boolean> {
    return isComplete([this.output()], this.overwriteHive);
  }

  override async inputFiles(): Promise<string[]> {
    const first = this.overwriteFrom < this.interval.start ? this.overwriteFrom : this.interval.start;
    return enrollmentEventsTable(this.warehousePath).existingFiles(DateInterval.between(first, this.interval.end).dates());
  }

  override async run(): Promise<void> {
    const missing = enrollmentEventsTable(this.warehousePath).missingDays(this.interval.dates()).length;
    if (missing > 0) this.incrementCounter(COUNTERS, `${this.family} ${MISSING_DAYS_COUNTER}`, missing);
    if ((await this.inputFiles()).length === 0) {
      this.incrementCounter(COUNTERS, 'Runs With No Enrollment Event Partition');
      await this.output().build(async () => {});
    } else await super.run();
  }

  override *mapper(line: string): Pairs {
    const fields = line.split('\t');
    if (fields.length !== 5) return void this.incrementCounter(COUNTERS, 'Discard Malformed Enrollment Event Line');
    const [courseId, userId, timestamp, eventType, mode] = fields as [string, string, string, string, string];
    yield [[courseId, userId], [timestamp, eventType, mode] satisfies EnrollmentEventValue];
  }

  /**
   * Counts under the run's counter group, named after this family: both
   * history jobs replay the same events, so unprefixed names would be summed
   * over the two in the run summary and every event would look counted twice.
   */
  protected count = (name: string): void => this.incrementCounter(COUNTERS, `${this.family} ${name}`);
}
