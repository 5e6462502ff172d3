import { join } from 'node:path';
import { DirectoryTarget } from '../../targets/index.js';
import { DayPartitionedTable } from '../warehouse/index.js';

/** Counter group of every user-activity count in the run summary (edX's group name). */
export const COUNTERS = 'UserActivity';

/** edX's `user_activity_by_user`: per day, lines `user_id course_id date label count`. */
export function userActivityTable(warehousePath: string): DayPartitionedTable {
  return new DayPartitionedTable(warehousePath, 'user_activity_by_user', (day) => `user_activity_${day}`);
}

/**
 * edX's `course_activity` partition for an end date. The number of weeks is
 * part of the folder (edX kept only the date), so a run with other --weeks
 * never reuses a partition computed for different weeks.
 */
export function courseActivityPartition(warehousePath: string, endDate: string, weeks: number): DirectoryTarget {
  return new DirectoryTarget(join(warehousePath, 'course_activity', `dt=${endDate}`, `weeks=${weeks}`));
}
