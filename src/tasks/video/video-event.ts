import {
  eventTimestampOf,
  getCourseId,
  getEventData,
  isPyDict,
  isTruthy,
  parseEventInInterval,
  pyGet,
  pythonFloat,
  pythonIntText,
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
  /** Python `str(int(context.user_id))`: text, so ids beyond 2^53 stay exact. */
  userId: string;
  courseId: string;
  moduleId: string;
  timestamp: string;
  eventType: string;
  currentTime: number;
  /** Only for seek_video: where the seek started. */
  oldTime: number | null;
  /** play_video's `code` unless it is html5/mobile/hls; edX sorts events on it (between old_time and duration). */
  youtubeId: string | null;
  /** Seconds, VIDEO_UNKNOWN_DURATION, or null: a value edX could not compute with (see durationOf). */
  duration: number | null;
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
  const youtubeId = eventType === VIDEO_PLAYED ? youtubeIdOf(pyGet(data.data, 'code')) : null;
  // edX crashes on these (`.encode` of a number, an unhashable list): we skip and count.
  if (youtubeId === undefined) return { drop: 'Discard Video Code Not A String' };
  const duration = durationOf(data.data);
  // NaN/Infinity do not survive edX's repr -> eval between mapper and reducer: it crashes there.
  if (duration !== null && !Number.isFinite(duration)) return { drop: 'Discard Video NaN Or Infinite Duration' };
  return { event: { userId, courseId: course.courseId, moduleId, timestamp, eventType, ...times, youtubeId, duration } };
}

// A blank line or a `# comment` is not an event at all; anything starting with `{` may be one.
function looksLikeEvent(line: string): boolean {
  return line.trimStart().startsWith('{');
}

/**
 * edX: `user_id = context.get('user_id')`; falsy -> no user; else `int(user_id)`.
 * So 42, 42.0 and "42" are one user, 42.9 is 42 (int() truncates), the text "0"
 * is user 0 (a non-empty string is truthy), and true stays `True` (bool is an int).
 * Where int() raises ("42.0", NaN, a list) edX crashes; we return null (counted).
 */
function userIdOf(event: PyDict): string | null {
  const context = pyGet(event, 'context');
  const value = isPyDict(context) ? pyGet(context, 'user_id') : undefined;
  if (!isTruthy(value)) return null;
  // edX converts only what is not already an int, and a bool is one: true is written as True.
  if (value === true) return 'True';
  return pythonIntText(value!);
}

const VIDEO_CODES = new Set(['html5', 'mobile', 'hls']);

/** edX: a play's `code` not in VIDEO_CODES is a YouTube id; undefined where edX would crash on it. */
function youtubeIdOf(code: PyValue | undefined): string | null | undefined {
  if (code === undefined || code === null) return null;
  if (typeof code !== 'string') return undefined;
  return VIDEO_CODES.has(code) ? null : code;
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

/**
 * `duration` is optional (mobile players send it). edX: a falsy value (missing,
 * null, 0, "", []) is unknown; a number is kept. Anything else (a string such as
 * "300", true, a list) passes edX's mapper but crashes its reducer when a viewing
 * it started is closed (`duration + 1`): null here, and such viewings are counted
 * and skipped. NaN/Infinity are returned as is (the caller skips the event).
 * A huge duration is kept (usage.ts stores it as NULL, as Hive reads an INT overflow).
 */
function durationOf(data: PyDict): number | null {
  const value = pyGet(data, 'duration');
  if (!isTruthy(value)) return VIDEO_UNKNOWN_DURATION;
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' ? value : value instanceof PyFloat ? value.value : null;
}
