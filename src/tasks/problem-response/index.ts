/**
 * edX's problem response reports: LatestProblemResponseDataTask (latest
 * answers from the tracking logs) and CourseBlocksApiDataTask (course
 * structure) feed ProblemResponseReportTask (one CSV per course), run by
 * ProblemResponseReportWorkflow.
 */
import { registerTask } from '../../core/index.js';
import { CourseBlocksApiDataTask } from './course-blocks-task.js';
import { LatestProblemResponseDataTask } from './latest-data-task.js';
import { ProblemResponseReportTask } from './report-task.js';
import { ProblemResponseReportWorkflow } from './workflow-task.js';

registerTask(LatestProblemResponseDataTask);
registerTask(CourseBlocksApiDataTask);
registerTask(ProblemResponseReportTask);
registerTask(ProblemResponseReportWorkflow);

export { LatestProblemResponseDataTask, CourseBlocksApiDataTask, ProblemResponseReportTask, ProblemResponseReportWorkflow };
export { courseBlocksOf, type CourseBlock, type BlockPathOptions } from './course-blocks.js';
export { latestResponseRecords, responseEventFromLine, type ResponseRecord } from './latest-response.js';
export { courseReportCsv, locate, RECORD_FIELDS, type LocatedRecord, type ReportFormat } from './report.js';
