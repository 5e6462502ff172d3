import { isPyDict, parseEventInInterval, parsePythonJson, pyGet, PyFloat, pythonStr, pythonStrip, type PyValue } from '../../eventlog/parse/index.js';
import { generateAnswers } from '../answer-distribution/answers.js';
import { compareTimedRecords, type TimedRecord } from '../answer-distribution/distribution.js';
import type { JsonObject } from '../answer-distribution/json-value.js';
import { problemCheckFromLine, type ProblemCheck } from '../answer-distribution/problem-check.js';
import { courseFitsFileName } from '../warehouse/field-checks.js';
import { python2FloatStr } from '../../eventlog/parse/python/python2-float-str.js';
import { cleanText } from './python-text.js';

/** edX ProblemResponseRecord, as the data task writes it (one per answer part of a user's latest attempt). */
export interface ResponseRecord {
  courseId: string;
  answerId: string;
  problemId: string;
  problem: string;
  username: string;
  question: string;
  /** FloatField values as Python 2 prints them (`1.0`), `None` when missing. */
  score: string;
  maxScore: string;
  correct: boolean | null;
  answer: string[];
  totalAttempts: number;
  firstAttemptDate: string;
  lastAttemptDate: string;
}

export type ResponseEventResult = { check: ProblemCheck } | { drop: [group: string, name: string] } | { ignore: true };

/**
 * edX LatestProblemResponseDataTask.mapper: the event must be dated inside
 * --interval, have a username (stripped) and come from the server; then the
 * answer distribution's problem_check rules decide (and name the drop).
 */
export function responseEventFromLine(line: string, inInterval: (day: string) => boolean): ResponseEventResult {
  const dated = parseEventInInterval(line, inInterval);
  if ('drop' in dated) return { drop: ['Event', dated.drop] };
  const username = pyGet(dated.event, 'username');
  if (typeof username !== 'string' || pythonStrip(username) === '') return { drop: ['Problem Response', 'Discard Missing Username'] };
  const source = pyGet(dated.event, 'event_source');
  if (source === undefined || source === null) return { drop: ['Problem Response', 'Discard Missing Event Source'] };
  if (source !== 'server') return { ignore: true };
  const result = problemCheckFromLine(line);
  if ('event' in result) {
    // edX's record takes the problem id as text only (its job failed on any other).
    if (typeof result.event.problemId !== 'string') return { drop: ['Problem Response', 'Discard Problem Id Not A String'] };
    // Each course gets a report file named after it: a forged course id too long for a file name would fail them all.
    return courseFitsFileName(result.event.courseId) ? { check: result.event } : { drop: ['Problem Response', 'Discard Course Id Too Long For A File Name'] };
  }
  if ('crash' in result) return { drop: ['Problem Response', `Discard Malformed Problem Check (${result.crash})`] };
  return result.drop === 'not_problem_check' || result.drop === 'no_problem_check_text' ? { ignore: true } : { drop: ['Problem Response', `Discard Problem Check (${result.drop})`] };
}

/**
 * edX LatestProblemResponseDataTask.reducer for one (course, problem, user):
 * the attempts sorted by (timestamp, json); the latest one's answer parts
 * become records, each with the attempt count and first/last attempt times.
 */
export function latestResponseRecords(
  key: [courseId: string, problemId: string, username: string],
  values: readonly TimedRecord[],
  clean: RegExp | null,
): ResponseRecord[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort(compareTimedRecords);
  const [courseId, problemId, username] = key;
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const data = parsePythonJson(last[1]) as JsonObject;
  return generateAnswers(data, 'last').map((part) => {
    const a = parsePythonJson(part.json) as JsonObject;
    const correctMap = pyGet(a, 'answer_correct_map');
    const correctness = isPyDict(correctMap) ? pyGet(correctMap, 'correctness') : undefined;
    const rawAnswer = pyGet(a, 'answer') !== undefined ? pyGet(a, 'answer') : pyGet(a, 'answer_value_id') ?? '';
    const answer = cleanText(rawAnswer, clean);
    return {
      courseId,
      answerId: part.answerId,
      problemId,
      problem: cleanText(pyGet(a, 'problem_display_name') ?? '', clean) as string,
      username,
      question: cleanText(pyGet(a, 'question') ?? '', clean) as string,
      score: floatText(pyGet(a, 'grade') ?? null),
      maxScore: floatText(pyGet(a, 'max_grade') ?? null),
      correct: correctness === 'correct' ? true : correctness === 'incorrect' ? false : null,
      answer: Array.isArray(answer) ? answer : [answer],
      totalAttempts: sorted.length,
      firstAttemptDate: first[0],
      lastAttemptDate: last[0],
    };
  });
}

// edX's FloatField: float(value); text that is not a number is kept as written (edX's record would have failed).
function floatText(value: PyValue): string {
  if (value === null) return 'None';
  if (value instanceof PyFloat) return python2FloatStr(value.value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return python2FloatStr(Number(value));
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return python2FloatStr(Number(value));
  return pythonStr(value);
}
