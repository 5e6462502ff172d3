/**
 * edX's monitoring count of events per day: TotalEventsDailyTask
 * (map/reduce over the tracking logs) -> TotalEventsReportWorkflow (CSV).
 */
import { registerTask } from '../../core/index.js';
import { TotalEventsDailyTask } from './daily-task.js';
import { TotalEventsReportWorkflow } from './report-workflow-task.js';

registerTask(TotalEventsDailyTask);
registerTask(TotalEventsReportWorkflow);

export { TotalEventsDailyTask, TotalEventsReportWorkflow };
export { eventDayOf, type EventDayResult } from './event-day.js';
export { parseCountLine, renderTotalEventsReport, type DayCount } from './counts-report.js';
