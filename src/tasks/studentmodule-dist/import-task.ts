import { LmsTableImportTask } from '../warehouse/lms-table-import.js';
import { STUDENT_MODULE_COLUMNS } from './student-module-row.js';

/**
 * edX's SqoopImportFromMysql of courseware_studentmodule, as our other LMS
 * imports: `courseware_studentmodule/dt=DATE/courseware_studentmodule`,
 * lines `id module_type module_id course_id grade max_grade` (NULL `\N`).
 * edX dumped every column; `state` (a learner's JSON answers, the bulk of
 * the table) and the times are left out, as no distribution reads them.
 * Read in pages of --import-page-rows by id, so the table need not fit in memory.
 */
export class ImportStudentModuleTask extends LmsTableImportTask {
  static override description = 'Copy the LMS courseware_studentmodule (module type and id, course, grade, max grade) into the warehouse for one day.';
  readonly table = 'courseware_studentmodule';
  readonly columns = STUDENT_MODULE_COLUMNS;
  readonly key = 'id';
  // Hundreds of millions of rows on a big LMS: read in pages by the primary key.
  override readonly readInPages = true;
  readonly lmsNeed = 'The grade and sequential-open distributions need the LMS table courseware_studentmodule';
}
