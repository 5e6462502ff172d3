/**
 * edX's enrollment reports: learners enrolled per course and day, by mode,
 * gender, birth year and education level, and a per user x course summary.
 * CourseEnrollmentEventsTask (daily warehouse partitions from raw logs) ->
 * CourseEnrollmentTask / CourseEnrollmentSummaryTask (history over the
 * interval) -> the five breakdown loads, joined with the LMS profiles
 * imported by ImportAuthUserProfileTask; ImportEnrollmentsIntoMysql runs all.
 */
import { registerTask } from '../../core/index.js';
import {
  EnrollmentByBirthYearToMysqlTask,
  EnrollmentByEducationLevelMysqlTask,
  EnrollmentByGenderMysqlTask,
  EnrollmentByModeTask,
  EnrollmentDailyMysqlTask,
} from './breakdown-tables.js';
import { CourseEnrollmentTask } from './course-enrollment-task.js';
import { CourseEnrollmentEventsTask } from './events-task.js';
import { ImportAuthUserProfileTask } from './import-profile-task.js';
import { CourseEnrollmentSummaryTask } from './summary-task.js';
import { ImportEnrollmentsIntoMysql } from './workflow-task.js';

const tasks = [
  CourseEnrollmentEventsTask,
  CourseEnrollmentTask,
  CourseEnrollmentSummaryTask,
  ImportAuthUserProfileTask,
  EnrollmentDailyMysqlTask,
  EnrollmentByModeTask,
  EnrollmentByGenderMysqlTask,
  EnrollmentByBirthYearToMysqlTask,
  EnrollmentByEducationLevelMysqlTask,
  ImportEnrollmentsIntoMysql,
];
for (const task of tasks) registerTask(task);

export {
  CourseEnrollmentEventsTask,
  CourseEnrollmentTask,
  CourseEnrollmentSummaryTask,
  ImportAuthUserProfileTask,
  EnrollmentDailyMysqlTask,
  EnrollmentByModeTask,
  EnrollmentByGenderMysqlTask,
  EnrollmentByBirthYearToMysqlTask,
  EnrollmentByEducationLevelMysqlTask,
  ImportEnrollmentsIntoMysql,
};
export { enrollmentEventFromLine } from './enrollment-event.js';
export { daysEnrolled } from './days-enrolled.js';
export { enrollmentSummary } from './enrollment-summary.js';
