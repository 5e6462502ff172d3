import { WrapperTask } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
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
  declare overwrite: boolean;
  #ran = false;

  constructor(params?: Record<string, unknown>) {
    super(withProblemResponseDefaults(params));
  }

  /** With --overwrite a fresh report task is never complete before it runs: this run decides, not a new instance. */
  override async complete(): Promise<boolean> {
    return this.overwrite ? this.#ran : super.complete();
  }

  override async run(): Promise<void> {
    this.#ran = true;
  }

  override requires(): ProblemResponseReportTask {
    return this.clone(ProblemResponseReportTask);
  }
}
