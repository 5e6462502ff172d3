import { addDays, DateInterval } from '../../core/index.js';

/**
 * edX's WeeklyIntervalMixin: `--weeks` whole ISO weeks ending at the Monday
 * that starts the week of `--end-date`. That week is left out because it is
 * not over yet: end date 2014-07-01 (a Tuesday), 6 weeks ->
 * [2014-05-19, 2014-06-30).
 */
export function weeklyInterval(endDate: string, weeks: number): DateInterval {
  const weekday = (new Date(`${endDate}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  const end = addDays(endDate, -weekday);
  return DateInterval.between(addDays(end, -7 * weeks), end);
}

/** The Monday that starts the ISO week of `day`, and the Monday after: the calendar table's iso_week_start/end. */
export function isoWeekOf(day: string): { start: string; end: string } {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(day, -weekday);
  return { start, end: addDays(start, 7) };
}
