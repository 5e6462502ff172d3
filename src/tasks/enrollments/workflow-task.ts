import { WrapperTask, type Task } from '../../core/index.js';
import { EnrollmentBreakdownLoad } from './breakdown-load.js';
import {
  EnrollmentByBirthYearToMysqlTask,
  EnrollmentByEducationLevelMysqlTask,
  EnrollmentByGenderMysqlTask,
  EnrollmentByModeTask,
  EnrollmentDailyMysqlTask,
} from './breakdown-tables.js';
import { eventLogFallbacks, withEnrollmentDefaults } from './parameters.js';
import { CourseEnrollmentSummaryTask } from './summary-task.js';

/**
 * edX `ImportEnrollmentsIntoMysql`: every enrollment breakdown table
 * (daily, mode, gender, birth year, education level) and the per user and
 * course summary partition, from one enrollment history. edX's course
 * catalog tables (course_meta_summary_enrollment, course_program_metadata)
 * need the catalog API and grades and are not part of it here.
 */
export class ImportEnrollmentsIntoMysql extends WrapperTask {
  static override description = 'All enrollment breakdowns into MySQL/SQLite tables course_enrollment_*_daily, plus the user x course summary in the warehouse.';
  static override parameters = { ...EnrollmentBreakdownLoad.parameters };

  constructor(params?: Record<string, unknown>) {
    super(withEnrollmentDefaults(new.target, params));
  }

  override requires(): Task[] {
    const loads = [EnrollmentDailyMysqlTask, EnrollmentByModeTask, EnrollmentByGenderMysqlTask, EnrollmentByBirthYearToMysqlTask, EnrollmentByEducationLevelMysqlTask];
    return [
      this.clone(CourseEnrollmentSummaryTask, { ...eventLogFallbacks(this), overwriteHive: this.params.overwriteHive }),
      ...loads.map((cls) => this.clone<Task>(cls, eventLogFallbacks(this))),
    ];
  }
}
