import { addDays, DateInterval, UsageError, type Task } from '../../core/index.js';
import { MapReduceTask, mapReduceParameters, type Pairs } from '../../mapreduce/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { isComplete, MISSING_DAYS_COUNTER, overwriteParameters, warehouseParameters } from '../warehouse/index.js';
import { courseActivityParameters, withCourseActivityDefaults } from './parameters.js';
import { COUNTERS, courseActivityPartition, userActivityTable } from './tables.js';
import { UserActivityTask } from './user-activity-task.js';
import { isoWeekOf, weeklyInterval } from './weekly-interval.js';

/**
 * edX `CourseActivityPartitionTask`: per course, ISO week and label, how many
 * distinct users were active, over the --weeks weeks before --end-date. Reads
 * the user_activity_by_user partitions of those days (the last
 * --overwrite-n-days re-scanned first by UserActivityTask, the rest as
 * earlier runs left them) and writes `course_activity/dt=END/weeks=N/part-*`,
 * lines `course_id<TAB>interval_start<TAB>interval_end<TAB>label<TAB>count`.
 */
export class CourseActivityPartitionTask extends MapReduceTask {
  static override description = 'Distinct active users per course, ISO week and activity label, from the user activity partitions.';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...MapReduceTask.parameters,
    ...courseActivityParameters,
    ...warehouseParameters,
    overwriteHive: overwriteParameters.overwriteHive,
  };
  declare endDate: string;
  declare weeks: number;
  declare overwriteNDays: number;
  declare source: string[];
  declare pattern: string[];
  declare expandInterval: string;
  declare warehousePath: string;
  declare overwriteHive: boolean;

  constructor(params?: Record<string, unknown>) {
    super(withCourseActivityDefaults(new.target, params));
    if (this.weeks < 1) throw new UsageError(`${this.family}: --weeks must be at least 1 (got ${this.weeks}).`);
    if (this.overwriteNDays < 0) throw new UsageError(`${this.family}: --overwrite-n-days must be 0 or more (got ${this.overwriteNDays}).`);
  }

  /** The reported weeks: [first Monday, Monday of --end-date's week). */
  get interval(): DateInterval {
    return weeklyInterval(this.endDate, this.weeks);
  }

  override requires(): Task[] {
    if (this.overwriteNDays === 0) return [];
    const rescan = DateInterval.between(addDays(this.endDate, -this.overwriteNDays), this.endDate);
    return [new UserActivityTask(userActivityParams(this, rescan))];
  }

  override output(): DirectoryTarget {
    return courseActivityPartition(this.warehousePath, this.endDate, this.weeks);
  }

  override async complete(): Promise<boolean> {
    return isComplete([this.output()], this.overwriteHive);
  }

  override async inputFiles(): Promise<string[]> {
    return userActivityTable(this.warehousePath).existingFiles(this.interval.dates());
  }

  override async run(): Promise<void> {
    const missing = userActivityTable(this.warehousePath).missingDays(this.interval.dates()).length;
    if (missing > 0) this.incrementCounter(COUNTERS, MISSING_DAYS_COUNTER, missing);
    if ((await this.inputFiles()).length === 0) {
      this.incrementCounter(COUNTERS, 'Weeks With No User Activity Partition', this.weeks);
      await this.output().build(async () => {});
    } else await super.run();
  }

  override *mapper(line: string): Pairs {
    const fields = line.split('\t');
    if (fields.length !== 5) return void this.incrementCounter(COUNTERS, 'Discard Malformed Partition Line');
    const [userId, courseId, date, label] = fields as [string, string, string, string];
    if (!this.interval.contains(date)) return void this.incrementCounter(COUNTERS, 'Discard Partition Line Outside Weeks');
    yield [[courseId, isoWeekOf(date).start, label], userId];
  }

  // Distinct users only: the combiner drops repeats early, the reducer counts what is left.
  override *combiner(key: [string, string, string], users: Iterable<string>): Pairs {
    for (const user of new Set(users)) yield [key, user];
  }

  override *reducer([courseId, weekStart, label]: [string, string, string], users: Iterable<string>): Pairs {
    const week = isoWeekOf(weekStart);
    yield [[courseId, `${week.start} 00:00:00`, `${week.end} 00:00:00`, label], new Set(users).size];
  }

  override formatOutput(key: string[], count: number): string {
    return [...key, count].join('\t');
  }
}

/** What UserActivityTask gets: the re-scanned days, the warehouse, the sources (left out when empty so [event-logs] applies). */
function userActivityParams(task: CourseActivityPartitionTask, interval: DateInterval): Record<string, unknown> {
  const params: Record<string, unknown> = { interval, warehousePath: task.warehousePath, overwrite: true };
  for (const name of Object.keys(mapReduceParameters)) params[name] = task.params[name];
  if (task.source.length > 0) params.source = task.source;
  if (task.pattern.length > 0) params.pattern = task.pattern;
  if (task.expandInterval !== '') params.expandInterval = task.expandInterval;
  return params;
}
