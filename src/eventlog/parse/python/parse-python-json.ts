import { JsonDecodeError } from './json-decode-error.js';
import { needsPythonRules } from './needs-python-rules.js';
import type { PyValue } from './py-value.js';
import { parseJsonSlowly } from './slow-json-parser.js';

/**
 * Python 3 `json.loads(text)` as a PyValue (see py-value.ts for the shape).
 * Throws JsonDecodeError where Python raises.
 *
 * Fast path: JSON.parse, which agrees with Python on everything except what
 * needsPythonRules spots (integral float literals, -0, long numbers,
 * integer-like keys, nesting deeper than Python takes). JSON.parse rejects NaN/Infinity, so those lines land in
 * the slow parser too.
 */
export function parsePythonJson(text: string): PyValue {
  if (!needsPythonRules(text)) {
    try {
      return JSON.parse(text) as PyValue;
    } catch {
      // Fall through: the slow parser decides, and names the reason.
    }
  }
  return parseJsonSlowly(text);
}

/** parsePythonJson, with undefined instead of an exception (never a JSON value). */
export function tryParsePythonJson(text: string): PyValue | undefined {
  try {
    return parsePythonJson(text);
  } catch (error) {
    if (error instanceof JsonDecodeError) return undefined;
    throw error;
  }
}
