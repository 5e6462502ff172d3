/**
 * edX's data-API student engagement: per learner and course, what they did
 * each day, week or over the whole interval. StudentEngagementTask
 * (map/reduce over the tracking logs) + the enrollment history + the LMS imports -> StudentEngagementCsvFileTask (per-course
 * CSVs) and StudentEngagementToMysqlTask (table student_engagement_<type>).
 */
import { registerTask } from '../../core/index.js';
import { StudentEngagementCsvFileTask } from './csv-file-task.js';
import { ImportAuthUserTask, ImportCourseUserGroupTask, ImportCourseUserGroupUsersTask } from './lms-import.js';
import { StudentEngagementToMysqlTask } from './mysql-task.js';
import { StudentEngagementTask } from './student-engagement-task.js';

registerTask(StudentEngagementTask);
registerTask(StudentEngagementCsvFileTask);
registerTask(StudentEngagementToMysqlTask);
registerTask(ImportAuthUserTask);
registerTask(ImportCourseUserGroupTask);
registerTask(ImportCourseUserGroupUsersTask);

export { StudentEngagementTask, StudentEngagementCsvFileTask, StudentEngagementToMysqlTask };
export { ImportAuthUserTask, ImportCourseUserGroupTask, ImportCourseUserGroupUsersTask };
export { joinLms, readLmsLookup, type LmsLookup, type LmsUser } from './lms-lookup.js';
export { isReportDay, joinReportGroup, NO_ENGAGEMENT, type JoinedRows, type ReportGroup } from './enrollment-join.js';
export { rawEngagementRoot } from './student-engagement-task.js';
export { engagementEndDate, INTERVAL_TYPES, type IntervalType } from './end-date.js';
export { engagementFromLine, SUBSECTION_VIEWED, type EngagementInfo, type EngagementRecord, type EngagementResult } from './engagement-record.js';
export { summarizeEngagement, SUMMARY_COLUMNS, type EngagementSummary, type EngagementValue } from './engagement-summary.js';
export { engagementCsv, engagementCsvHeader, engagementCsvPath } from './engagement-csv.js';
