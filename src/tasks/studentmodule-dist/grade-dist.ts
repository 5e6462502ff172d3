import type { ColumnSpec } from '../../sql/index.js';
import { StudentModuleHistogramLoadTask } from './histogram-load-task.js';
import { StudentModuleHistogramTask } from './histogram-task.js';
import { gradeKey, type GradeKey, type StudentModuleRow } from './student-module-row.js';

/**
 * edX GradeDistFromSqoopToTSVWorkflow: per module and course, how many
 * learners have each (grade, max_grade). Lines
 * `module_id course_id grade max_grade count` in DEST/grade_dist_NAME/.
 */
export class GradeDistFromSqoopToTSVWorkflow extends StudentModuleHistogramTask<GradeKey> {
  static override description = 'How many learners have each grade / max grade, per module and course, from the LMS courseware_studentmodule (TSV).';
  static override moduleUrl = import.meta.url;
  readonly outputPrefix = 'grade_dist';
  readonly counterGroup = 'Grade Distribution';

  keyRow(row: StudentModuleRow) {
    return gradeKey(row);
  }

  countedValue(key: GradeKey): (number | null)[] {
    return [key.grade, key.maxGrade];
  }
}

/** edX GradeDistFromSqoopToMySQLWorkflow (entry point `grade-dist`): the grade distribution into table grade_distribution. */
export class GradeDistFromSqoopToMySQLWorkflow extends StudentModuleHistogramLoadTask {
  static override description = 'How many learners have each grade / max grade, per module and course, into table grade_distribution (MySQL/MariaDB or SQLite), from the LMS courseware_studentmodule.';
  readonly table = 'grade_distribution';
  readonly valueColumns: readonly ColumnSpec[] = [
    { name: 'grade', type: 'double' },
    { name: 'max_grade', type: 'double' },
  ];

  override requires(): GradeDistFromSqoopToTSVWorkflow {
    return this.clone(GradeDistFromSqoopToTSVWorkflow);
  }
}
