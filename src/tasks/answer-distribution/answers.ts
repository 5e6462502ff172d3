import { pyHas, pyKeys, pySet, type PyValue } from '../../eventlog/parse/python/py-value.js';
import { pythonEquals, pythonJsonDumps } from '../../eventlog/parse/index.js';
import { dictGet, isJsonObject, type JsonObject } from './json-value.js';

export type AttemptCategory = 'first' | 'last';

/** One answer part of one attempt: stage 1's output line `course_id, answer_id, timestamp, json`. */
export interface AnswerRecord {
  answerId: string;
  timestamp: string;
  json: string;
}

/** Parts edX never reports: MathML previews and comment boxes (`is_hidden_answer`, answer_dist.py:216-235). */
export function isHiddenAnswer(answerId: string): boolean {
  return answerId.endsWith('_dynamath') || answerId.endsWith('_comment');
}

/**
 * The answer records of one problem_check event (edX `_generate_answers`,
 * answer_dist.py:118-214). `data` is the event data as the mapper kept it
 * (with timestamp, context and username added); the mapper has already
 * dropped every event on which this would raise (see crash-checks.ts).
 */
export function generateAnswers(data: JsonObject, category: AttemptCategory): AnswerRecord[] {
  return generateAnswersAs(data, [category])[0]!;
}

/**
 * generateAnswers for several categories at once, one list each, from one
 * pass over `data`: what edX's reducer makes of a single attempt, which is
 * both the first and the last (it parsed the event twice; the records differ
 * only in `attempt_category`, which keeps its place in the key order).
 */
export function generateAnswersAs(data: JsonObject, categories: readonly AttemptCategory[]): AnswerRecord[][] {
  const context = data.context as JsonObject;
  const module = dictGet(context, 'module', {}) as JsonObject;
  const common = {
    problem_id: dictGet(data, 'problem_id'),
    problem_display_name: dictGet(module, 'display_name'),
    attempt_category: categories[0]!,
    grade: dictGet(data, 'grade'),
    max_grade: dictGet(data, 'max_grade'),
  };
  const timestamp = data.timestamp as string;
  const answers = data.answers as JsonObject;
  const correctMap = dictGet(data, 'correct_map', {});
  const outs: AnswerRecord[][] = categories.map(() => []);
  const emit = (answerId: string, record: JsonObject) => {
    for (const [key, value] of Object.entries(common)) pySet(record, key, value as PyValue);
    outs[0]!.push({ answerId, timestamp, json: pythonJsonDumps(record) });
    for (let c = 1; c < categories.length; c++) {
      pySet(record, 'attempt_category', categories[c]!);
      outs[c]!.push({ answerId, timestamp, json: pythonJsonDumps(record) });
    }
  };

  if (pyHas(data, 'submission')) {
    const submissions = data.submission as JsonObject;
    for (const answerId of pyKeys(submissions)) {
      if (isHiddenAnswer(answerId)) continue;
      // Python mutates the freshly parsed submission entry; so do we (keeps its key order).
      const record = submissions[answerId] as JsonObject;
      // The submission holds the answer's text; a differing raw value is the choice id(s).
      const raw = dictGet(answers, answerId);
      if (!pythonEquals(raw, dictGet(record, 'answer'))) pySet(record, 'answer_value_id', raw);
      pySet(record, 'answer_correct_map', dictGet(correctMap as JsonObject, answerId) as PyValue);
      emit(answerId, record);
    }
    return outs;
  }
  // Old events (before ~2014) have no submission: the raw value is all we know.
  for (const answerId of pyKeys(answers)) {
    if (isHiddenAnswer(answerId) || !containerHas(correctMap, answerId)) continue;
    const entry = (correctMap as JsonObject)[answerId] as JsonObject;
    const state = dictGet(data, 'state', {}) as JsonObject;
    emit(answerId, {
      answer_value_id: dictGet(answers, answerId),
      correct: dictGet(entry, 'correctness') === 'correct',
      variant: dictGet(state, 'seed'),
      answer_correct_map: entry,
    });
  }
  return outs;
}

/** Python `key in container` for a dict, list or string (edX tests correct_map with `in` before indexing it). */
export function containerHas(container: unknown, key: string): boolean {
  if (typeof container === 'string') return container.includes(key);
  if (Array.isArray(container)) return container.some((item) => pythonEquals(item, key));
  return isJsonObject(container) && pyHas(container, key);
}
