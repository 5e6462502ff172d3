import { WrapperTask } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { passParams } from '../video/pass-params.js';
import { withProblemResponseDefaults } from './parameters.js';
import { ProblemResponseReportTask, reportParameters } from './report-task.js';

/**
 * edX ProblemResponseReportWorkflow (entry point `problem_response`): the
 * per-course problem response reports, from the tracking logs of
 * --interval (or --interval-start/--interval-end) and the course structure
 * of --datetime's partition.
 */
export class ProblemResponseReportWorkflow extends WithEventLogSelection(WrapperTask) {
  static override description = 'Per-course CSV reports of the latest problem responses (edX problem_response entry point).';
  static override parameters = reportParameters;

  constructor(params?: Record<string, unknown>) {
    super(withProblemResponseDefaults(params));
  }

  override requires(): ProblemResponseReportTask {
    return new ProblemResponseReportTask(passParams(ProblemResponseReportTask, this));
  }
}
