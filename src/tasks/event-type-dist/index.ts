/**
 * edX's event type distribution (monitoring): events per day, event type and
 * event source, flagged against a known events list.
 * EventTypeDistributionTask (map/reduce) -> EventTypeDistributionWorkflow (load).
 */
import { registerTask } from '../../core/index.js';
import { EventTypeDistributionTask } from './distribution-task.js';
import { EventTypeDistributionWorkflow } from './load-workflow-task.js';

registerTask(EventTypeDistributionTask);
registerTask(EventTypeDistributionWorkflow);

export { EventTypeDistributionTask, EventTypeDistributionWorkflow };
export { KnownEvents, loadKnownEvents, parseKnownEvents, KNOWN_EVENTS_FLAG } from './known-events.js';
export { eventTypeRecordOf, IMPLICIT_SKIP, UNKNOWN_CATEGORY, type EventTypeRecord, type EventTypeResult, type EventTypeDrop } from './event-type-record.js';
export { backslashDecode, backslashEncode, formatDistributionLine, parseDistributionLine, type EventTypeCount } from './distribution-line.js';
