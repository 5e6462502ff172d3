import { pythonFloatRepr } from './python-float-repr.js';
import { PyFloat, pyKeys, type PyValue } from './py-value.js';

/**
 * Python 3 `str(v)` and `repr(v)` of JSON values (also `'{}'.format(v)`):
 * `None`, `True`, `1`, `1.0`, `1e+16`, `['a', 1]`, `{'k': None}`. Python 3
 * rules on purpose (spec 2.9): Python 2 would print `u'a'` and 12 digits.
 */
export function pythonStr(value: PyValue | undefined): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

export function pythonRepr(value: PyValue | undefined): string {
  if (value === null || value === undefined) return 'None';
  switch (typeof value) {
    case 'string':
      return pythonStringRepr(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'number':
      return Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
    case 'bigint':
      return value.toString();
    default:
      if (value instanceof PyFloat) return pythonFloatRepr(value.value);
      if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
      return `{${pyKeys(value)
        .map((key) => `${pythonStringRepr(key)}: ${pythonRepr(value[key])}`)
        .join(', ')}}`;
  }
}

// Python's str.isprintable() is false for these categories (space excepted).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const NEEDS_ESCAPE = /[\\'"\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python 3 `repr(str)`: single quotes unless the text has ' and no ". */
export function pythonStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (!NEEDS_ESCAPE.test(s)) return `${quote}${s}${quote}`;
  let out = quote;
  for (const char of s) {
    const code = char.codePointAt(0) as number;
    if (char === '\\' || char === quote) out += `\\${char}`;
    else if (char === '\t') out += '\\t';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (code === 0x20 || !NOT_PRINTABLE.test(char)) out += char;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
