import {
  eventTimestampOf,
  getCourseId,
  getEventData,
  isPyDict,
  isPyList,
  parseCourseKey,
  parseEventInInterval,
  pyGet,
  pyKeys,
  pythonStr,
  type PyValue,
} from '../../eventlog/parse/index.js';
import { breaksTabSeparatedLine, exceedsColumn, isCourseIdTooLong } from '../warehouse/field-checks.js';

/** A tag with its values (a tag may hold one value or a list of them). */
export type Tags = [name: string, values: string[]][];

/** One server problem_check: which problem, when, whether correct, and the tags the problem carried then. */
export interface TaggedSubmission {
  courseId: string;
  orgId: string;
  problemId: string;
  timestamp: string;
  correct: boolean;
  tags: Tags;
}

export type SubmissionResult = { submission: TaggedSubmission } | { drop: string } | { ignore: true };

/**
 * edX TagsDistributionPerCourse.mapper (tags_dist.py): server problem_check
 * events of the interval; the course from the context only; tags from
 * `context.asides.tagging_aside.saved_tags` (a dict of tag -> value or list).
 */
export function taggedSubmissionFromLine(line: string, inInterval: (day: string) => boolean): SubmissionResult {
  if (!line.includes('problem_check')) return { ignore: true };
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return dated;
  const event = dated.event;
  if (pyGet(event, 'event_type') !== 'problem_check' || pyGet(event, 'event_source') !== 'server') return { ignore: true };
  const timestamp = eventTimestampOf(event);
  if (timestamp === null) return { drop: 'Discard Bad Timestamp' };
  const course = getCourseId(event);
  if (!('courseId' in course)) return { drop: 'Discard Missing Course Id' };
  if (isCourseIdTooLong(course.courseId)) return { drop: 'Discard Course Id Longer Than 255' };
  const orgId = parseCourseKey(course.courseId)?.org ?? '';
  const data = getEventData(event);
  if (!('data' in data)) return { drop: 'Discard Missing Event Data' };
  const problemId = pyGet(data.data, 'problem_id');
  if (problemId === undefined || problemId === null || problemId === '') return { drop: 'Discard Missing Problem Id' };
  if (typeof problemId !== 'string') return { drop: 'Discard Problem Id Not A String' };
  const tags = savedTags(pyGet(event, 'context'));
  if (tags === null) return { drop: 'Discard Saved Tags Not A Dict' };
  // The problem and the tags are fields of the per-course task's tab-separated lines.
  const texts = [problemId, ...tags.flatMap(([name, values]) => [name, ...values])];
  if (breaksTabSeparatedLine(...texts)) return { drop: 'Discard Field With Tab Or Newline' };
  // ... and columns of tags_distribution, 255 characters wide.
  if (exceedsColumn(...texts)) return { drop: 'Discard Field Longer Than 255' };
  return { submission: { courseId: course.courseId, orgId, problemId, timestamp, correct: pyGet(data.data, 'success') === 'correct', tags } };
}

// null when saved_tags is something edX would crash on (not a dict, a value neither text nor list).
function savedTags(context: PyValue | undefined): Tags | null {
  const asides = isPyDict(context) ? pyGet(context, 'asides') : undefined;
  const aside = isPyDict(asides) ? pyGet(asides, 'tagging_aside') : undefined;
  const saved = isPyDict(aside) ? pyGet(aside, 'saved_tags') : undefined;
  if (saved === undefined || saved === null) return [];
  if (!isPyDict(saved)) return isPyList(saved) && saved.length === 0 ? [] : null;
  const tags: Tags = [];
  for (const name of pyKeys(saved)) {
    const value = pyGet(saved, name)!;
    if (typeof value === 'string') tags.push([name, [value]]);
    else if (isPyList(value)) tags.push([name, value.map((v) => (typeof v === 'string' ? v : pythonStr(v)))]);
    else return null;
  }
  return tags;
}

/**
 * edX's reducer: totals over all submissions, tags of the latest one. edX
 * kept the first seen of two latest submissions at the same time, which
 * depends on the order values reach the reducer (none is defined); the tags
 * whose JSON text sorts last win instead, so every runner gives one answer.
 */
export function tagsDistribution(submissions: Iterable<[timestamp: string, tags: Tags, correct: boolean]>): { total: number; correct: number; tags: Tags } {
  let total = 0;
  let correct = 0;
  let latest: string | null = null;
  let tags: Tags = [];
  for (const [timestamp, t, isCorrect] of submissions) {
    if (latest === null || timestamp > latest || (timestamp === latest && JSON.stringify(t) > JSON.stringify(tags))) {
      latest = timestamp;
      tags = t;
    }
    if (isCorrect) correct++;
    total++;
  }
  return { total, correct, tags };
}
