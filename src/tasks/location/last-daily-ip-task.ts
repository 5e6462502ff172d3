import { join } from 'node:path';
import { p } from '../../core/index.js';
import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { isComplete, splitIntoDays, warehouseParameters, withConfigDefaults } from '../warehouse/index.js';
import { latestSighting, type Sighting } from './latest-sighting.js';
import { ipSightingFromLine } from './last-ip-event.js';
import { COUNTERS } from './parameters.js';
import { lastIpTable } from './tables.js';

const Base = WithEventLogSelection(MapReduceTask);

/** Hive's NULL in a text table: edX's record writer puts it where an event had no course. */
const NO_COURSE = '\\N';

/**
 * edX `LastDailyIpAddressOfUserTask`: for each day of --interval, each user's
 * last IP address in each course (and outside any course), from raw logs,
 * into `last_ip_of_user_id/dt=DAY/last_ip_of_user_DAY` (every day gets one,
 * empty if quiet), lines `timestamp<TAB>ip<TAB>user_id<TAB>course_id`.
 */
export class LastDailyIpAddressOfUserTask extends Base {
  static override description = "Each user's last IP address per course and day, from raw tracking logs, into daily warehouse partitions.";
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    ...warehouseParameters,
    overwrite: p.bool({ default: false, identity: false, description: 'rebuild the days even if their partitions exist (edX passes it for re-scanned days)' }),
  };
  declare warehousePath: string;
  declare overwrite: boolean;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  /** The job's own part files: a scratch folder, split into day partitions and removed after the run. */
  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, '_jobs', `last_ip_of_user_id-${this.interval.start}-${this.interval.end}`));
  }

  /** Complete when every day has its partition; with --overwrite, once this run has rebuilt them. */
  override async complete(): Promise<boolean> {
    const table = lastIpTable(this.warehousePath);
    return isComplete(this.interval.dates().map((day) => table.partition(day)), this.overwrite);
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

  override async run(): Promise<void> {
    await super.run();
    // The day is the date part of the timestamp (field 1), the same day the mapper filtered on.
    await splitIntoDays(this.output(), lastIpTable(this.warehousePath), 0, this.interval.dates(), (field) => field.slice(0, 10));
  }
}
