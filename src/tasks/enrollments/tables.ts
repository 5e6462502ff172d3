import { join } from 'node:path';
import { DirectoryTarget } from '../../targets/index.js';
import { DayPartitionedTable } from '../warehouse/index.js';

/** edX's `course_enrollment_events`: per day, lines `course_id user_id timestamp event_type mode`. */
export function enrollmentEventsTable(warehousePath: string): DayPartitionedTable {
  return new DayPartitionedTable(warehousePath, 'course_enrollment_events', (day) => `course_enrollment_events_${day}`);
}

/** A warehouse partition named by the end of the interval, as edX's Hive partitions are (`<table>/dt=END/part-*`). */
export function endPartition(warehousePath: string, table: string, end: string): DirectoryTarget {
  return new DirectoryTarget(join(warehousePath, table, `dt=${end}`));
}
