import type { Pairs } from '../../mapreduce/index.js';
import { DailyPartitionLogJob, type DayPartitionedTable } from '../warehouse/index.js';
import { activityFromLine } from './activity-labels.js';
import { COUNTERS, userActivityTable } from './tables.js';

/**
 * edX `UserActivityTask`: how many events each user had in each course on
 * each day of --interval, per activity label. Writes one warehouse partition
 * per day, `<warehouse>/user_activity_by_user/dt=DAY/user_activity_DAY`,
 * lines `user_id<TAB>course_id<TAB>date<TAB>label<TAB>count`, every day of
 * the interval (empty if quiet). Later runs read the days they do not
 * re-scan from there.
 */
export class UserActivityTask extends DailyPartitionLogJob {
  static override description = 'Events per user, course, day and activity label, from raw tracking logs, into daily warehouse partitions.';
  static override moduleUrl = import.meta.url;

  override readonly dayField = 2;

  override partitionedTable(): DayPartitionedTable {
    return userActivityTable(this.warehousePath);
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
}
