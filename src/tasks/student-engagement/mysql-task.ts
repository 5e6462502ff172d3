import { mapReduceParameters } from '../../mapreduce/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { SqlLoadTask, type ColumnSpec, type OverwritePartition, type SqlRow } from '../../sql/index.js';
import { partFileLines } from '../../targets/index.js';
import { warehouseParameters, withConfigDefaults } from '../warehouse/index.js';
import { engagementEndDate, type IntervalType } from './end-date.js';
import { SUMMARY_COLUMNS } from './engagement-summary.js';
import { COUNTERS, intervalTypeParameter, rawEngagementRoot, StudentEngagementTask } from './student-engagement-task.js';

const Base = WithEventLogSelection(SqlLoadTask);

/** edX's columns of student_engagement_<type>; the key (course_id, username, end_date) is the primary key. */
const COLUMNS: readonly ColumnSpec[] = [
  // NOT NULL: a primary key column (MySQL makes it so even where edX declared a bare DATE).
  { name: 'end_date', type: 'date', nullable: false },
  { name: 'course_id', type: 'string', length: 255, nullable: false },
  { name: 'username', type: 'string', length: 255, nullable: false },
  ...SUMMARY_COLUMNS.map((name): ColumnSpec =>
    name === 'last_subsection_viewed' ? { name, type: 'string', length: 1000, nullable: false } : { name, type: 'integer' },
  ),
];

/**
 * edX StudentEngagementToMysqlTask: StudentEngagementTask's rows for
 * --interval loaded into table student_engagement_<daily|weekly|all>.
 * Appends, as edX did; an interval that overlaps one already loaded repeats
 * keys, which the primary key refuses. --overwrite replaces the rows of this
 * run's end dates (edX's replaced the whole table).
 */
export class StudentEngagementToMysqlTask extends Base {
  static override description = 'Learner engagement per course (daily, weekly or all of --interval) into table student_engagement_<type> (MySQL/MariaDB or SQLite).';
  static override parameters = { ...Base.parameters, ...mapReduceParameters, ...intervalTypeParameter, ...warehouseParameters };
  declare intervalType: IntervalType;
  declare warehousePath: string;

  readonly columns = COLUMNS;
  override readonly primaryKey = ['course_id', 'username', 'end_date'];

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  get table(): string {
    return `student_engagement_${this.intervalType}`;
  }

  override overwritePartition(): OverwritePartition {
    return { end_date: [...new Set(this.interval.dates().map((day) => engagementEndDate(this.intervalType, this.interval, day)))] };
  }

  override requires(): StudentEngagementTask {
    return this.clone(StudentEngagementTask, { outputRoot: rawEngagementRoot(this.warehousePath, this.intervalType, this.interval.end) });
  }

  async *rows(): AsyncIterable<SqlRow> {
    for await (const line of partFileLines(await this.requires().output().partFiles())) {
      const fields = line.split('\t');
      if (fields.length !== COLUMNS.length) {
        this.incrementCounter(COUNTERS, 'Discard Malformed Engagement Line');
        continue;
      }
      yield fields.map((value, i) => (COLUMNS[i]!.type === 'integer' ? Number(value) : value));
    }
  }
}
