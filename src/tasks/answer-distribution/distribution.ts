import { pyHas } from '../../eventlog/parse/python/py-value.js';
import { isTruthy, parsePythonJson, type PyValue } from '../../eventlog/parse/index.js';
import { compareUtf8 } from '../../mapreduce/keys.js';
import type { DistributionRow } from './columns.js';
import { groupingKey } from './grouping.js';
import { dictGet, isJsonObject, type JsonObject } from './json-value.js';
import { stringify } from './stringify.js';

/** One stage 1 record of a part: its event's timestamp and the record as JSON text. */
export type TimedRecord = readonly [timestamp: string, json: string];

/** Why a part gave no rows, for the run summary. */
export type PartSkip = 'response_type_missing' | 'response_type_not_counted';

export type PartResult = { rows: DistributionRow[] } | { skip: PartSkip };

/**
 * The answer distribution of one answer part of one course (edX
 * `AnswerDistributionPerCourseMixin.reducer`, answer_dist.py:260-379).
 * The most recent record decides whether the part counts and how values are
 * shown; then every record, newest first, adds to the row of its answer.
 */
export function distributeAnswers(partId: string, values: readonly TimedRecord[], validTypes: ReadonlySet<string>): PartResult {
  // Python sorts (timestamp, json) tuples: the JSON text breaks timestamp ties.
  const sorted = [...values].sort(compareTimedRecords);
  const newest = parseRecord(sorted[sorted.length - 1]![1]);
  const responseType = dictGet(newest, 'response_type');
  if (responseType === null) return { skip: 'response_type_missing' };
  if (typeof responseType !== 'string' || !validTypes.has(responseType)) return { skip: 'response_type_not_counted' };

  const usesValueId = pyHas(newest, 'answer_value_id');
  const rows = new Map<string, DistributionRow>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const record = parseRecord(sorted[i]![1]);
    const key = groupingKey(record);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = newRow(partId, newest, record, usesValueId)));
    const category = dictGet(record, 'attempt_category');
    if (category === 'first') row['First Response Count'] += 1;
    else if (category === 'last') row['Last Response Count'] += 1;
    else throw new Error(`Unknown attempt category ${JSON.stringify(category)} for part ${partId}`);
  }
  return { rows: [...rows.values()] };
}

// The row's values come from the newest record with that answer (answer_dist.py:317-363).
function newRow(partId: string, newest: JsonObject, record: JsonObject, usesValueId: boolean): DistributionRow {
  let valueId: PyValue;
  let answerValue: PyValue;
  if (usesValueId) {
    valueId = dictGet(record, 'answer_value_id', '');
    answerValue = dictGet(record, 'answer', '');
  } else {
    valueId = '';
    answerValue = pyHas(record, 'answer') ? (record.answer as PyValue) : dictGet(record, 'answer_value_id');
  }
  const valueIdText = stringify(valueId);
  const answerText = stringify(answerValue, valueIdText !== '');
  const displayName = dictGet(newest, 'problem_display_name');
  const variant = dictGet(record, 'variant');
  return {
    ModuleID: dictGet(newest, 'problem_id'),
    PartID: partId,
    ValueID: valueIdText,
    AnswerValue: answerText,
    Variant: isTruthy(variant) ? variant : '',
    'Problem Display Name': isTruthy(displayName) ? displayName : '',
    Question: dictGet(record, 'question', ''),
    'Correct Answer': isTruthy(dictGet(record, 'correct')) ? '1' : '0',
    'First Response Count': 0,
    'Last Response Count': 0,
  };
}

function parseRecord(json: string): JsonObject {
  const record = parsePythonJson(json);
  if (!isJsonObject(record)) throw new Error(`answer record is not a JSON object: ${json.slice(0, 80)}`);
  return record;
}

/** Python's tuple order on (timestamp, json): code point order, the first element first. */
export function compareTimedRecords(a: TimedRecord, b: TimedRecord): number {
  return compareUtf8(a[0], b[0]) || compareUtf8(a[1], b[1]);
}
