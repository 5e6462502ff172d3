import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { warehouseParameters, withConfigDefaults } from '../warehouse/index.js';
import type { IntervalType } from './end-date.js';
import { engagementCsv, engagementCsvHeader, engagementCsvPath } from './engagement-csv.js';
import { SUMMARY_COLUMNS } from './engagement-summary.js';
import { COUNTERS, intervalTypeParameter, rawEngagementRoot, StudentEngagementTask } from './student-engagement-task.js';
import { writeFileAtomicSync } from './write-file-sync.js';

const Base = WithEventLogSelection(MapReduceTask);
const FIELDS = 3 + SUMMARY_COLUMNS.length;

/**
 * edX StudentEngagementCsvFileTask (the data API's engagement reports): one
 * CSV per course and end date under --output-root, at
 * `<sha1(course_id)>/student_engagement_<type>_<date>.csv`, from
 * StudentEngagementTask's rows. The reducers write the files (each
 * atomically); the task's own output is a manifest directory that marks the set done.
 */
export class StudentEngagementCsvFileTask extends Base {
  static override description = 'Per-course learner engagement CSVs (daily, weekly or all of --interval) for the instructor dashboard, from raw tracking logs.';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    ...intervalTypeParameter,
    ...warehouseParameters,
    outputRoot: p.path({ description: 'Where the per-course folders of CSV files go.' }),
  };
  declare intervalType: IntervalType;
  declare warehousePath: string;
  declare outputRoot: string;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  override requires(): StudentEngagementTask {
    return this.clone(StudentEngagementTask, { outputRoot: rawEngagementRoot(this.warehousePath, this.intervalType, this.interval.end) });
  }

  override output(): DirectoryTarget {
    const digest = createHash('sha256').update(this.id).digest('hex').slice(0, 16);
    return new DirectoryTarget(join(this.outputRoot, `_SUCCESS_student_engagement_${digest}`));
  }

  /** The engagement rows, not the logs (the event-log parameters only pass through to StudentEngagementTask). */
  override async inputFiles(): Promise<string[]> {
    return this.requires().output().partFiles();
  }

  override *mapper(line: string): Pairs {
    const fields = line.split('\t');
    if (fields.length !== FIELDS) return void this.incrementCounter(COUNTERS, 'Discard Malformed Engagement Line');
    const [endDate, courseId, ...row] = fields;
    yield [[endDate, courseId], row];
  }

  override *reducer(key: [string, string], rows: Iterable<string[]>): Pairs {
    const [endDate, courseId] = key;
    const cells = [...rows].map(([username, ...figures]) => [courseId, endDate, username!, ...figures]);
    const path = join(this.outputRoot, engagementCsvPath(courseId, this.intervalType, endDate, String(this.interval)));
    writeFileAtomicSync(path, engagementCsv(engagementCsvHeader(this.intervalType), cells));
    this.incrementCounter(COUNTERS, 'CSV Files Written');
    yield [key, { path, rows: cells.length }];
  }
}
