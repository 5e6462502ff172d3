import { addDays, isoDayToMs, type DateInterval } from '../../core/index.js';
import type { IntervalType } from './end-date.js';
import { SUMMARY_COLUMNS } from './engagement-summary.js';
import type { LmsLookup } from './lms-lookup.js';

/** The figures of a learner enrolled but not active: zeros and no subsection (edX's COALESCE(..., 0) and ''). */
export const NO_ENGAGEMENT: readonly string[] = SUMMARY_COLUMNS.map((c) => (c === 'last_subsection_viewed' ? '' : '0'));

/**
 * Whether a day of the enrollment history (course_enrollment) gets a report
 * row, as edX's joined table chose them: learners enrolled at the end of the
 * day, on every day of --interval (daily), on the interval's days that fall
 * on the weekday of its last day (weekly: the end of each week), or on its
 * last day only (all).
 */
export function isReportDay(intervalType: IntervalType, interval: DateInterval, day: string): boolean {
  const lastDay = addDays(interval.end, -1);
  if (intervalType === 'all') return day === lastDay;
  if (day < interval.start || day > lastDay) return false;
  return intervalType === 'daily' || weekday(day) === weekday(lastDay);
}

function weekday(day: string): number {
  return new Date(isoDayToMs(day)).getUTCDay();
}

/** One (end date, course) of the report: who was enrolled (user ids) and what the active learners did (by username). */
export interface ReportGroup {
  enrolledUserIds: string[];
  activeByUsername: Map<string, readonly string[]>;
}

/** The rows of one course's file for one end date, and what the join had to leave out (counted by the caller). */
export interface JoinedRows {
  rows: string[][];
  /** Enrolled user ids auth_user does not know (edX's inner join dropped them). */
  unknownUsers: number;
  /** Active learners not enrolled at the end of that day (edX's report lists enrolled learners only). */
  activeNotEnrolled: number;
}

/**
 * edX's JoinedStudentEngagementTableTask for one (end date, course): a row
 * per enrolled learner known to auth_user (per cohort membership), with
 * their email, cohort name ('' for none) and engagement figures, zeros for
 * learners with no activity. Rows: username, email, cohort, figures.
 */
export function joinReportGroup(courseId: string, group: ReportGroup, lms: LmsLookup): JoinedRows {
  const out: JoinedRows = { rows: [], unknownUsers: 0, activeNotEnrolled: 0 };
  const reported = new Set<string>();
  for (const userId of new Set(group.enrolledUserIds)) {
    const user = lms.users.get(userId);
    if (!user) {
      out.unknownUsers++;
      continue;
    }
    reported.add(user.username);
    const figures = group.activeByUsername.get(user.username) ?? NO_ENGAGEMENT;
    for (const cohort of lms.cohorts.get(`${userId}\t${courseId}`) ?? ['']) out.rows.push([user.username, user.email, cohort, ...figures]);
  }
  for (const username of group.activeByUsername.keys()) if (!reported.has(username)) out.activeNotEnrolled++;
  return out;
}
