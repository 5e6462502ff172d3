/**
 * The JS shape of a value decoded by Python's `json.loads`, chosen so that
 * every Python-visible difference survives: int vs float, exact big integers,
 * key order.
 *
 * - `null`, `boolean`, `string`, arrays: as JSON.parse gives them.
 * - `number`: a Python int when Number.isInteger(n) (and |n| <= 2^53 - 1),
 *   else a Python float (non-integral, NaN, +-Infinity).
 * - `bigint`: a Python int too big for a double to hold exactly.
 * - `PyFloat`: a Python float whose value is integral (`1.0`, `1e5`, `-0.0`):
 *   a plain number would print as an int (`str()` gives `1.0`, not `1`).
 * - objects (dicts): plain objects with own properties only; read them with
 *   `pyGet`/`pyHas` (never `obj[key]`: `obj.constructor` is not a key) and
 *   iterate with `pyKeys` (JS moves keys like "10" before "2").
 * Always test `isPyDict(v)` before treating a value as a dict: a PyFloat is
 * an object too.
 */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

export type PyValue = null | boolean | number | bigint | string | PyFloat | PyValue[] | PyDict;
export interface PyDict {
  [key: string]: PyValue;
}

/** Set (non-enumerable) on dicts whose Python key order JS cannot keep. */
export const KEY_ORDER: unique symbol = Symbol('pipewright.pyKeyOrder');

export function isPyDict(value: unknown): value is PyDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

export function isPyList(value: unknown): value is PyValue[] {
  return Array.isArray(value);
}

/** Python `key in d`. */
export function pyHas(dict: PyDict, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(dict, key);
}

/** Python `d.get(key)`; undefined when absent (so absent and null stay distinct). */
export function pyGet(dict: PyDict, key: string): PyValue | undefined {
  return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : undefined;
}

/** Python `d[key] = value`, safe for `__proto__`; an existing key keeps its place. */
export function pySet(dict: PyDict, key: string, value: PyValue): void {
  if (key === '__proto__') {
    Object.defineProperty(dict, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    dict[key] = value;
  }
}

/** The keys in Python's insertion order. */
export function pyKeys(dict: PyDict): string[] {
  const order = (dict as { [KEY_ORDER]?: string[] })[KEY_ORDER];
  if (order === undefined) return Object.keys(dict);
  // Keys added or deleted since parsing: drop the gone, append the new.
  const kept = order.filter((key) => pyHas(dict, key));
  if (kept.length === Object.keys(dict).length) return kept;
  const seen = new Set(kept);
  for (const key of Object.keys(dict)) if (!seen.has(key)) kept.push(key);
  return kept;
}
