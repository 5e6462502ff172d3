import { SqlLoadTask, type ColumnSpec, type SqlRow } from '../../sql/index.js';
import { overwriteFromMysqlFlag, overwriteParameters, readTextLines } from '../warehouse/index.js';
import { CourseActivityPartitionTask } from './course-activity-partition-task.js';
import { withCourseActivityDefaults } from './parameters.js';
import { COUNTERS } from './tables.js';

/** Table `course_activity` with edX's columns and types (CourseActivityRecord). */
const COLUMNS: readonly ColumnSpec[] = [
  { name: 'course_id', type: 'string', nullable: false },
  { name: 'interval_start', type: 'timestamp', nullable: false },
  { name: 'interval_end', type: 'timestamp', nullable: false },
  { name: 'label', type: 'string', nullable: false },
  { name: 'count', type: 'integer' },
];

/**
 * edX `InsertToMysqlCourseActivityTask`: the weekly course activity
 * (CourseActivityPartitionTask) loaded into table `course_activity`. As in
 * edX, rows are appended unless --overwrite-mysql replaces them; a rerun of
 * the same run finds its marker row and does nothing.
 */
export class InsertToMysqlCourseActivityTask extends SqlLoadTask {
  static override description = 'Weekly course activity (distinct users per course, ISO week and label) loaded into table course_activity.';
  static override parameters = {
    ...SqlLoadTask.parameters,
    ...CourseActivityPartitionTask.parameters,
    ...overwriteParameters,
  };
  declare overwriteMysql: boolean;

  readonly table = 'course_activity';
  readonly columns = COLUMNS;
  override readonly indexes = [['course_id', 'label'], ['interval_end']];

  constructor(params?: Record<string, unknown>) {
    super(withCourseActivityDefaults(new.target, params));
    overwriteFromMysqlFlag(this);
  }

  override requires(): CourseActivityPartitionTask {
    const params: Record<string, unknown> = {};
    for (const name of Object.keys(CourseActivityPartitionTask.parameters)) if (name in this.params) params[name] = this.params[name];
    return new CourseActivityPartitionTask(params);
  }

  async *rows(): AsyncIterable<SqlRow> {
    const partition = this.requires().output();
    for (const file of await partition.partFiles())
      for await (const line of readTextLines(file)) {
        const [courseId, start, end, label, count] = line.split('\t');
        if (count === undefined) {
          this.incrementCounter(COUNTERS, 'Discard Malformed Course Activity Line');
          continue;
        }
        yield [courseId!, start!, end!, label!, Number(count)];
      }
  }
}
