import { DateInterval, p, registry } from '../../core/index.js';
import { parseDatetimeParameter, nowDatetimeText, strftime } from './timestamp-partition.js';

registry.declareSection('problem-response', [
  'report_fields', 'report_output_root', 'report_field_list_delimiter', 'report_field_datetime_format',
  'report_filename_template', 'partition_format', 'interval_start', 'clean_text_regex',
]);
registry.declareSection('course-blocks', ['path_delimiter', 'deleted_blocks_path', 'sort_orphan_blocks_up', 'partition_format']);
registry.declareSection('hive', ['warehouse_path']);

export const COUNTERS = 'Problem Response';
export const DEFAULT_CLEAN_TEXT_REGEX = String.raw`(?:<choicehint.*?</choicehint>)|(?:<choicehint.*?\>)`;

/** edX ProblemResponseTableMixin + TimestampPartitionMixin + WarehouseMixin: what every task of the workflow takes. */
// Defaults shown by --help; the values in force are filled in by withProblemResponseDefaults() (config first).
export const problemResponseParameters = {
  interval: p.dateInterval({
    default: DateInterval.between('2013-05-30', '2013-05-31'),
    description: 'Days whose events to read (end excluded). Default: --interval-start up to --interval-end.',
  }),
  intervalStart: p.date({ default: '2013-05-30', identity: false, description: 'First day of events when --interval is not given. Default: [problem-response] interval_start, else 2013-05-30.' }),
  intervalEnd: p.date({ default: new Date().toISOString().slice(0, 10), identity: false, description: 'Day after the last day of events when --interval is not given. Default: today (UTC).' }),
  datetime: p.string({ default: nowDatetimeText(), description: 'Date/time of the data partitions, YYYY-MM-DDTHHMMSS. Default: now (UTC).' }),
  partitionFormat: p.string({ default: '%Y-%m-%d', description: 'strftime format of --datetime naming the problem response partitions. Default: [problem-response] partition_format, else %Y-%m-%d.' }),
  warehousePath: p.path({ default: 'warehouse', description: 'Root of the warehouse partitions (course_blocks_raw, course_blocks, problem_response_latest). Default: [hive] warehouse_path, else ./warehouse.' }),
  overwrite: p.bool({ identity: false, description: 'Recompute the partitions and reports even if they exist.' }),
};

/**
 * luigi's config_path defaults and ProblemResponseTableMixin.__init__, done
 * before the parameters are resolved so that every task of the workflow (and
 * worker threads) sees the same values: --interval from --interval-start and
 * --interval-end when it is not given, --datetime fixed once to "now".
 */
export function withProblemResponseDefaults(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const out = { ...(params ?? {}) };
  const config = (key: string) => registry.config.get('problem-response', key);
  out.intervalStart ??= config('interval_start') ?? '2013-05-30';
  out.intervalEnd ??= new Date().toISOString().slice(0, 10);
  out.interval ??= `${String(out.intervalStart)}-${String(out.intervalEnd)}`;
  out.datetime ??= nowDatetimeText();
  out.partitionFormat ??= config('partition_format') ?? '%Y-%m-%d';
  out.warehousePath ??= registry.config.get('hive', 'warehouse_path') ?? 'warehouse';
  return out;
}

/** The partition value of --datetime under a format (edX TimestampPartitionMixin.partition_value). */
export function partitionValue(datetime: string, format: string): string {
  return strftime(format, parseDatetimeParameter(datetime));
}

/** `[course-blocks] partition_format`: the course structure is partitioned on its own format (default daily). */
export function courseBlocksPartitionFormat(): string {
  return registry.config.get('course-blocks', 'partition_format') ?? '%Y-%m-%d';
}
