import { join } from 'node:path';
import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { isComplete, splitIntoDays, warehouseParameters, withConfigDefaults } from '../warehouse/index.js';
import { activityFromLine } from './activity-labels.js';
import { COUNTERS, userActivityTable } from './tables.js';

const Base = WithEventLogSelection(MapReduceTask);

/**
 * edX `UserActivityTask`: how many events each user had in each course on
 * each day of --interval, per activity label. Writes one warehouse partition
 * per day, `<warehouse>/user_activity_by_user/dt=DAY/user_activity_DAY`,
 * lines `user_id<TAB>course_id<TAB>date<TAB>label<TAB>count`, every day of
 * the interval (empty if quiet). Later runs read the days they do not
 * re-scan from there.
 */
export class UserActivityTask extends Base {
  static override description = 'Events per user, course, day and activity label, from raw tracking logs, into daily warehouse partitions.';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    ...warehouseParameters,
    overwrite: p.bool({ default: false, identity: false, description: 'recompute the days even if their partitions exist (edX passes it for re-scanned days)' }),
  };
  declare warehousePath: string;
  declare overwrite: boolean;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  /** The job's own part files: a scratch folder, split into day partitions and removed after the run. */
  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, '_jobs', `user_activity_by_user-${this.interval.start}-${this.interval.end}`));
  }

  /** Complete when every day has its partition; with --overwrite, once this run has rebuilt them. */
  override async complete(): Promise<boolean> {
    const table = userActivityTable(this.warehousePath);
    return isComplete(this.interval.dates().map((day) => table.partition(day)), this.overwrite);
  }

  override *mapper(line: string): Pairs {
    const activity = activityFromLine(line, (date) => this.eventInInterval(date));
    if ('drop' in activity) return void this.incrementCounter(COUNTERS, activity.drop);
    this.incrementCounter(COUNTERS, 'Events Kept');
    for (const label of activity.labels) yield [[activity.userId, activity.courseId, activity.date, label], 1];
  }

  override *combiner(key: [string, string, string, string], counts: Iterable<number>): Pairs {
    let sum = 0;
    for (const n of counts) sum += n;
    yield [key, sum];
  }

  override *reducer(key: [string, string, string, string], counts: Iterable<number>): Pairs {
    yield* this.combiner(key, counts);
  }

  override formatOutput(key: [string, string, string, string], count: number): string {
    return [...key, count].join('\t');
  }

  override async run(): Promise<void> {
    await super.run();
    await splitIntoDays(this.output(), userActivityTable(this.warehousePath), 2, this.interval.dates());
  }
}
