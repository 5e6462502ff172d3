/**
 * The columns of one answer-distribution row, in edX's report order
 * (`get_column_order`, answer_dist.py:381-396). The CSV header and the
 * per-course JSON use exactly these names.
 */
export const COLUMN_ORDER = [
  'ModuleID',
  'PartID',
  'Correct Answer',
  'First Response Count',
  'Last Response Count',
  'ValueID',
  'AnswerValue',
  'Variant',
  'Problem Display Name',
  'Question',
] as const;

export type ColumnName = (typeof COLUMN_ORDER)[number];

/**
 * One row of stage 2. Most cells are strings; ModuleID, Variant, Problem
 * Display Name and Question carry whatever JSON value the event had (edX
 * passes them through), the counts are numbers.
 */
import type { PyValue } from '../../eventlog/parse/index.js';

export interface DistributionRow {
  ModuleID: PyValue;
  PartID: string;
  ValueID: string;
  AnswerValue: string;
  Variant: PyValue;
  'Problem Display Name': PyValue;
  Question: PyValue;
  'Correct Answer': '0' | '1';
  'First Response Count': number;
  'Last Response Count': number;
}

/** The answer part types counted by default (`[answer-distribution] valid_response_types`, edX client.cfg). */
export const DEFAULT_VALID_RESPONSE_TYPES =
  'choiceresponse,optionresponse,multiplechoiceresponse,numericalresponse,stringresponse,formularesponse';

/** edX splits the config value on "," without trimming (answer_dist.py:472-493); so do we. */
export function parseValidResponseTypes(text: string): ReadonlySet<string> {
  return new Set(text.split(','));
}
