import { PyFloat } from '../../eventlog/parse/python/py-value.js';
import { compareUtf8 } from '../../mapreduce/keys.js';
import { isJsonObject } from './json-value.js';

/**
 * Python 2's ordering of JSON values, which edX's CSV writer sorts rows by
 * (`sorted(rows, key=itemgetter(*columns))`, answer_dist.py:705-772):
 * None first, then numbers (bools count as 0/1), then other types by type
 * name (dict < list < unicode); strings by code point, lists element-wise.
 */
export function comparePython2(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === RANK.number) return compareNumbers(toNumber(a), toNumber(b));
  if (ra === RANK.string) return compareUtf8(a as string, b as string);
  if (ra === RANK.list) return compareLists(a as unknown[], b as unknown[]);
  if (ra === RANK.dict) return Object.keys(a as object).length - Object.keys(b as object).length;
  return 0;
}

const RANK = { none: 0, number: 1, dict: 2, list: 3, string: 4 } as const;

function rank(v: unknown): number {
  if (v === null || v === undefined) return RANK.none;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat) return RANK.number;
  if (typeof v === 'string') return RANK.string;
  if (Array.isArray(v)) return RANK.list;
  return isJsonObject(v) ? RANK.dict : RANK.none;
}

function toNumber(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number(v instanceof PyFloat ? v.value : v);
}

function compareNumbers(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareLists(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = comparePython2(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Tuples of cells compared left to right. */
export function compareRows(a: readonly unknown[], b: readonly unknown[]): number {
  return compareLists(a as unknown[], b as unknown[]);
}
