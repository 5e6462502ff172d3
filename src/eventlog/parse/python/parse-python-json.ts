import { JsonDecodeError } from './json-decode-error.js';
import type { PyValue } from './py-value.js';
import { parseJsonSlowly } from './slow-json-parser.js';

/**
 * Python 3 `json.loads(text)` as a PyValue (see py-value.ts for the shape).
 * Throws JsonDecodeError where Python raises.
 *
 * Fast path: JSON.parse, which agrees with Python on everything except what
 * NEEDS_PYTHON_RULES spots (cheaply, with false positives only): float
 * literals with an integral value (`7.0`, `1e5`), `-0` (an int 0 in Python),
 * number literals of 16+ digits (big ints, precision), and integer-like keys
 * (JS reorders them).
 * JSON.parse rejects NaN/Infinity, so those lines land in the slow parser too.
 */
const NEEDS_PYTHON_RULES =
  /(?:^|[:,[])[ \t\n\r]*(?:-?\d+(?:\.0+(?![0-9])|(?:\.\d+)?[eE])|-0(?![.\d]))|\d[\d.]{15}|"(?:0|[1-9]\d*)"[ \t\n\r]*:/;

export function parsePythonJson(text: string): PyValue {
  if (!NEEDS_PYTHON_RULES.test(text)) {
    try {
      return JSON.parse(text) as PyValue;
    } catch {
      // Fall through: the slow parser decides, and names the reason.
    }
  }
  try {
    return parseJsonSlowly(text);
  } catch (error) {
    // Nesting deep enough to overflow our stack also fails in Python (RecursionError).
    if (error instanceof RangeError) throw new JsonDecodeError('Too deeply nested', 0);
    throw error;
  }
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
