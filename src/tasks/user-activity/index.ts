/**
 * edX's weekly course activity: how many distinct users were active, tried
 * a problem, played a video or posted in the forum, per course and ISO week.
 * UserActivityTask (daily warehouse partitions from raw logs) ->
 * CourseActivityPartitionTask (weekly counts) ->
 * InsertToMysqlCourseActivityTask (table course_activity).
 */
import { registerTask } from '../../core/index.js';
import { CourseActivityPartitionTask } from './course-activity-partition-task.js';
import { InsertToMysqlCourseActivityTask } from './insert-task.js';
import { UserActivityTask } from './user-activity-task.js';

registerTask(UserActivityTask);
registerTask(CourseActivityPartitionTask);
registerTask(InsertToMysqlCourseActivityTask);

export { UserActivityTask, CourseActivityPartitionTask, InsertToMysqlCourseActivityTask };
export { activityFromLine } from './activity-labels.js';
export { weeklyInterval, isoWeekOf } from './weekly-interval.js';
