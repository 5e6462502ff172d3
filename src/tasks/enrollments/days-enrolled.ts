import { addDays } from '../../core/index.js';
import { compareUtf8 } from '../../mapreduce/index.js';
import { ACTIVATED, DEACTIVATED, MODE_CHANGED } from './enrollment-event.js';

/** One user's events in one course: `[timestamp, event_type, mode]`. */
export type EnrollmentEventValue = [timestamp: string, eventType: string, mode: string];

/** A day of one user in one course: `date course_id user_id at_end change mode` (edX's course_enrollment table). */
export type DayRecord = [date: string, courseId: string, userId: string, atEnd: 0 | 1, change: -1 | 0 | 1, mode: string];

/**
 * edX's tuple order (timestamp, then type, then mode), compared as Python
 * compares str: by code point (UTF-8 bytes), not by JavaScript's UTF-16 units.
 * Ties on the timestamp are thus settled by the type (activated <
 * deactivated < mode_changed), then the mode.
 */
export function sortEvents(events: Iterable<EnrollmentEventValue>): EnrollmentEventValue[] {
  return [...events].sort((a, b) => compareUtf8(a[0], b[0]) || compareUtf8(a[1], b[1]) || compareUtf8(a[2], b[2]));
}

/**
 * edX `DaysEnrolledForEvents`: from the day of a user's first event up to
 * the end of the interval, one record per day with whether they were
 * enrolled at the end of it, the change since the day before, and the mode
 * of the latest event. Counts go to `count(name)` under edX's names.
 */
export function* daysEnrolled(
  courseId: string,
  userId: string,
  intervalEnd: string,
  values: Iterable<EnrollmentEventValue>,
  count: (name: string) => void,
): Generator<DayRecord> {
  const events = sortEvents(values).map(([timestamp, type, mode]) => ({ day: timestamp.split('T')[0]!, type, mode }));
  if (events.length === 0) return;
  if (events[0]!.type === DEACTIVATED) count('Quality First Event Is Unenrollment');
  else if (events[0]!.type === MODE_CHANGED) count('Quality First Event Is Mode Change');
  events.push({ day: intervalEnd, type: '', mode: '' }); // the end of the interval, as edX's sentinel event
  let state: 0 | 1 = 0;
  let previous: 0 | 1 = 0;
  let mode = 'unknown';
  for (let i = 0; i + 1 < events.length; i++) {
    const event = events[i]!;
    if (state === 1 && event.type === DEACTIVATED) {
      state = 0;
      count('Subset Unenrollment');
    } else if (state === 0 && event.type === ACTIVATED) {
      state = 1;
      count('Subset Enrollment');
    } else if (event.type === MODE_CHANGED) {
      count(mode === event.mode ? 'Subset Unchanged Mode' : 'Subset Mode Change');
    } else count(`Subset Unchanged Already ${state === 1 ? 'Enrolled' : 'Unenrolled'}`);
    mode = event.mode;
    const next = events[i + 1]!;
    if (event.day === next.day) continue;
    const change = (state - previous) as -1 | 0 | 1;
    for (let day = event.day; day < next.day; day = addDays(day, 1)) yield [day, courseId, userId, state, day === event.day ? change : 0, mode];
    previous = state;
  }
}
