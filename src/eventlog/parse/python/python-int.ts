import { pythonStrip } from './python-strip.js';
import { PyFloat, type PyValue } from './py-value.js';

/**
 * Python's `int(value)` as decimal text, or null where it raises: 42, 42.9
 * (truncated), "42", " 42 ", True (1) and ids past 2^53 are numbers; "42.0",
 * "abc", NaN, infinities, lists and dicts are not. edX reads user ids so.
 */
export function pythonIntText(value: PyValue): string | null {
  if (value === true) return '1';
  if (value === false) return '0';
  if (typeof value === 'bigint') return value.toString();
  const n = value instanceof PyFloat ? value.value : value;
  if (typeof n === 'number') return Number.isFinite(n) ? BigInt(Math.trunc(n)).toString() : null;
  if (typeof value !== 'string') return null;
  const text = pythonStrip(value);
  return /^[+-]?[0-9]+$/.test(text) ? BigInt(text).toString() : null;
}
