import { PyFloat, pyHas, type PyDict, type PyValue } from './py-value.js';

/**
 * Python `a == b` on values from json.loads: deep, and numeric across bool,
 * int and float (`True == 1 == 1.0`; big ints compare exactly). NaN is
 * unequal to itself at the top, but equal inside lists and dicts: json.loads
 * returns one shared NaN object, and Python's container comparison checks
 * identity first. Absent (undefined) counts as None.
 */
export function pythonEquals(a: PyValue | undefined, b: PyValue | undefined): boolean {
  return equals(a ?? null, b ?? null, false);
}

function equals(a: PyValue, b: PyValue, nested: boolean): boolean {
  if (a === b) return true;
  const x = numeric(a);
  if (x !== undefined) {
    const y = numeric(b);
    if (y === undefined) return false;
    if (typeof x === 'number' && typeof y === 'number') return x === y || (nested && Number.isNaN(x) && Number.isNaN(y));
    return bigEquals(x, y);
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => equals(item, b[i] as PyValue, true));
  }
  if (b instanceof PyFloat) return false;
  return dictEquals(a as PyDict, b);
}

/** A number-like value (bool, int, float) as number or bigint; undefined otherwise. */
function numeric(v: PyValue): number | bigint | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

function bigEquals(x: number | bigint, y: number | bigint): boolean {
  const toBig = (v: number | bigint): bigint | undefined =>
    typeof v === 'bigint' ? v : Number.isInteger(v) ? BigInt(v) : undefined;
  const bx = toBig(x);
  const by = toBig(y);
  return bx !== undefined && bx === by;
}

function dictEquals(a: PyDict, b: PyDict): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => pyHas(b, key) && equals(a[key] as PyValue, b[key] as PyValue, true));
}
