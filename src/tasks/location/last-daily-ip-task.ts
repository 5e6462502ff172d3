import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import type { Pairs } from '../../mapreduce/index.js';
import { DailyPartitionLogJob, type DayPartitionedTable } from '../warehouse/index.js';
import { latestSighting, type Sighting } from './latest-sighting.js';
import { ipSightingFromLine } from './last-ip-event.js';
import { COUNTERS } from './parameters.js';
import { lastIpTable } from './tables.js';

/** Hive's NULL in a text table: edX's record writer puts it where an event had no course. */
const NO_COURSE = '\\N';

/**
 * edX `LastDailyIpAddressOfUserTask`: for each day of --interval, each user's
 * last IP address in each course (and outside any course), from raw logs,
 * into `last_ip_of_user_id/dt=DAY/last_ip_of_user_DAY` (every day gets one,
 * empty if quiet), lines `timestamp<TAB>ip<TAB>user_id<TAB>course_id`.
 */
export class LastDailyIpAddressOfUserTask extends DailyPartitionLogJob {
  static override description = "Each user's last IP address per course and day, from raw tracking logs, into daily warehouse partitions.";
  static override moduleUrl = import.meta.url;

  override readonly dayField = 0;

  override partitionedTable(): DayPartitionedTable {
    return lastIpTable(this.warehousePath);
  }

  override *mapper(line: string): Pairs {
    const seen = ipSightingFromLine(line, (date) => this.eventInInterval(date));
    // The drops every log task shares go under edX's group for them, "Event"; the rest are this task's.
    if ('drop' in seen) return void this.incrementCounter(isEventLevelDrop(seen.drop) ? 'Event' : COUNTERS, seen.drop);
    this.incrementCounter(COUNTERS, 'Events With User And IP Address');
    yield [[seen.date, seen.userId, seen.courseId ?? NO_COURSE], [seen.timestamp, seen.ip] satisfies Sighting];
  }

  override *combiner(key: [string, string, string], values: Iterable<Sighting>): Pairs {
    const last = latestSighting(values);
    if (last) yield [key, last];
  }

  override *reducer(key: [string, string, string], values: Iterable<Sighting>): Pairs {
    yield* this.combiner(key, values);
  }

  override formatOutput([, userId, courseId]: [string, string, string], [timestamp, ip]: Sighting): string {
    return [timestamp, ip, userId, courseId].join('\t');
  }
}
