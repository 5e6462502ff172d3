import { pythonFloatRepr } from './python-float-repr.js';
import { PyFloat, pyKeys, type PyValue } from './py-value.js';

/**
 * Python 3 `json.dumps(v)` with its defaults: separators `, ` and `: `, keys
 * in insertion order, ensure_ascii (everything outside space..~ as \uXXXX,
 * per UTF-16 unit), NaN/Infinity/-Infinity, floats as repr (`1.0`, `1e+16`).
 * The answer distribution breaks timestamp ties on this text (spec 2.9).
 */
export function pythonJsonDumps(value: PyValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isInteger(value) ? String(value) : jsonFloat(value);
    case 'bigint':
      return value.toString();
    default:
      if (value instanceof PyFloat) return jsonFloat(value.value);
      if (Array.isArray(value)) return jsonList(value);
      return jsonDict(value);
  }
}

// Loops with += rather than map/join: these run for every kept event and every answer record.
function jsonList(list: PyValue[]): string {
  if (list.length === 0) return '[]';
  let out = '[' + pythonJsonDumps(list[0]);
  for (let i = 1; i < list.length; i++) out += ', ' + pythonJsonDumps(list[i]);
  return out + ']';
}

function jsonDict(dict: { [key: string]: PyValue }): string {
  const keys = pyKeys(dict);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += (i === 0 ? '' : ', ') + jsonString(key) + ': ' + pythonJsonDumps(dict[key]);
  }
  return out + '}';
}

function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  return pythonFloatRepr(x);
}

/**
 * JSON.stringify already writes what Python writes for `"`, `\`, the short
 * escapes (\n \r \t \b \f), other control characters (`\u001f`) and lone
 * surrogates (`\ud800`), all with lowercase hex as Python does; it leaves
 * U+007F and everything above raw, which ensure_ascii escapes per UTF-16
 * unit. So: most strings need no escape at all (one regex test); the others
 * go through the native encoder, and then only those units are rewritten.
 */
const NEEDS_ESCAPE = /[^ -~]|["\\]/;
const NOT_PRINTABLE_ASCII = /[^ -~]/;
const NOT_PRINTABLE_ASCII_ALL = /[^ -~]/g;

function jsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  const json = JSON.stringify(s);
  return NOT_PRINTABLE_ASCII.test(json) ? json.replace(NOT_PRINTABLE_ASCII_ALL, unicodeEscape) : json;
}

function unicodeEscape(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
