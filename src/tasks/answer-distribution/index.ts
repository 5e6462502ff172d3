/**
 * edX's answer distribution: which answers users gave to every problem part,
 * first and last attempt, per course. Four tasks with edX's names:
 * ProblemCheckEvent (stage 1) -> AnswerDistributionPerCourse (stage 2) ->
 * AnswerDistributionOneFilePerCourseTask (CSV per course) and
 * AnswerDistributionToMySQLTaskWorkflow (table answer_distribution), both run
 * by AnswerDistributionWorkflow; plus
 * AnswerDistributionReport, the canonical text files for conformance checks.
 */
import { registerTask } from '../../core/index.js';
import { AnswerDistributionToMySQLTaskWorkflow } from './mysql-workflow-task.js';
import { AnswerDistributionOneFilePerCourseTask } from './one-file-per-course-task.js';
import { AnswerDistributionPerCourse } from './per-course-task.js';
import { ProblemCheckEvent } from './problem-check-event-task.js';
import { AnswerDistributionReport } from './report-task.js';
import { AnswerDistributionWorkflow } from './workflow-task.js';

registerTask(ProblemCheckEvent);
registerTask(AnswerDistributionPerCourse);
registerTask(AnswerDistributionOneFilePerCourseTask);
registerTask(AnswerDistributionToMySQLTaskWorkflow);
registerTask(AnswerDistributionReport);
registerTask(AnswerDistributionWorkflow);

export {
  ProblemCheckEvent,
  AnswerDistributionPerCourse,
  AnswerDistributionOneFilePerCourseTask,
  AnswerDistributionToMySQLTaskWorkflow,
  AnswerDistributionReport,
  AnswerDistributionWorkflow,
};
