import type { DirectoryTarget } from '../../targets/index.js';
import { endPartition } from '../enrollments/tables.js';
import { DayPartitionedTable } from '../warehouse/index.js';

/** edX's `last_ip_of_user_id`: per day, lines `timestamp ip_address user_id course_id` (course `\N` when none). */
export function lastIpTable(warehousePath: string): DayPartitionedTable {
  return new DayPartitionedTable(warehousePath, 'last_ip_of_user_id', (day) => `last_ip_of_user_${day}`);
}

/** edX's `last_country_of_user_id/dt=END/`: part files of lines `country_name country_code user_id`. */
export function lastCountryPartition(warehousePath: string, end: string): DirectoryTarget {
  return endPartition(warehousePath, 'last_country_of_user_id', end);
}
