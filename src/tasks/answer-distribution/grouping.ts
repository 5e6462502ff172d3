import { pyHas } from '../../eventlog/parse/python/py-value.js';
import { pythonStr } from '../../eventlog/parse/index.js';
import { dictGet, type JsonObject } from './json-value.js';
import { stringify } from './stringify.js';

/**
 * Which row of the distribution an answer record counts towards (edX
 * `get_answer_grouping_key`, answer_dist.py:495-519): the answer's value
 * (its choice ids when it has them) plus its variant. A missing or empty
 * variant counts as "1", the seed old events carry, so old and new events
 * with the same answer land in one row.
 */
export function groupingKey(record: JsonObject): string {
  let variant = dictGet(record, 'variant', '');
  if (variant === '') variant = '1';
  const value = pyHas(record, 'answer_value_id') ? dictGet(record, 'answer_value_id') : dictGet(record, 'answer');
  return `${stringify(value)}_${typeof variant === 'string' ? variant : pythonStr(variant)}`;
}
