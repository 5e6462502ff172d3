import { PyFloat, pyKeys, pythonEquals, type PyDict, type PyValue } from '../../eventlog/parse/index.js';
import { isJsonObject } from './json-value.js';

/**
 * Python 2's ordering of JSON values, which edX's CSV writer sorts rows by
 * (`sorted(rows, key=itemgetter(*columns))`, answer_dist.py:705-772):
 * None first, then numbers (bools count as 0/1, big ints exactly), then other
 * types by type name (dict < list < unicode); strings by code point (a wide
 * Python 2 build: a lone surrogate is its own code point, below U+E000),
 * lists and dicts as Python 2 compares them. 0 also stands for "neither is
 * less" (a NaN against a number), which is all sorted() asks.
 */
export function comparePython2(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === RANK.number) return compareNumbers(a as Numeric, b as Numeric);
  if (ra === RANK.string) return compareCodePoints(a as string, b as string);
  if (ra === RANK.list) return compareLists(a as PyValue[], b as PyValue[]);
  if (ra === RANK.dict) return compareDicts(a as PyDict, b as PyDict);
  return 0;
}

const RANK = { none: 0, number: 1, dict: 2, list: 3, string: 4 } as const;
type Numeric = number | bigint | boolean | PyFloat;

function rank(v: unknown): number {
  if (v === null || v === undefined) return RANK.none;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat) return RANK.number;
  if (typeof v === 'string') return RANK.string;
  if (Array.isArray(v)) return RANK.list;
  return isJsonObject(v) ? RANK.dict : RANK.none;
}

function compareNumbers(a: Numeric, b: Numeric): number {
  const x = typeof a === 'boolean' ? (a ? 1 : 0) : a instanceof PyFloat ? a.value : a;
  const y = typeof b === 'boolean' ? (b ? 1 : 0) : b instanceof PyFloat ? b.value : b;
  if (typeof x === 'bigint' || typeof y === 'bigint') return compareExactly(x, y);
  return x < y ? -1 : x > y ? 1 : 0;
}

// Python 2.7 compares an int with a float exactly (2**64 + 1 > 2.0**64).
function compareExactly(x: number | bigint, y: number | bigint): number {
  if (typeof x === 'number' && !Number.isFinite(x)) return Number.isNaN(x) ? 0 : x > 0 ? 1 : -1;
  if (typeof y === 'number' && !Number.isFinite(y)) return Number.isNaN(y) ? 0 : y > 0 ? -1 : 1;
  const bx = typeof x === 'bigint' ? x : BigInt(Math.floor(x));
  const by = typeof y === 'bigint' ? y : BigInt(Math.floor(y));
  if (bx !== by) return bx < by ? -1 : 1;
  // Same integer part: the one with a fraction left over is larger.
  const fx = typeof x === 'number' && !Number.isInteger(x);
  const fy = typeof y === 'number' && !Number.isInteger(y);
  return fx === fy ? 0 : fx ? 1 : -1;
}

/** Code point order of UTF-16 strings; an unpaired surrogate counts as its own code point. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

// Python 2 list (and tuple) order: the first items that are not == decide; else the shorter first.
function compareLists(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (!sameItem(a[i], b[i])) return comparePython2(a[i], b[i]);
  }
  return a.length - b.length;
}

// Inside containers Python checks identity first, and json.loads shares one NaN object.
function sameItem(a: unknown, b: unknown): boolean {
  return pythonEquals([a as PyValue], [b as PyValue]);
}

/**
 * Python 2 `dict_compare`: the shorter dict first; else the smallest key
 * whose value differs (or is missing) in each, compared, then its values.
 */
function compareDicts(a: PyDict, b: PyDict): number {
  const na = pyKeys(a).length;
  const nb = pyKeys(b).length;
  if (na !== nb) return na - nb;
  const ka = smallestDifferingKey(a, b);
  if (ka === undefined) return 0;
  const kb = smallestDifferingKey(b, a);
  const byKey = kb === undefined ? 0 : compareCodePoints(ka, kb);
  if (byKey !== 0 || kb === undefined) return byKey;
  return comparePython2(a[ka], b[kb]);
}

function smallestDifferingKey(a: PyDict, b: PyDict): string | undefined {
  let smallest: string | undefined;
  for (const key of pyKeys(a)) {
    if (smallest !== undefined && compareCodePoints(smallest, key) < 0) continue;
    const differs = !Object.prototype.hasOwnProperty.call(b, key) || !sameItem(a[key], b[key]);
    if (differs) smallest = key;
  }
  return smallest;
}

/** Tuples of cells compared left to right. */
export function compareRows(a: readonly unknown[], b: readonly unknown[]): number {
  return compareLists(a, b);
}
