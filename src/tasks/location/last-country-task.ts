import { addDays, DateInterval, UsageError } from '../../core/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { eventLogFallbacks } from '../enrollments/parameters.js';
import { isComplete, MISSING_DAYS_COUNTER } from '../warehouse/index.js';
import { countryOfIp } from './country-of-ip.js';
import { openCountryDatabase, type CountryDatabase } from './geoip/country-database.js';
import { LastDailyIpAddressOfUserTask } from './last-daily-ip-task.js';
import { latestSighting, type Sighting } from './latest-sighting.js';
import { COUNTERS, locationParameters, withLocationDefaults } from './parameters.js';
import { lastCountryPartition, lastIpTable } from './tables.js';

/**
 * edX `LastCountryOfUser`: each user's last IP address over all of
 * --interval (any course) and its country, into
 * `last_country_of_user_id/dt=END/part-*`, lines
 * `country_name<TAB>country_code<TAB>user_id`. The last --overwrite-n-days
 * days are re-scanned from raw logs (LastDailyIpAddressOfUserTask); earlier
 * days are read as earlier runs left them in the warehouse.
 */
export class LastCountryOfUser extends MapReduceTask {
  static override description = "Each user's country, from the last IP address they were seen at (daily warehouse partitions + a GeoIP database).";
  static override moduleUrl = import.meta.url;
  static override parameters = { ...MapReduceTask.parameters, ...locationParameters };
  declare interval: DateInterval;
  declare overwriteNDays: number;
  declare geolocationData: string;
  declare warehousePath: string;
  declare overwrite: boolean;

  private db?: CountryDatabase;

  constructor(params?: Record<string, unknown>) {
    super(withLocationDefaults(new.target, params));
    if (this.overwriteNDays < 0) throw new UsageError(`${this.family}: --overwrite-n-days must be 0 or more (got ${this.overwriteNDays}).`);
  }

  /** edX's overwrite_from_date: the first re-scanned day (it may fall before the interval: those days are read too). */
  get overwriteFrom(): string {
    return addDays(this.interval.end, -this.overwriteNDays);
  }

  override requires(): LastDailyIpAddressOfUserTask[] {
    if (this.overwriteNDays === 0) return [];
    const interval = DateInterval.between(this.overwriteFrom, this.interval.end);
    return [this.clone(LastDailyIpAddressOfUserTask, { ...eventLogFallbacks(this), interval, overwrite: true })];
  }

  /** The database is opened before anything runs: a wrong path stops the run at once, not after hours of log scanning. */
  override preflight(): void {
    openCountryDatabase(this.geolocationData);
  }

  override output(): DirectoryTarget {
    return lastCountryPartition(this.warehousePath, this.interval.end);
  }

  override async complete(): Promise<boolean> {
    return isComplete([this.output()], this.overwrite);
  }

  override async inputFiles(): Promise<string[]> {
    const first = this.overwriteFrom < this.interval.start ? this.overwriteFrom : this.interval.start;
    return lastIpTable(this.warehousePath).existingFiles(DateInterval.between(first, this.interval.end).dates());
  }

  override async run(): Promise<void> {
    const missing = lastIpTable(this.warehousePath).missingDays(this.interval.dates()).length;
    if (missing > 0) this.incrementCounter(COUNTERS, MISSING_DAYS_COUNTER, missing);
    if ((await this.inputFiles()).length === 0) {
      this.incrementCounter(COUNTERS, 'Runs With No Last IP Partition');
      await this.output().build(async () => {});
    } else await super.run();
  }

  override *mapper(line: string): Pairs {
    const fields = line.split('\t');
    if (fields.length !== 4) return void this.incrementCounter(COUNTERS, 'Discard Malformed Last IP Line');
    const [timestamp, ip, userId] = fields as [string, string, string, string];
    yield [userId, [timestamp, ip] satisfies Sighting];
  }

  override *combiner(userId: string, values: Iterable<Sighting>): Pairs {
    const last = latestSighting(values);
    if (last) yield [userId, last];
  }

  override reducerInit(): void {
    this.db = openCountryDatabase(this.geolocationData);
  }

  override *reducer(userId: string, values: Iterable<Sighting>): Pairs {
    const last = latestSighting(values);
    if (!last) return;
    const country = countryOfIp(this.db!, last[1]);
    this.incrementCounter(COUNTERS, country.unknown ?? 'Users With A Country');
    yield [userId, [country.name, country.code]];
  }

  override formatOutput(userId: string, [name, code]: [string, string]): string {
    return [name, code, userId].join('\t');
  }
}
