import { pyHas } from '../../eventlog/parse/python/py-value.js';
import { isTruthy, parsePythonJson, type PyValue } from '../../eventlog/parse/index.js';
import { compareUtf8 } from '../../mapreduce/keys.js';
import { addMetadataToAnswer, AnswerMetadataCrash } from './answer-metadata-fill.js';
import type { AnswerMetadata } from './answer-metadata.js';
import type { DistributionRow } from './columns.js';
import { groupingKey } from './grouping.js';
import { dictGet, isJsonObject, type JsonObject } from './json-value.js';
import { stringify } from './stringify.js';

/**
 * One stage 1 record of a part: its event's timestamp and the record as JSON
 * text; or, folded by the mapper (answer-combiner.ts), the newest record of
 * one answer with how many first and last attempts gave that answer.
 */
export type TimedRecord = readonly [timestamp: string, json: string, firstCount?: number, lastCount?: number];

/** Why a part gave no rows, for the run summary. */
export type PartSkip = 'response_type_missing' | 'response_type_not_counted';

export type PartResult = { rows: DistributionRow[] } | { skip: PartSkip };

/** The newest record of one answer (grouping key), and how many first and last attempts gave it. */
interface AnswerGroup {
  newest: TimedRecord;
  record: JsonObject;
  first: number;
  last: number;
}

/**
 * The answer distribution of one answer part of one course (edX
 * `AnswerDistributionPerCourseMixin.reducer`, answer_dist.py:260-379).
 * The most recent record decides whether the part counts and how values are
 * shown; every record adds to the row of its answer, whose values come from
 * the newest record with that answer.
 *
 * edX sorts all records of the part and walks them newest first; the same
 * result comes from one pass that keeps, per answer, only its newest record
 * and two counts, so memory follows the number of distinct answers, not the
 * number of learners. What would fail only for a counted part (an unknown
 * attempt category, a list answer holding a non-string) is remembered and
 * raised only if the part is counted, as in edX.
 *
 * With answer metadata, every record of a part that has an entry is first
 * completed from it (addMetadataToAnswer); edX does that to the newest record
 * before deciding whether the part counts, so a crash there always drops it.
 */
export function distributeAnswers(partId: string, values: Iterable<TimedRecord>, validTypes: ReadonlySet<string>, metadata?: AnswerMetadata): PartResult {
  const entry = metadata?.get(partId);
  let newest: { value: TimedRecord; record: JsonObject; crash?: Error } | undefined;
  const groups = new Map<string, AnswerGroup>();
  let deferred: Error | undefined;
  for (const value of values) {
    const record = parseRecord(value[1]);
    let crash: Error | undefined;
    if (entry) crash = completeFromMetadata(entry, record);
    if (!newest || compareTimedRecords(value, newest.value) > 0) newest = { value, record, crash };
    if (crash) {
      deferred ??= crash;
      continue;
    }
    let key: string;
    try {
      key = groupingKey(record);
    } catch (error) {
      deferred ??= error as Error;
      continue;
    }
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { newest: value, record, first: 0, last: 0 }));
    else if (compareTimedRecords(value, group.newest) > 0) Object.assign(group, { newest: value, record });
    if (value.length === 4) {
      group.first += value[2]!;
      group.last += value[3]!;
      continue;
    }
    const category = dictGet(record, 'attempt_category');
    if (category === 'first') group.first += 1;
    else if (category === 'last') group.last += 1;
    else deferred ??= new Error(`Unknown attempt category ${JSON.stringify(category)} for part ${partId}`);
  }
  if (!newest) return { rows: [] };
  if (newest.crash) throw newest.crash;
  const responseType = dictGet(newest.record, 'response_type');
  if (responseType === null) return { skip: 'response_type_missing' };
  if (typeof responseType !== 'string' || !validTypes.has(responseType)) return { skip: 'response_type_not_counted' };
  if (deferred) throw deferred;

  const usesValueId = pyHas(newest.record, 'answer_value_id');
  // Rows in edX's order: by each answer's newest record, newest first.
  const ordered = [...groups.values()].sort((a, b) => compareTimedRecords(b.newest, a.newest));
  return {
    rows: ordered.map((group) => {
      const row = newRow(partId, newest!.record, group.record, usesValueId);
      row['First Response Count'] = group.first;
      row['Last Response Count'] = group.last;
      return row;
    }),
  };
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

function completeFromMetadata(entry: JsonObject, record: JsonObject): Error | undefined {
  try {
    addMetadataToAnswer(entry, record);
    return undefined;
  } catch (error) {
    if (error instanceof AnswerMetadataCrash) return error;
    throw error;
  }
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
