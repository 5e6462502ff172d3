import { join } from 'node:path';
import { p } from '../../core/index.js';
import { SqlLoadTask, type ColumnSpec, type SqlRow } from '../../sql/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { MYSQL_COLUMNS, MYSQL_INDEXES, MYSQL_TABLE, mysqlRow, overlongColumn, storableCell, type MysqlCell } from './mysql-rows.js';
import { COUNTERS, srcFallback } from './parameters.js';
import { AnswerDistributionPerCourse } from './per-course-task.js';
import { readDistributionRows } from './stage2-lines.js';

/** Table `answer_distribution` with edX's columns and types (answer_dist.py:783-826, mysql_load.py:120-158). */
export const ANSWER_DISTRIBUTION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'bigint', nullable: false, generated: 'autoIncrement' },
  { name: 'course_id', type: 'string', nullable: false },
  { name: 'module_id', type: 'string', nullable: false },
  { name: 'part_id', type: 'string', nullable: false },
  { name: 'correct', type: 'boolean', nullable: false },
  { name: 'first_response_count', type: 'integer', nullable: false },
  { name: 'last_response_count', type: 'integer', nullable: false },
  { name: 'value_id', type: 'string' },
  { name: 'answer_value_text', type: 'text' },
  { name: 'answer_value_numeric', type: 'double' },
  { name: 'variant', type: 'integer' },
  { name: 'problem_display_name', type: 'text' },
  { name: 'question_text', type: 'text' },
  { name: 'created', type: 'timestamp', generated: 'now' },
];

// value_id and every column after it may be NULL.
const FIRST_NULLABLE_CELL = MYSQL_COLUMNS.findIndex(([name]) => name === 'value_id');

/**
 * edX `AnswerDistributionToMySQLTaskWorkflow`: computes the answer
 * distribution (stages 1 and 2) and loads it into table
 * `answer_distribution` (MySQL/MariaDB or SQLite). As in edX, --overwrite is
 * on: every run replaces the table's rows, in the transaction that records
 * its marker row, so a rerun of the same run does nothing.
 */
export class AnswerDistributionToMySQLTaskWorkflow extends SqlLoadTask {
  static override description = 'Answer distribution of every problem, loaded into table answer_distribution (MySQL/MariaDB or SQLite).';
  static override parameters = {
    ...SqlLoadTask.parameters,
    ...AnswerDistributionPerCourse.parameters,
    overwrite: p.bool({ default: true, identity: false, description: 'replace the rows of answer_distribution (edX default: on; --no-overwrite appends)' }),
    demoPrint: p.int({ default: 0, identity: false, description: 'after loading, print this many rows of the table (for the demo)' }),
  };
  declare dest: string;
  declare demoPrint: number;

  readonly table = MYSQL_TABLE;
  readonly columns = ANSWER_DISTRIBUTION_COLUMNS;
  override readonly indexes = MYSQL_INDEXES;

  override requires(): AnswerDistributionPerCourse {
    return this.clone(AnswerDistributionPerCourse, srcFallback(this));
  }

  /** With no database named, a SQLite file beside the run's other outputs. */
  override defaultSqlitePath(): string {
    return join(this.dest, 'answer_distribution.sqlite');
  }

  async *rows(): AsyncIterable<SqlRow> {
    const input = this.input() as DirectoryTarget;
    for await (const { courseId, row } of readDistributionRows(await input.partFiles())) {
      const cells = mysqlRow(courseId, row);
      // One row left out (and counted) rather than the whole load refused.
      const overlong = overlongColumn(cells);
      if (overlong) {
        this.incrementCounter(COUNTERS, `mysql: rows left out, ${overlong} over 255 characters`);
        continue;
      }
      cells[9] = this.integerVariant(cells[9]!);
      yield cells.map((cell, i) => storableCell(cell, i >= FIRST_NULLABLE_CELL));
    }
  }

  // variant is INT(11) in edX's table; a seed that is not a whole number cannot go there.
  private integerVariant(variant: MysqlCell): MysqlCell {
    if (variant === null || (typeof variant === 'number' && Number.isSafeInteger(variant))) return variant;
    if (typeof variant === 'string' && /^[+-]?\d{1,9}$/.test(variant)) return Number(variant);
    this.incrementCounter(COUNTERS, 'mysql: variant not a whole number, stored as NULL');
    return null;
  }

  override async run(): Promise<void> {
    await super.run();
    if (this.demoPrint > 0) await printSomeRows(this, this.demoPrint);
  }
}

async function printSomeRows(task: AnswerDistributionToMySQLTaskWorkflow, n: number): Promise<void> {
  const { printLoadedRows } = await import('./demo-print.js');
  await printLoadedRows(task.connection().spec, MYSQL_TABLE, n);
}
