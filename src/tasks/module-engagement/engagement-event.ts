import { firstChars, longerThan } from '../../core/index.js';
import { eventUsername, getCourseId, getEventData, parseEventInInterval, pyGet, pythonStrip, type PyDict } from '../../eventlog/parse/index.js';
import { breaksTabSeparatedLine, isCourseIdTooLong } from '../warehouse/field-checks.js';

/** One interaction of a learner with a module, counted per day by the reducer. */
export interface Interaction {
  courseId: string;
  username: string;
  date: string;
  entityType: 'problem' | 'video' | 'discussion';
  entityId: string;
  event: string;
}

export type InteractionsResult = { interactions: Interaction[] } | { drop: string } | { ignore: true };

/** Usernames of retired users are long hashes; the column holds 30 characters. */
const MAX_USERNAME = 30;
/** edX truncates entity ids to the column's 255 characters. */
const MAX_ENTITY_ID = 255;

/**
 * edX ModuleEngagementDataTask.mapper (module_engagement.py) for one line:
 * server problem_check = attempted (+ completed when correct), play_video =
 * viewed, edx.forum.* = a discussion interaction (contributed when
 * `.created`). Anonymous events are dropped unless `anonymousName` is set.
 */
export function interactionsFromLine(line: string, inInterval: (day: string) => boolean, anonymousName: string): InteractionsResult {
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return dated;
  const { event, date } = dated;
  const user = eventUsername(event);
  // edX strips `username` itself, so a null one crashes it like a number does: never an anonymous event.
  if ('crash' in user || pyGet(event, 'username') === null) return { drop: 'Discard Username Not A String' };
  const username = 'username' in user ? user.username : anonymousName;
  if (username === '') return { drop: 'Discard Anonymous Event' };
  if (longerThan(username, MAX_USERNAME)) return { drop: 'Discard Username Longer Than 30' };
  if (breaksTabSeparatedLine(username)) return { drop: 'Discard Username With Tab Or Newline' };
  const eventType = pyGet(event, 'event_type');
  if (eventType === undefined || eventType === null) return { drop: 'Discard Missing Event Type' };
  if (typeof eventType !== 'string') return { drop: 'Discard Event Type Not A String' };
  if (eventType !== 'problem_check' && eventType !== 'play_video' && !eventType.startsWith('edx.forum.')) return { ignore: true };
  const course = getCourseId(event, { fromUrl: true });
  if (!('courseId' in course)) return { drop: 'Discard Missing Course Id' };
  if (isCourseIdTooLong(course.courseId)) return { drop: 'Discard Course Id Longer Than 255' };
  const data = getEventData(event);
  if (!('data' in data)) return { drop: 'Discard Missing Event Data' };
  const actions = actionsOf(eventType, pyGet(event, 'event_source'), data.data);
  if ('drop' in actions) return actions;
  if ('ignore' in actions) return actions;
  const base = { courseId: course.courseId, username, date, entityType: actions.entityType, entityId: firstChars(actions.entityId, MAX_ENTITY_ID) };
  return { interactions: actions.events.map((e) => ({ ...base, event: e })) };
}

type Actions = { entityType: Interaction['entityType']; entityId: string; events: string[] } | { drop: string } | { ignore: true };

function actionsOf(eventType: string, source: unknown, data: PyDict): Actions {
  if (eventType === 'problem_check') {
    if (source !== 'server') return { ignore: true };
    // Only a missing success defaults; a null one crashes edX's `.lower()`.
    const raw = pyGet(data, 'success');
    const success = raw === undefined ? 'incorrect' : raw;
    if (typeof success !== 'string') return { drop: 'Discard Problem Success Not A String' };
    return withId('problem', pyGet(data, 'problem_id'), success.toLowerCase() === 'correct' ? ['completed', 'attempted'] : ['attempted']);
  }
  if (eventType === 'play_video') {
    const id = pyGet(data, 'id') ?? '';
    if (typeof id !== 'string') return { drop: 'Discard Video Id Not A String' };
    return withId('video', pythonStrip(id), ['viewed']);
  }
  return withId('discussion', pyGet(data, 'commentable_id'), eventType.endsWith('.created') ? ['contributed'] : []);
}

function withId(entityType: Interaction['entityType'], id: unknown, events: string[]): Actions {
  // A forum event other than *.created yields no action in edX whatever its id: not a drop.
  if (events.length === 0) return { ignore: true };
  if (id === undefined || id === null || id === '') return { drop: `Discard ${entityType} Event Without Entity Id` };
  if (typeof id !== 'string') return { drop: `Discard ${entityType} Entity Id Not A String` };
  if (/[\t\n]/.test(id)) return { drop: `Discard ${entityType} Entity Id With Tab Or Newline` };
  return { entityType, entityId: id, events };
}
