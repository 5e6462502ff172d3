/**
 * edX's video engagement: viewings of every video cut into 5-second
 * segments, into tables video_timeline and video. Tasks with edX's names:
 * UserVideoViewingTask (raw logs -> viewings) -> UserVideoViewingByDateTask
 * (per-day history) -> VideoUsageTask (segments) -> InsertToMysqlVideoTimelineTask
 * and InsertToMysqlVideoTask, both run by InsertToMysqlAllVideoTask.
 */
import { registerTask } from '../../core/index.js';
import { InsertToMysqlAllVideoTask } from './all-video-task.js';
import { UserVideoViewingTask } from './user-video-viewing-task.js';
import { UserVideoViewingByDateTask } from './viewing-by-date-task.js';
import { InsertToMysqlVideoTask, InsertToMysqlVideoTimelineTask } from './video-load-tasks.js';
import { VideoUsageTask } from './video-usage-task.js';

registerTask(UserVideoViewingTask);
registerTask(UserVideoViewingByDateTask);
registerTask(VideoUsageTask);
registerTask(InsertToMysqlVideoTimelineTask);
registerTask(InsertToMysqlVideoTask);
registerTask(InsertToMysqlAllVideoTask);

export { UserVideoViewingTask, UserVideoViewingByDateTask, VideoUsageTask, InsertToMysqlVideoTimelineTask, InsertToMysqlVideoTask, InsertToMysqlAllVideoTask };
export { videoUsage, segmentOf, type SegmentUsage, type ViewingSpan } from './usage.js';
export { viewingsOf, type Viewing, type TimedVideoEvent } from './viewings.js';
export { videoEventFromLine, type VideoEvent } from './video-event.js';
