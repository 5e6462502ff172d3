import { PyFloat, pyHas, pyKeys } from '../../eventlog/parse/python/py-value.js';
import { containerHas, isHiddenAnswer } from './answers.js';
import { dictGet, isJsonObject, type JsonObject } from './json-value.js';
import { hasNonStringItem } from './stringify.js';

/**
 * Why edX's reducers would raise on this event's data, or null if they would
 * not. edX's job fails on such input; we drop the whole event before first
 * and last attempts are chosen (spec 2.8, `crash_dropped:<reason>`).
 * Follows `_generate_answers` (answer_dist.py:118-214) step by step, and the
 * stage 2 calls that fail on a record (`stringify` of a list holding a
 * non-string, `should_include_answer` on an unhashable response_type).
 */
export function answerCrashReason(data: JsonObject): string | null {
  const module = dictGet(data.context as JsonObject, 'module', {});
  if (!isJsonObject(module)) return 'module_not_object';
  const answers = data.answers as JsonObject;
  const correctMap = dictGet(data, 'correct_map', {});
  if (pyHas(data, 'submission')) return submissionCrash(data.submission as JsonObject, answers, correctMap);
  for (const answerId of pyKeys(answers)) {
    if (isHiddenAnswer(answerId)) continue;
    if (correctMap === null || (typeof correctMap !== 'object' && typeof correctMap !== 'string')) return 'correct_map_not_container';
    if (!containerHas(correctMap, answerId)) continue;
    if (!isJsonObject(correctMap)) return 'correct_map_not_object';
    if (!isJsonObject(correctMap[answerId])) return 'correct_map_entry_not_object';
    if (!isJsonObject(dictGet(data, 'state', {}))) return 'state_not_object';
    if (hasNonStringItem(answers[answerId])) return 'answer_list_item_not_string';
  }
  return null;
}

function submissionCrash(submissions: JsonObject, answers: JsonObject, correctMap: unknown): string | null {
  for (const answerId of pyKeys(submissions)) {
    if (isHiddenAnswer(answerId)) continue;
    const entry = submissions[answerId];
    if (!isJsonObject(entry)) return 'submission_entry_not_object';
    if (!pyHas(answers, answerId)) return 'submission_id_not_in_answers';
    if (!isJsonObject(correctMap)) return 'correct_map_not_object';
    const responseType = dictGet(entry, 'response_type');
    if (Array.isArray(responseType) || isJsonObject(responseType)) return 'response_type_unhashable';
    // The record's value id is the raw answer (when it differs) or one it already carried.
    if (hasNonStringItem(answers[answerId]) || hasNonStringItem(dictGet(entry, 'answer_value_id')) || hasNonStringItem(dictGet(entry, 'answer')))
      return 'answer_list_item_not_string';
  }
  return null;
}

/** The raw `answers` field: edX calls len() on it, which fails on null, numbers and booleans. */
export function answersLengthCrashes(answers: unknown): boolean {
  return answers === null || typeof answers === 'number' || typeof answers === 'bigint' || typeof answers === 'boolean' || answers instanceof PyFloat;
}
