import { ACTIVATED, DEACTIVATED, MODE_CHANGED } from './enrollment-event.js';
import { sortEvents, type EnrollmentEventValue } from './days-enrolled.js';

/** A summary cell: text, or null (written `\N` in the warehouse). */
export type SummaryCell = string | null;

/** `2014-08-01T17:09:59.941616` -> `2014-08-01 17:09:59.941616` (edX DateTimeField: always 6 decimals). */
export function warehouseDateTime(iso: string): string {
  const text = iso.includes('T') ? iso.replace('T', ' ') : `${iso} 00:00:00`;
  return text.includes('.') ? text : `${text}.000000`;
}

/**
 * edX `CourseEnrollmentSummaryTask.reducer`: one row per user and course:
 * course_id, user_id, current mode, currently active (1/0), first mode,
 * first enrollment, last unenrollment, first verified and first credit
 * enrollment, end of the interval. A user without any activation is dropped
 * (counted): edX throws such records away.
 */
export function enrollmentSummary(
  courseId: string,
  userId: string,
  intervalEnd: string,
  values: Iterable<EnrollmentEventValue>,
  count: (name: string) => void,
): SummaryCell[] | undefined {
  let state = 0;
  let firstEnroll: EnrollmentEventValue | undefined;
  let lastUnenroll: EnrollmentEventValue | undefined;
  let mode: string | undefined;
  const firstByMode = new Map<string, EnrollmentEventValue>();
  for (const event of sortEvents(values)) {
    const [, type, eventMode] = event;
    if (state === 1 && type === DEACTIVATED) {
      count('Subset Unenrollment');
      state = 0;
      lastUnenroll = event;
      if (eventMode !== mode) count('Deactivation Mode Changed');
    } else if ((state === 0 && type === ACTIVATED) || (state === 1 && type === MODE_CHANGED)) {
      if (type === ACTIVATED) {
        count('Subset Enrollment');
        state = 1;
        firstEnroll ??= event;
      } else count(eventMode === mode ? 'Subset Unchanged Mode' : 'Subset Mode Change');
      mode = eventMode;
      if (!firstByMode.has(eventMode)) firstByMode.set(eventMode, event);
    } else count(unchangedCounter(state, type, eventMode === mode));
  }
  if (firstEnroll === undefined) return void count('Discard User_Course With Missing Enrollment Event');
  const id = pythonInt(userId);
  // edX crashed on these: int() refused the text, or its IntegerField the long.
  if (id === undefined) return void count('Discard User_Course With Non-Integer user_id');
  if (id === null) return void count('Discard User_Course With user_id Past 64 Bits');
  const time = (event: EnrollmentEventValue | undefined) => (event ? warehouseDateTime(event[0]) : null);
  return [
    courseId,
    id,
    mode ?? null,
    state === 1 ? '1' : '0',
    firstEnroll[2],
    time(firstEnroll),
    time(lastUnenroll),
    time(firstByMode.get('verified')),
    time(firstByMode.get('credit')),
    warehouseDateTime(intervalEnd),
  ];
}

function unchangedCounter(state: number, type: string, sameMode: boolean): string {
  if (state === 1 && type === ACTIVATED) return sameMode ? 'Subset Unchanged Already Enrolled' : 'Subset Unchanged Enrolled Activation Mode Change';
  if (state === 0 && type === DEACTIVATED) return 'Subset Unchanged Already Unenrolled';
  if (state === 0 && type === MODE_CHANGED) return 'Subset Unchanged Unenrolled Mode Change';
  return 'Subset Unchanged';
}

const INT64_MAX = BigInt('9223372036854775807');

/**
 * Python 2's int() of the user_id text (blanks around, a sign, ASCII digits),
 * exactly (a Number would round ids past 2^53); undefined when int() refuses
 * it, null when it is a long (past 64 bits), which edX's IntegerField refuses.
 */
function pythonInt(text: string): string | null | undefined {
  const match = /^[ \t\n\r\v\f]*([+-]?\d+)[ \t\n\r\v\f]*$/.exec(text);
  if (!match) return undefined;
  const value = BigInt(match[1]!);
  return value > INT64_MAX || value < -INT64_MAX - 1n ? null : value.toString();
}
