import { getCourseId, getEventData, isTruthy, parseEventInInterval, pyGet, pythonStrip, type PyDict, type PyValue } from '../../eventlog/parse/index.js';
import { breaksTabSeparatedLine, exceedsColumn } from '../warehouse/field-checks.js';
import { longerThan } from '../../core/index.js';
import { subsectionViewOf } from './subsection-view.js';

/** edX's stand-in event type for "viewed a courseware subsection" (SUBSECTION_VIEWED_MARKER). */
export const SUBSECTION_VIEWED = 'marker:last_subsection_viewed';

/** What the reducer needs of one event: correct (problems), vote (forum votes), path + timestamp (subsection views). */
export interface EngagementInfo {
  correct?: true;
  vote?: 'up' | 'down';
  undo?: boolean;
  path?: string;
  timestamp?: string;
}

/** One map output: the user's engagement key and what the event adds to it. */
export interface EngagementRecord {
  endDate: string;
  courseId: string;
  username: string;
  /** The problem or video the event is about ('' for others): distinct ones are counted. */
  entityId: string;
  eventType: string;
  info: EngagementInfo;
  /** The event's own day (days active). */
  date: string;
}

export type EngagementResult = { records: EngagementRecord[]; notes: string[] } | { drop: string };

/**
 * edX StudentEngagementTask.mapper (data_api/student_engagement.py): any
 * event in --interval of a named user in a course counts as activity; server
 * problem_check, play_video, courseware subsection views, forum posts and
 * votes and textbook pages count more (see the reducer). A forum vote also
 * gives a record to the author voted on. Where edX crashed (a username or
 * event type that is not text...), the event is dropped with a reason.
 * `notes` name what was left out of a kept event (a vote with no author).
 */
export function engagementFromLine(line: string, inInterval: (day: string) => boolean, endDateOf: (day: string) => string): EngagementResult {
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return dated;
  const { event, date } = dated;
  const rawUsername = withDefault(pyGet(event, 'username'), '');
  if (typeof rawUsername !== 'string') return { drop: 'Discard Username Not Text' };
  const username = pythonStrip(rawUsername);
  if (username === '') return { drop: 'Discard Missing Username' };
  const eventType = pyGet(event, 'event_type');
  if (eventType === undefined || eventType === null) return { drop: 'Discard Missing Event Type' };
  if (typeof eventType !== 'string') return { drop: 'Discard Event Type Not Text' };
  const course = getCourseId(event);
  if (!('courseId' in course)) return { drop: 'skip' in course && course.skip === 'invalid-course-id' ? 'Discard Invalid Course Id' : 'Discard Missing Course Id' };
  const data = getEventData(event);
  if (!('data' in data)) return { drop: 'Discard Missing Event Data' };
  // username and course_id become fields of tab-separated lines and VARCHAR(255) columns.
  if (breaksTabSeparatedLine(username, course.courseId)) return { drop: 'Discard Field With Tab Or Newline' };
  if (exceedsColumn(username, course.courseId)) return { drop: 'Discard Field Longer Than 255' };
  const kind = kindOf(event, eventType, data.data);
  if ('drop' in kind) return kind;
  const base = { endDate: endDateOf(date), courseId: course.courseId, date, entityId: kind.entityId, info: kind.info };
  const records: EngagementRecord[] = [{ ...base, username, eventType: kind.eventType }];
  const notes: string[] = [];
  if (kind.received) {
    const target = kind.received.target;
    if (!isTruthy(target)) notes.push('Vote Received Left Out: No Target Username');
    else if (typeof target !== 'string' || breaksTabSeparatedLine(target) || longerThan(target, 255)) notes.push('Vote Received Left Out: Target Not A Plain Name');
    else if (kind.received.undo === null) notes.push('Vote Received Left Out: undo_vote Not A List Index');
    else records.push({ ...base, username: target, eventType: kind.received.eventType, info: { vote: kind.info.vote!, undo: kind.received.undo } });
  }
  return { records, notes };
}

interface Kind {
  entityId: string;
  eventType: string;
  info: EngagementInfo;
  received?: { target: PyValue | undefined; eventType: string; undo: boolean | null };
}

function kindOf(event: PyDict, eventType: string, data: PyDict): Kind | { drop: string } {
  if (eventType === 'problem_check') {
    if (pyGet(event, 'event_source') !== 'server') return { drop: 'Discard Non-Server Problem Check' };
    const problemId = pyGet(data, 'problem_id');
    if (!isTruthy(problemId)) return { drop: 'Discard Missing Problem Id' };
    if (typeof problemId !== 'string') return { drop: 'Discard Problem Id Not Text' };
    const success = withDefault(pyGet(data, 'success'), 'incorrect');
    if (typeof success !== 'string') return { drop: 'Discard Success Not Text' };
    return { entityId: problemId, eventType, info: success.toLowerCase() === 'correct' ? { correct: true } : {} };
  }
  if (eventType === 'play_video') {
    const videoId = pyGet(data, 'id');
    if (!isTruthy(videoId)) return { drop: 'Discard Missing Video Id' };
    if (typeof videoId !== 'string') return { drop: 'Discard Video Id Not Text' };
    return { entityId: videoId, eventType, info: {} };
  }
  const view = subsectionViewOf(eventType, pyGet(event, 'time') as string);
  if (view) {
    if (breaksTabSeparatedLine(view.path)) return { drop: 'Discard Field With Tab Or Newline' };
    if (longerThan(view.path, 1000)) return { drop: 'Discard Subsection Path Longer Than 1000' };
    return { entityId: '', eventType: SUBSECTION_VIEWED, info: view };
  }
  const voted = /^edx\.forum\.(\w+)\.voted/.exec(eventType);
  if (!voted) return { entityId: '', eventType, info: {} };
  const vote = pyGet(data, 'vote_value');
  if (vote !== 'up' && vote !== 'down') return { drop: 'Discard Vote Neither Up Nor Down' };
  const undo = withDefault(pyGet(data, 'undo_vote'), false);
  const received = { target: pyGet(data, 'target_username'), eventType: `edx.forum.${voted[1]}.vote_received`, undo: receiverUndo(undo) };
  return { entityId: '', eventType, info: { vote, undo: isTruthy(undo) }, received };
}

/**
 * edX counts a received vote as `[1, -1][undo_vote]`: an index, so only
 * booleans and the integers -2..1 work (1 and -1 undo); anything else
 * crashed its reducer. null: not usable (the received vote is left out and counted).
 */
function receiverUndo(undo: PyValue): boolean | null {
  if (typeof undo === 'boolean') return undo;
  if (typeof undo === 'number' && Number.isInteger(undo) && undo >= -2 && undo <= 1) return undo === 1 || undo === -1;
  return null;
}

/** Python's `d.get(key, default)`: the default only for an absent key (a null stays null, and edX crashed on most). */
function withDefault(value: PyValue | undefined, fallback: PyValue): PyValue {
  return value === undefined ? fallback : value;
}
