/**
 * edX's data-API distributions from the LMS courseware_studentmodule table
 * (studentmodule_dist.py): grades per module (`grade-dist`) and opens per
 * sequential (no entry point in edX; its class only). The LMS table is imported into the warehouse
 * (ImportStudentModuleTask), counted by a map/reduce (the ...ToTSVWorkflow
 * tasks) and loaded into grade_distribution / sequential_open_distribution.
 */
import { registerTask } from '../../core/index.js';
import { GradeDistFromSqoopToMySQLWorkflow, GradeDistFromSqoopToTSVWorkflow } from './grade-dist.js';
import { ImportStudentModuleTask } from './import-task.js';
import { SeqOpenDistFromSqoopToMySQLWorkflow, SeqOpenDistFromSqoopToTSVWorkflow } from './seq-open-dist.js';

registerTask(ImportStudentModuleTask);
registerTask(GradeDistFromSqoopToTSVWorkflow);
registerTask(GradeDistFromSqoopToMySQLWorkflow);
registerTask(SeqOpenDistFromSqoopToTSVWorkflow);
registerTask(SeqOpenDistFromSqoopToMySQLWorkflow);

export { ImportStudentModuleTask, GradeDistFromSqoopToTSVWorkflow, GradeDistFromSqoopToMySQLWorkflow, SeqOpenDistFromSqoopToTSVWorkflow, SeqOpenDistFromSqoopToMySQLWorkflow };
export { StudentModuleHistogramTask, addCounts } from './histogram-task.js';
export { StudentModuleHistogramLoadTask } from './histogram-load-task.js';
export { gradeKey, sequentialKey, studentModuleRow, STUDENT_MODULE_COLUMNS, type GradeKey, type SequentialKey, type StudentModuleRow } from './student-module-row.js';
