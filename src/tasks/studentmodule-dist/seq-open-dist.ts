import type { ColumnSpec } from '../../sql/index.js';
import { StudentModuleHistogramLoadTask } from './histogram-load-task.js';
import { StudentModuleHistogramTask } from './histogram-task.js';
import { sequentialKey, type SequentialKey, type StudentModuleRow } from './student-module-row.js';

/**
 * edX SeqOpenDistFromSqoopToTSVWorkflow: per sequential (subsection) and
 * course, how many learners opened it, i.e. have a row for it. Lines
 * `module_id course_id count` in DEST/seq_open_dist_NAME/.
 */
export class SeqOpenDistFromSqoopToTSVWorkflow extends StudentModuleHistogramTask<SequentialKey> {
  static override description = 'How many learners opened each sequential (subsection), per course, from the LMS courseware_studentmodule (TSV).';
  static override moduleUrl = import.meta.url;
  readonly outputPrefix = 'seq_open_dist';
  readonly counterGroup = 'Sequential Open Distribution';

  keyRow(row: StudentModuleRow) {
    return sequentialKey(row);
  }

  countedValue(): (number | null)[] {
    return [];
  }
}

/** edX SeqOpenDistFromSqoopToMySQLWorkflow (a class without a setup.cfg entry point): the opens into table sequential_open_distribution. */
export class SeqOpenDistFromSqoopToMySQLWorkflow extends StudentModuleHistogramLoadTask {
  static override description = 'How many learners opened each sequential, per course, into table sequential_open_distribution (MySQL/MariaDB or SQLite), from the LMS courseware_studentmodule.';
  readonly table = 'sequential_open_distribution';
  readonly valueColumns: readonly ColumnSpec[] = [];

  override requires(): SeqOpenDistFromSqoopToTSVWorkflow {
    return this.clone(SeqOpenDistFromSqoopToTSVWorkflow);
  }
}
