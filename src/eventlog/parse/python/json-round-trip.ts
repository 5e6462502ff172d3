import { KEY_ORDER, PyFloat, type PyValue } from './py-value.js';

/**
 * Does `JSON.parse(JSON.stringify(value))` give back the same PyValue: same
 * types, same numbers, same keys in the same order? Then a value can cross a
 * map/reduce shuffle as plain JSON instead of as Python `json.dumps` text
 * that the other side must parse again with Python's rules.
 *
 * Not so for what only our PyValue shape can say: PyFloat (`7.0`), bigint,
 * NaN and the infinities (JSON has none), -0, and dicts whose Python key
 * order JS cannot keep (KEY_ORDER). `__proto__` keys are refused too, to be
 * safe about how each side treats them.
 */
export function isJsonRoundTrip(value: PyValue): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isJsonRoundTrip(value[i]!)) return false;
        return true;
      }
      if (value instanceof PyFloat || KEY_ORDER in value) return false;
      for (const key in value) {
        if (key === '__proto__' || !Object.prototype.hasOwnProperty.call(value, key)) return false;
        if (!isJsonRoundTrip(value[key]!)) return false;
      }
      return true;
    default:
      return false; // bigint
  }
}
