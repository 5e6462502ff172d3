import { isPyDict, isTruthy, pyGet, pyHas, pyKeys, pySet, type PyDict, type PyValue } from '../../eventlog/parse/index.js';

/** edX's text for a choice id missing from answer_value_id_map (UNMAPPED_ANSWER_VALUE). */
const UNMAPPED_ANSWER_VALUE = '';

const CHOICE_RESPONSE_TYPES: readonly PyValue[] = ['choiceresponse', 'multiplechoiceresponse'];

/** Where edX's add_metadata_to_answer raises (KeyError, TypeError) on a record: the part is dropped and counted. */
export class AnswerMetadataCrash extends Error {
  constructor(readonly reason: 'metadata_record_without_answer_value_id' | 'metadata_answer_value_id_unhashable') {
    super(reason);
  }
}

/**
 * One stage 1 record completed from its part's metadata entry, in place
 * (edX `add_metadata_to_answer`, answer_dist.py:428-470):
 *
 * 1. every string value of the entry fills the record's key of the same name
 *    when the record's value there is falsy (absent, null, "", 0, false...);
 *    any key, not only the documented four; non-strings never fill. Each key
 *    touches only itself, so the file's key order cannot change the result.
 * 2. then, for a record without `answer` (an old event): a choice part
 *    (`choiceresponse`, `multiplechoiceresponse`) keeps its choice ids and,
 *    when the entry has `answer_value_id_map`, gets their texts as `answer`
 *    (unmapped ids: ""); any other part's `answer_value_id` is really its
 *    answer, so it moves to `answer`.
 */
export function addMetadataToAnswer(entry: PyDict, record: PyDict): void {
  for (const key of pyKeys(entry)) {
    const value = entry[key]!;
    if (typeof value === 'string' && !isTruthy(pyGet(record, key))) pySet(record, key, value);
  }
  if (pyHas(record, 'answer')) return;
  if (CHOICE_RESPONSE_TYPES.includes(pyGet(record, 'response_type') ?? null)) {
    const map = pyGet(entry, 'answer_value_id_map');
    if (map === undefined) return;
    const valueId = answerValueId(record);
    // The loader refuses a map that is not an object.
    const textOf = (code: PyValue) => mappedText(map as PyDict, code);
    if (typeof valueId === 'string') pySet(record, 'answer', textOf(valueId));
    else if (Array.isArray(valueId)) pySet(record, 'answer', valueId.map(textOf));
  } else {
    const valueId = answerValueId(record);
    delete record.answer_value_id;
    pySet(record, 'answer', valueId);
  }
}

function answerValueId(record: PyDict): PyValue {
  const valueId = pyGet(record, 'answer_value_id');
  if (valueId === undefined) throw new AnswerMetadataCrash('metadata_record_without_answer_value_id');
  return valueId;
}

// Python `map.get(code, "")`: the keys are strings, so no other scalar matches; a list or dict is unhashable.
function mappedText(map: PyDict, code: PyValue): PyValue {
  if (typeof code === 'string') return pyHas(map, code) ? map[code]! : UNMAPPED_ANSWER_VALUE;
  if (Array.isArray(code) || isPyDict(code)) throw new AnswerMetadataCrash('metadata_answer_value_id_unhashable');
  return UNMAPPED_ANSWER_VALUE;
}
