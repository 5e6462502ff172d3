import { isPythonWhitespace } from './python-whitespace.js';

/**
 * Python 2 `float(text)` of a unicode string (edX's `try_str_to_float`):
 * surrounding whitespace, an optional sign, then digits with an optional `.`
 * and exponent (`1.`, `.5`, `1e5`), or `inf`/`infinity`/`nan` in any case.
 * No `_` (Python 3 only), no hex, no `1,000`. Unicode decimal digits count as
 * their ASCII value, as Python 2 converted them first. Returns null where
 * Python raises; inf and nan come back as numbers (callers decide).
 */
const FLOAT_SYNTAX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const NON_ASCII_DIGIT = /\p{Nd}/u;

export function pythonFloat(text: string): number | null {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isPythonWhitespace(text.charCodeAt(end - 1))) end--;
  let core = text.slice(start, end);
  if (!isAscii(core)) core = asciiDigits(core);
  if (!FLOAT_SYNTAX.test(core)) return null;
  const lower = core.toLowerCase();
  const sign = lower.startsWith('-') ? -1 : 1;
  const unsigned = lower.replace(/^[+-]/, '');
  if (unsigned === 'nan') return Number.NaN;
  if (unsigned === 'inf' || unsigned === 'infinity') return sign * Number.POSITIVE_INFINITY;
  return Number(core);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Unicode decimal digits to ASCII ones (other characters left, so they fail the syntax). */
function asciiDigits(s: string): string {
  let out = '';
  for (const char of s) {
    const value = NON_ASCII_DIGIT.test(char) ? decimalValue(char.codePointAt(0) as number) : -1;
    out += value >= 0 ? String(value) : char;
  }
  return out;
}

/** Decimal digits come in runs of ten starting at zero: walk back to the run's start. */
function decimalValue(code: number): number {
  let zero = code;
  while (zero > 0 && NON_ASCII_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (code - zero) % 10;
}
