import {
  eventTimestampOf,
  getCourseId,
  getEventData,
  isPyDict,
  parseEventInInterval,
  pyGet,
  pythonFloat,
  pythonStrip,
  PyFloat,
  type PyDict,
  type PyValue,
} from '../../eventlog/parse/index.js';

export const VIDEO_PLAYED = 'play_video';
export const VIDEO_PAUSED = 'pause_video';
export const VIDEO_SEEK = 'seek_video';
export const VIDEO_STOPPED = 'stop_video';
const VIDEO_EVENT_TYPES = new Set([VIDEO_PLAYED, VIDEO_PAUSED, VIDEO_SEEK, VIDEO_STOPPED]);
/** Every line holding one of the event types above holds this text: a cheap first test. */
export const VIDEO_EVENT_MINIMUM_STRING = '_video';
/** Offsets above 10 hours are nonsense from broken players. */
const VIDEO_MAXIMUM_DURATION = 3600 * 10;
export const VIDEO_UNKNOWN_DURATION = -1;

/** One usable video event: key = who watched what, value = what happened when. */
export interface VideoEvent {
  userId: number;
  courseId: string;
  moduleId: string;
  timestamp: string;
  eventType: string;
  currentTime: number;
  /** Only for seek_video: where the seek started. */
  oldTime: number | null;
  duration: number;
}

export type VideoEventResult = { event: VideoEvent } | { drop: string } | { ignore: true };

/**
 * edX UserVideoViewingTask.mapper (video.py) for one log line. `inInterval`
 * is the task's date filter on the event's day. `ignore` = not a video event
 * (not worth a counter); `drop` names why a video event (or a line) is unusable.
 */
export function videoEventFromLine(line: string, inInterval: (day: string) => boolean): VideoEventResult {
  if (!line.includes(VIDEO_EVENT_MINIMUM_STRING)) return looksLikeEvent(line) ? { ignore: true } : { drop: 'Discard Unparseable Event' };
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return dated;
  const raw = dated.event;
  const eventType = pyGet(raw, 'event_type');
  if (eventType === undefined || eventType === null) return { drop: 'Discard Missing Event Type' };
  if (typeof eventType !== 'string' || !VIDEO_EVENT_TYPES.has(eventType)) return { ignore: true };
  const timestamp = eventTimestampOf(raw);
  if (timestamp === null) return { drop: 'Discard Video Bad Timestamp' };
  const userId = userIdOf(raw);
  if (userId === null) return { drop: 'Discard Video Missing user_id' };
  const course = getCourseId(raw, { fromUrl: true });
  if (!('courseId' in course)) return { drop: 'Discard Video Missing course_id' };
  const data = getEventData(raw);
  if (!('data' in data)) return { drop: 'Discard Video Missing Event Data' };
  const id = pyGet(data.data, 'id') ?? '';
  const moduleId = typeof id === 'string' ? pythonStrip(id) : '';
  if (moduleId === '') return { drop: 'Discard Video Missing encoded_module_id' };
  const times = offsets(eventType, data.data);
  if (times === null) return { drop: 'Discard Video Missing Or Invalid Time' };
  return { event: { userId, courseId: course.courseId, moduleId, timestamp, eventType, ...times, duration: durationOf(data.data) } };
}

// A blank line or a `# comment` is not an event at all; anything starting with `{` may be one.
function looksLikeEvent(line: string): boolean {
  return line.trimStart().startsWith('{');
}

function userIdOf(event: PyDict): number | null {
  const context = pyGet(event, 'context');
  const value = isPyDict(context) ? pyGet(context, 'user_id') : undefined;
  // edX: int(user_id), so 42, 42.0 and "42" are the same user; 0 and "" are no user.
  const n = value instanceof PyFloat ? value.value : value;
  if (typeof n === 'number') return Number.isInteger(n) && n !== 0 ? n : null;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) && Number(value) !== 0) return Number(value);
  return null;
}

function offsets(eventType: string, data: PyDict): { currentTime: number; oldTime: number | null } | null {
  if (eventType === VIDEO_SEEK) {
    const currentTime = timeOffset(pyGet(data, 'new_time'));
    const oldTime = timeOffset(pyGet(data, 'old_time'));
    return currentTime === null || oldTime === null ? null : { currentTime, oldTime };
  }
  // A pause at the very start may carry no currentTime: edX takes 0.
  const given = pyGet(data, 'currentTime');
  const currentTime = timeOffset(eventType === VIDEO_PAUSED && given === undefined ? 0 : given);
  return currentTime === null ? null : { currentTime, oldTime: null };
}

/** edX _check_time_offset: a float in [0, 10 h], not NaN or infinite. */
export function timeOffset(value: PyValue | undefined): number | null {
  let n: number | null = null;
  if (typeof value === 'number') n = value;
  else if (value instanceof PyFloat) n = value.value;
  else if (typeof value === 'boolean') n = value ? 1 : 0;
  else if (typeof value === 'string') n = pythonFloat(value);
  if (n === null || Number.isNaN(n) || !Number.isFinite(n) || n > VIDEO_MAXIMUM_DURATION || n < 0) return null;
  return n;
}

/** The video table's duration column is an INT: one event claiming a longer video would fail the whole load. */
const LARGEST_STORABLE_DURATION = 2 ** 31 - 1;

// `duration` is optional (mobile players send it); missing, null, 0, unreadable or too large to store = unknown.
function durationOf(data: PyDict): number {
  const value = pyGet(data, 'duration');
  const n = typeof value === 'number' ? value : value instanceof PyFloat ? value.value : typeof value === 'string' ? pythonFloat(value) : null;
  return n === null || n === 0 || !Number.isFinite(n) || n > LARGEST_STORABLE_DURATION ? VIDEO_UNKNOWN_DURATION : n;
}
