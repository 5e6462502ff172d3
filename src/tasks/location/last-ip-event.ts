import {
  eventTimestampOf,
  getCourseId,
  isPyDict,
  isTruthy,
  parseEventInInterval,
  pyGet,
  pythonIntText,
  pythonStr,
  type PyValue,
} from '../../eventlog/parse/index.js';
import { breaksTabSeparatedLine } from '../warehouse/field-checks.js';

/** A user seen at an address on a day: one value of edX's LastDailyIpAddressOfUserTask mapper. */
export interface IpSighting {
  date: string;
  userId: string;
  /** The event's course, or null (edX: "it's okay if it isn't" there). */
  courseId: string | null;
  timestamp: string;
  ip: string;
}

/** Why a line gives no sighting: each is a named counter of the run. */
export type IpSightingDrop =
  | 'Discard Unparseable Event'
  | 'Discard Missing Time Field'
  | 'Discard Outside Date Interval'
  | 'Discard Missing User ID'
  | 'Discard event with malformed user_id'
  | 'Discard Bad Timestamp'
  | 'Discard Missing IP Address'
  | 'Discard IP Address With Tab Or Newline';

/**
 * edX `LastDailyIpAddressOfUserTask.mapper`: every event of a known user
 * (context.user_id, as Python's int() reads it) with a parseable timestamp and
 * an `ip`. edX returns silently on a missing user, timestamp or ip; we count
 * each. The address is kept as written: whether it is one is the country
 * lookup's business (edX: an unknown country, not a lost user).
 */
export function ipSightingFromLine(line: string, inInterval: (day: string) => boolean): IpSighting | { drop: IpSightingDrop } {
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return dated;
  const { event, date } = dated;
  const context = pyGet(event, 'context');
  const rawUser = isPyDict(context) ? pyGet(context, 'user_id') : undefined;
  if (!isTruthy(rawUser)) return { drop: 'Discard Missing User ID' };
  const userId = pythonIntText(rawUser!);
  if (userId === null) return { drop: 'Discard event with malformed user_id' };
  const timestamp = eventTimestampOf(event);
  if (timestamp === null) return { drop: 'Discard Bad Timestamp' };
  const rawIp = pyGet(event, 'ip');
  if (!isTruthy(rawIp)) return { drop: 'Discard Missing IP Address' };
  const ip = pythonStr(rawIp);
  if (breaksTabSeparatedLine(ip)) return { drop: 'Discard IP Address With Tab Or Newline' };
  const course = getCourseId(event);
  // A valid course key holds no tab or newline, so the day file's line stays four fields.
  return { date, userId, courseId: 'courseId' in course ? course.courseId : null, timestamp, ip };
}

