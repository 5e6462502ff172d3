import { JsonDecodeError } from './json-decode-error.js';
import { needsPythonRules } from './needs-python-rules.js';
import type { PyValue } from './py-value.js';
import { parseJsonSlowly } from './slow-json-parser.js';

/**
 * Python 3 `json.loads(text)` as a PyValue (see py-value.ts for the shape),
 * or undefined where Python raises (undefined is never a JSON value).
 *
 * Fast path: JSON.parse, which agrees with Python on everything except what
 * needsPythonRules spots (integral float literals, -0, long numbers,
 * integer-like keys, nesting deeper than Python takes). When JSON.parse
 * refuses a text, Python refuses it too unless it has NaN/Infinity literals,
 * so only those texts (and the spotted ones) reach the slow parser.
 */
export function tryParsePythonJson(text: string): PyValue | undefined {
  if (!needsPythonRules(text)) {
    try {
      return JSON.parse(text) as PyValue;
    } catch {
      if (!text.includes('NaN') && !text.includes('Infinity')) return undefined;
    }
  }
  try {
    return parseJsonSlowly(text);
  } catch (error) {
    if (error instanceof JsonDecodeError) return undefined;
    throw error;
  }
}

/** tryParsePythonJson, throwing JsonDecodeError (with Python's reason) where Python raises. */
export function parsePythonJson(text: string): PyValue {
  const value = tryParsePythonJson(text);
  // The slow parser names the reason; it throws on every text Python refuses.
  return value === undefined ? parseJsonSlowly(text) : value;
}
