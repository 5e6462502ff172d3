import { parsePythonJson } from '../../eventlog/parse/index.js';
import { generateAnswers, type AnswerRecord } from './answers.js';
import { compareTimedRecords, type TimedRecord } from './distribution.js';
import type { JsonObject } from './json-value.js';

/**
 * Stage 1 reduce (edX `ProblemCheckEventMixin.reducer`, answer_dist.py:66-116):
 * of one user's attempts at one problem, the earliest gives the `first`
 * answers and the latest the `last` ones (one attempt gives both).
 * Timestamps compare as ISO text, ties by the event's JSON text, as Python
 * sorts the (timestamp, json) tuples.
 */
export function firstAndLastAnswers(attempts: readonly TimedRecord[]): AnswerRecord[] {
  if (attempts.length === 0) return [];
  const sorted = [...attempts].sort(compareTimedRecords);
  const first = parsePythonJson(sorted[0]![1]) as JsonObject;
  const last = parsePythonJson(sorted[sorted.length - 1]![1]) as JsonObject;
  return [...generateAnswers(first, 'first'), ...generateAnswers(last, 'last')];
}
