import { isJsonRoundTrip, parsePythonJson, pythonJsonDumps } from '../../eventlog/parse/index.js';
import { generateAnswers, generateAnswersAs, type AnswerRecord } from './answers.js';
import { compareUtf8 } from '../../mapreduce/keys.js';
import type { JsonObject } from './json-value.js';
import type { ProblemCheck } from './problem-check.js';

/**
 * One attempt as stage 1's shuffle carries it: the timestamp, and the event
 * data either as the dict itself (when it survives JSON exactly: see
 * isJsonRoundTrip) or as its Python json.dumps text. The dict form spares
 * the mapper the dumps and the reducer a parse with Python's rules.
 */
export type Attempt = readonly [timestamp: string, data: string | JsonObject];

/** The shuffle value of a kept event. */
export function attemptOf(event: ProblemCheck): Attempt {
  return [event.timestamp, isJsonRoundTrip(event.data) ? event.data : event.json];
}

/**
 * Stage 1 reduce (edX `ProblemCheckEventMixin.reducer`, answer_dist.py:66-116):
 * of one user's attempts at one problem, the earliest gives the `first`
 * answers and the latest the `last` ones (one attempt gives both).
 * Timestamps compare as ISO text, ties by the event's JSON text, as Python
 * sorts the (timestamp, json) tuples.
 */
export function firstAndLastAnswers(attempts: readonly Attempt[]): AnswerRecord[] {
  if (attempts.length === 0) return [];
  // The JSON text is only needed to break a timestamp tie: made then, once per attempt.
  const records = attempts.map(([timestamp, data]) => new TimedAttempt(timestamp, data));
  const sorted = records.length === 1 ? records : records.sort((a, b) => compareUtf8(a.timestamp, b.timestamp) || compareUtf8(a.json(), b.json()));
  if (sorted.length === 1) return generateAnswersAs(sorted[0]!.data(), ['first', 'last']).flat();
  return [...generateAnswers(sorted[0]!.data(), 'first'), ...generateAnswers(sorted[sorted.length - 1]!.data(), 'last')];
}

class TimedAttempt {
  #json: string | undefined;
  constructor(
    readonly timestamp: string,
    readonly value: string | JsonObject,
  ) {
    if (typeof value === 'string') this.#json = value;
  }

  json(): string {
    return (this.#json ??= pythonJsonDumps(this.value as JsonObject));
  }

  /** The event data as a dict (parsed from the text, or the shuffle's own dict). */
  data(): JsonObject {
    return typeof this.value === 'string' ? (parsePythonJson(this.value) as JsonObject) : this.value;
  }
}
