/** Small load tasks for the contract tests, built per test with unique tables. */
import { p } from '../../../src/core/index.js';
import { SqlLoadTask, type ColumnSpec, type SqlRow, type SqlValue } from '../../../src/sql/index.js';

export const SCORE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'bigint', generated: 'autoIncrement' },
  { name: 'course_id', type: 'string', nullable: false },
  { name: 'day', type: 'date', nullable: false },
  { name: 'learners', type: 'integer', nullable: false },
  { name: 'passed', type: 'boolean' },
  { name: 'mean_grade', type: 'double' },
  { name: 'note', type: 'text' },
  { name: 'created', type: 'timestamp', generated: 'now' },
];

export interface LoadSetup {
  table: string;
  markerTable: string;
  rows: () => AsyncIterable<SqlRow> | Iterable<SqlRow>;
  partition?: Record<string, SqlValue | readonly SqlValue[]>;
  lockWaitMs?: number;
}

/** A SqlLoadTask class over `setup`; its `name` parameter makes distinct task ids. */
export function scoreLoadTask(setup: LoadSetup) {
  return class ScoreLoad extends SqlLoadTask {
    static override parameters = { ...SqlLoadTask.parameters, name: p.string({ default: 'run' }) };
    declare name: string;
    readonly table = setup.table;
    readonly columns = SCORE_COLUMNS;
    override readonly indexes = [['course_id'], ['course_id', 'day']];
    rows() {
      return setup.rows();
    }
    override markerTable() {
      return setup.markerTable;
    }
    override overwritePartition() {
      return setup.partition;
    }
    override lockWaitMs() {
      return setup.lockWaitMs ?? 10_000;
    }
  };
}

/** n deterministic rows for `day`, as records. */
export function scoreRows(n: number, day = '2014-08-07'): SqlRow[] {
  return Array.from({ length: n }, (_, i) => ({
    course_id: `course-v1:edX+C${i % 7}+2014`,
    day,
    learners: i,
    passed: i % 2 === 0,
    mean_grade: i / 4,
    note: i % 3 === 0 ? null : `note ${i} ünïcode ✓`,
  }));
}
