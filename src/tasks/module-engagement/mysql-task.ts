import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { SqlLoadTask, type ColumnSpec, type SqlRow, type SqlValue } from '../../sql/index.js';
import { partFileLines } from '../../targets/index.js';
import { ModuleEngagementDataTask } from './data-task.js';
import { COUNTERS, engagementParameters, intervalFromDate, withEngagementDefaults } from './parameters.js';

const Base = WithEventLogSelection(SqlLoadTask);

/** Table `module_engagement` with edX's columns (ModuleEngagementRecord) and indexes. */
const COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'bigint', nullable: false, generated: 'autoIncrement' },
  { name: 'course_id', type: 'string', length: 255, nullable: false },
  { name: 'username', type: 'string', length: 30, nullable: false },
  { name: 'date', type: 'date', nullable: false },
  { name: 'entity_type', type: 'string', length: 10, nullable: false },
  { name: 'entity_id', type: 'string', length: 255, nullable: false },
  { name: 'event', type: 'string', length: 30, nullable: false },
  { name: 'count', type: 'integer', nullable: false },
  { name: 'created', type: 'timestamp', generated: 'now' },
];

/**
 * edX ModuleEngagementMysqlTask: loads one day's partition into table
 * module_engagement, replacing that day's rows only. edX keyed the load by
 * the day alone and appended unless told to overwrite; here the marker is the
 * day plus a digest of the partition, and a load always replaces the day: a
 * rerun on the same data does nothing, a recomputed day (late events) is
 * reloaded, and no day is ever loaded twice.
 */
export class ModuleEngagementMysqlTask extends Base {
  static override description = "One day of module engagement counts, loaded into table module_engagement (that day's rows replaced).";
  static override parameters = {
    ...Base.parameters,
    ...mapReduceParameters,
    ...engagementParameters,
    date: p.date({ description: 'The day to load.' }),
    interval: intervalFromDate,
    overwrite: p.bool({ default: true, identity: false, description: "replace the day's rows (always on: a day is never appended twice)" }),
    overwriteHive: p.bool({ identity: false, description: "recompute the day's partition from raw logs first (late events)" }),
  };
  declare date: string;
  declare overwriteHive: boolean;

  readonly table = 'module_engagement';
  readonly columns = COLUMNS;
  override readonly indexes = [['course_id', 'username', 'date'], ['username', 'entity_type'], ['date']];

  constructor(params?: Record<string, unknown>) {
    // A quiet day is a legitimate empty load; the day is the interval, as in the data task.
    const withDefaults = withEngagementDefaults(params);
    super({ ...withDefaults, ...(withDefaults.date !== undefined && { interval: withDefaults.date }), overwrite: true, allowEmptyInsert: true });
  }

  #data: ModuleEngagementDataTask | undefined;

  // One instance: the scheduler runs it, and only that instance knows it has recomputed the day.
  override requires(): ModuleEngagementDataTask {
    return (this.#data ??= this.clone(ModuleEngagementDataTask, { overwrite: this.overwriteHive }));
  }

  override async complete(): Promise<boolean> {
    // A day about to be recomputed may change: load it again after (the digest says whether it did).
    return (await this.requires().complete()) && super.complete();
  }

  override updateId(): string {
    const partition = this.requires().output();
    if (!partition.exists()) return `${this.family}(date=${this.date}) pending`;
    const digest = createHash('sha256');
    // The data files as DirectoryTarget.partFiles() lists them, read synchronously (complete() asks this).
    for (const name of readdirSync(partition.path).filter((n) => !/^[._]/.test(n)).sort()) digest.update(readFileSync(join(partition.path, name)));
    return `${this.family}(date=${this.date}) ${digest.digest('hex').slice(0, 16)}`;
  }

  override overwritePartition(): Record<string, SqlValue> {
    return { date: this.date };
  }

  async *rows(): AsyncIterable<SqlRow> {
    for await (const line of partFileLines(await this.requires().output().partFiles())) {
      const f = line.split('\t');
      if (f.length !== 7) {
        this.incrementCounter(COUNTERS, 'Discard Malformed Partition Line');
        continue;
      }
      yield [f[0]!, f[1]!, f[2]!, f[3]!, f[4]!, f[5]!, Number(f[6])];
    }
  }
}
