import { join } from 'node:path';
import { p } from '../../core/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { DEFAULT_SQLITE_FILE, SqlLoadTask, type ColumnSpec, type SqlRow } from '../../sql/index.js';
import { partFileLines } from '../../targets/index.js';
import type { StudentModuleHistogramTask } from './histogram-task.js';
import { distributionParameters, withWarehouseDefault } from './parameters.js';
import { NULL_CELL } from './student-module-row.js';

/**
 * edX HistogramFromSqoopToMySQLWorkflowBase: a histogram loaded into its
 * table, replacing the table's rows (edX always overwrote; --no-overwrite
 * appends). Each table has edX's columns plus the `id` key and `created`
 * time its MysqlInsertTask added to every table, and indexes on module_id and course_id.
 */
export abstract class StudentModuleHistogramLoadTask extends SqlLoadTask {
  static override parameters = {
    ...SqlLoadTask.parameters,
    ...mapReduceParameters,
    ...distributionParameters,
    overwrite: p.bool({ default: true, identity: false, description: "replace the table's rows (edX: always; --no-overwrite appends)" }),
  };
  declare name: string;
  declare dest: string;
  declare date: string;
  declare warehousePath: string;

  /** The columns between the ids and `count`: what the histogram counts. */
  abstract readonly valueColumns: readonly ColumnSpec[];
  abstract override requires(): StudentModuleHistogramTask<{ moduleId: string; courseId: string }>;

  constructor(params?: Record<string, unknown>) {
    super(withWarehouseDefault(new.target, params));
  }

  get columns(): readonly ColumnSpec[] {
    return [
      { name: 'id', type: 'bigint', nullable: false, generated: 'autoIncrement' },
      { name: 'module_id', type: 'string', length: 255, nullable: false },
      { name: 'course_id', type: 'string', length: 255, nullable: false },
      ...this.valueColumns,
      { name: 'count', type: 'integer', nullable: false },
      { name: 'created', type: 'timestamp', generated: 'now' },
    ];
  }

  override readonly indexes = [['module_id'], ['course_id']];

  /** With no database named, the SQLite file goes beside the intermediate output. */
  override defaultSqlitePath(): string {
    return join(this.dest, DEFAULT_SQLITE_FILE);
  }

  async *rows(): AsyncIterable<SqlRow> {
    const width = this.valueColumns.length + 3;
    const task = this.requires();
    for await (const line of partFileLines(await task.output().partFiles())) {
      const f = line.split('\t');
      // The histogram writes `width` fields a line; anything else is a damaged file, counted rather than loaded wrong.
      if (f.length !== width) {
        this.incrementCounter(task.counterGroup, 'Discard Malformed Histogram Line');
        continue;
      }
      yield [f[0]!, f[1]!, ...f.slice(2, -1).map((v) => (v === NULL_CELL ? null : Number(v))), Number(f[width - 1])];
    }
  }
}
