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
      if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
      return `{${pyKeys(value)
        .map((key) => `${jsonString(key)}: ${pythonJsonDumps(value[key])}`)
        .join(', ')}}`;
  }
}

function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  return pythonFloatRepr(x);
}

const ESCAPE_ASCII = /[^ -~]|["\\]/;
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function jsonString(s: string): string {
  if (!ESCAPE_ASCII.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const char = s[i] as string;
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out + '"';
}
