import { addDays, isoDayToMs, type DateInterval } from '../../core/index.js';

export const INTERVAL_TYPES = ['daily', 'weekly', 'all'] as const;
export type IntervalType = (typeof INTERVAL_TYPES)[number];

/**
 * The day an event's engagement is reported under (edX StudentEngagementTask's
 * `date_grouping_key`): `daily`, the event's own day; `all`, the last day of
 * the interval; `weekly`, the end of the event's week, where weeks end on the
 * weekday of the interval's last day (so the last week ends with the interval).
 */
export function engagementEndDate(intervalType: IntervalType, interval: DateInterval, day: string): string {
  if (intervalType === 'daily') return day;
  const lastDay = addDays(interval.end, -1);
  if (intervalType === 'all') return lastDay;
  const daysUntilEnd = (weekday(lastDay) - weekday(day) + 7) % 7;
  return addDays(day, daysUntilEnd);
}

function weekday(day: string): number {
  return new Date(isoDayToMs(day)).getUTCDay();
}
