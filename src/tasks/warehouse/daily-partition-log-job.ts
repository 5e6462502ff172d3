import { join } from 'node:path';
import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { withConfigDefaults } from './config-defaults.js';
import type { DayPartitionedTable } from './day-partitions.js';
import { isComplete } from './rebuilt.js';
import { splitIntoDays } from './split-into-days.js';
import { warehouseParameters } from './warehouse-parameters.js';

const Base = WithEventLogSelection(MapReduceTask);

/**
 * A map/reduce job over the raw logs of --interval whose result is one
 * warehouse partition per day (edX's daily Hive partitions:
 * `<warehouse>/<table>/dt=DAY/`, every day of the interval, empty if quiet),
 * which later runs read instead of re-scanning old logs. The job writes its
 * part files to a scratch folder (`<warehouse>/_jobs/`), then splits them
 * into days by the day at the start of one field of each line; it is
 * complete when every day has its partition (with --overwrite, once this
 * run rebuilt them).
 */
export abstract class DailyPartitionLogJob extends Base {
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

  /** The table of day partitions this job writes. */
  abstract partitionedTable(): DayPartitionedTable;

  /** Which tab-separated field of an output line starts with its day (a date or a timestamp). */
  abstract readonly dayField: number;

  /** The job's own part files: a scratch folder, split into day partitions and removed after the run. */
  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, '_jobs', `${this.partitionedTable().table}-${this.interval.start}-${this.interval.end}`));
  }

  override async complete(): Promise<boolean> {
    const table = this.partitionedTable();
    return isComplete(this.interval.dates().map((day) => table.partition(day)), this.overwrite);
  }

  override async run(): Promise<void> {
    await super.run();
    // The same day the mapper filtered on: the date part of that field.
    await splitIntoDays(this.output(), this.partitionedTable(), this.dayField, this.interval.dates(), (field) => field.slice(0, 10));
  }
}
