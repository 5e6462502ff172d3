import { pyGet, pyHas, pySet, type PyDict } from '../../eventlog/parse/python/py-value.js';
import {
  eventTimestamp,
  getCourseId,
  getEventData,
  isTruthy,
  parseEventLine,
  pythonJsonDumps,
} from '../../eventlog/parse/index.js';
import { answerCrashReason, answersLengthCrashes } from './crash-checks.js';
import { isJsonObject } from './json-value.js';

/** A kept problem_check event: grouped by course, problem and user; valued by (timestamp, event data JSON). */
export interface ProblemCheck {
  courseId: string;
  problemId: unknown;
  username: unknown;
  timestamp: string;
  /** The event data edX keeps (with timestamp, context and username added). */
  data: PyDict;
  /** `data` as Python json.dumps text (made on first read: not every caller needs it). */
  readonly json: string;
}

/**
 * What stage 1's mapper makes of one line: a kept event, a skip edX makes
 * too (`drop`), or an event on which edX's job would crash, which we drop
 * instead (`crash`, spec 2.8). Reasons become counters `drop:<reason>` and
 * `crash_dropped:<reason>`.
 */
export type ProblemCheckResult = { event: ProblemCheck } | { drop: string } | { crash: string };

/**
 * edX `get_problem_check_event` (answer_dist.py:933-1028) on one decoded
 * line, rule by rule in edX's order (spec 2.2).
 */
export function problemCheckFromLine(line: string): ProblemCheckResult {
  if (!line.includes('problem_check')) return { drop: 'no_problem_check_text' };
  const parsed = parseEventLine(line);
  if ('error' in parsed) return parsed.error === 'unparseable' ? { drop: 'unparseable' } : { crash: 'event_not_object' };
  const event = parsed.event;
  if (!pyHas(event, 'event_source') || event.event_source !== 'server') return { drop: 'not_server_event' };
  if (!pyHas(event, 'event_type') || event.event_type !== 'problem_check') return { drop: 'not_problem_check' };

  const payload = getEventData(event);
  if ('skip' in payload) return { drop: `event_${payload.skip.replace(/-/g, '_')}` };
  const data = payload.data;
  const timestamp = eventTimestamp(pyGet(event, 'time'));
  if (timestamp === null) return { drop: 'bad_time' };
  const context = pyGet(event, 'context') ?? null;
  if (context === null) return { drop: 'missing_context' };
  const username = pyGet(event, 'username') ?? null;
  if (username === null) return { drop: 'missing_username' };
  pySet(data, 'timestamp', timestamp);
  pySet(data, 'context', context);
  pySet(data, 'username', username);

  const course = getCourseId(event);
  if ('skip' in course) return { drop: course.skip.replace(/-/g, '_') };
  if ('crash' in course) return { crash: course.crash.replace(/-/g, '_') };
  const courseId = course.courseId;
  const problemId = pyGet(data, 'problem_id') ?? null;
  if (problemId === null) return { drop: 'missing_problem_id' };

  const answersProblem = checkAnswers(event);
  if (answersProblem) return answersProblem;
  const crash = answerCrashReason(data);
  if (crash) return { crash };
  let json: string | undefined;
  return {
    event: {
      courseId,
      problemId,
      username,
      timestamp,
      data,
      get json() {
        return (json ??= pythonJsonDumps(data));
      },
    },
  };
}

// edX reads `answers` and `submission` from the raw `event` field (answer_dist.py:1012-1020).
function checkAnswers(event: PyDict): ProblemCheckResult | null {
  const raw = pyHas(event, 'event') ? event.event : {};
  if (!isJsonObject(raw)) return { crash: 'event_is_json_string' };
  const answers = pyHas(raw, 'answers') ? raw.answers : {};
  if (answersLengthCrashes(answers)) return { crash: 'answers_not_sized' };
  if (!isTruthy(answers)) return { drop: 'no_answers' };
  if (!hasCleanIds(answers)) return { drop: 'bad_answer_ids' };
  if (!hasCleanIds(pyHas(raw, 'submission') ? raw.submission : {})) return { drop: 'bad_submission_ids' };
  return null;
}

// `_check_answer_ids` (answer_dist.py:1031-1042): a dict whose ids are ASCII, without newline or tab.
function hasCleanIds(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return Object.keys(value).every((id) => /^[\x00-\x7f]*$/.test(id) && !id.includes('\n') && !id.includes('\t'));
}
