import { WrapperTask } from '../../core/index.js';
import { AnswerDistributionToMySQLTaskWorkflow } from './mysql-workflow-task.js';
import { AnswerDistributionOneFilePerCourseTask } from './one-file-per-course-task.js';
import { srcFallback } from './parameters.js';

/**
 * edX `AnswerDistributionWorkflow`: both consumers of one run, the CSV files
 * under --output-root and the table answer_distribution, sharing stages 1 and 2.
 */
export class AnswerDistributionWorkflow extends WrapperTask {
  static override description = 'Answer distribution to per-course CSV files and to table answer_distribution, from one computation.';
  static override parameters = {
    ...AnswerDistributionToMySQLTaskWorkflow.parameters,
    ...AnswerDistributionOneFilePerCourseTask.parameters,
  };

  override requires(): [AnswerDistributionOneFilePerCourseTask, AnswerDistributionToMySQLTaskWorkflow] {
    return [
      this.clone(AnswerDistributionOneFilePerCourseTask, srcFallback(this)),
      this.clone(AnswerDistributionToMySQLTaskWorkflow, srcFallback(this)),
    ];
  }
}
