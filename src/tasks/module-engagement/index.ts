/**
 * edX's module engagement: per day, how often each learner attempted or
 * completed a problem, viewed a video or contributed to a discussion, into
 * table module_engagement. ModuleEngagementDataTask (one day) ->
 * ModuleEngagementMysqlTask (load the day) <- ModuleEngagementIntervalTask
 * (--interval) <- ModuleEngagementWorkflowTask (--date, the last two weeks).
 */
import { registerTask } from '../../core/index.js';
import { ModuleEngagementDataTask } from './data-task.js';
import { ModuleEngagementIntervalTask, ModuleEngagementWorkflowTask } from './interval-task.js';
import { ModuleEngagementMysqlTask } from './mysql-task.js';

registerTask(ModuleEngagementDataTask);
registerTask(ModuleEngagementMysqlTask);
registerTask(ModuleEngagementIntervalTask);
registerTask(ModuleEngagementWorkflowTask);

export { ModuleEngagementDataTask, ModuleEngagementMysqlTask, ModuleEngagementIntervalTask, ModuleEngagementWorkflowTask };
export { interactionsFromLine, type Interaction } from './engagement-event.js';
