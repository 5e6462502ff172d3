import { PyFloat, type PyValue } from './py-value.js';

/**
 * Python `bool(v)` of a JSON value: None, False, 0, 0.0, "", [] and {} are
 * false; everything else is true, including "false", "0" and NaN. An absent
 * value (undefined) counts as None.
 */
export function isTruthy(value: PyValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  switch (typeof value) {
    case 'string':
      return value.length > 0;
    case 'boolean':
      return value;
    case 'number':
      return value !== 0; // NaN !== 0: true, as in Python
    case 'bigint':
      return value !== 0n;
    default:
      if (value instanceof PyFloat) return value.value !== 0;
      if (Array.isArray(value)) return value.length > 0;
      for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return true;
      return false;
  }
}
