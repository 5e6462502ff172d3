import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { SqlLoadTask, type ColumnSpec, type OverwritePartition, type SqlRow } from '../../sql/index.js';
import { partFileLines } from '../../targets/index.js';
import { parseDistributionLine } from './distribution-line.js';
import { COUNTERS, EventTypeDistributionTask, knownEventsParameter } from './distribution-task.js';

const Base = WithEventLogSelection(SqlLoadTask);
const text = (name: string): ColumnSpec => ({ name, type: 'string', length: 255, nullable: false });

/**
 * edX's columns (PushToVerticaEventTypeDistributionTask) with the `id` key
 * and `created` time its VerticaCopyTask adds to every table. event_date is
 * a DATE here (edX: DATETIME at midnight): the figures are per day.
 */
const COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'bigint', nullable: false, generated: 'autoIncrement' },
  { name: 'event_date', type: 'date', nullable: false },
  text('event_category'),
  text('event_type'),
  text('event_source'),
  { name: 'exported', type: 'boolean', nullable: false },
  { name: 'event_count', type: 'integer', nullable: false },
  { name: 'created', type: 'timestamp', generated: 'now' },
];

/**
 * edX PushToVerticaEventTypeDistributionTask, loading MySQL/MariaDB or
 * SQLite instead of Vertica: EventTypeDistributionTask's counts appended to
 * table event_type_distribution (edX's overwrite default is off: each run
 * adds its interval's days, as a daily monitoring job wants).
 */
export class EventTypeDistributionWorkflow extends Base {
  static override description =
    'Events per day, event type and event source of --interval, flagged against a known events list, into table event_type_distribution (MySQL/MariaDB or SQLite).';
  static override parameters = {
    ...Base.parameters,
    ...mapReduceParameters,
    outputRoot: p.path({ description: 'Directory under which to write the intermediate event_type_distribution/.' }),
    ...knownEventsParameter,
    overwrite: p.bool({
      default: false,
      identity: false,
      description: 'replace the rows of the days of --interval (edX default: off, each run appends its days)',
    }),
  };

  readonly table = 'event_type_distribution';
  readonly columns = COLUMNS;
  override readonly indexes = [['event_date'], ['event_type']];

  /** --overwrite replaces the days this run counts, whichever earlier runs loaded them (edX's replaced the whole table). */
  override overwritePartition(): OverwritePartition {
    return { event_date: this.interval.dates() };
  }

  override requires(): EventTypeDistributionTask {
    return this.clone(EventTypeDistributionTask);
  }

  async *rows(): AsyncIterable<SqlRow> {
    for await (const line of partFileLines(await this.requires().output().partFiles())) {
      const c = parseDistributionLine(line);
      if (c === null) {
        this.incrementCounter(COUNTERS, 'Discard Malformed Count Line');
        continue;
      }
      yield [c.date, c.category, c.eventType, c.eventSource, c.exported, c.count];
    }
  }
}
