import { JsonDecodeError } from './json-decode-error.js';
import { PyFloat, type PyValue } from './py-value.js';

/**
 * Number and string literals by Python 3 json's C scanner, for the slow
 * parser: each reads at `cursor.pos` and leaves `pos` after the literal.
 */
export interface JsonCursor {
  readonly text: string;
  pos: number;
}

// Python 3.11+ refuses to convert an int literal of more digits (sys.int_info.default_max_str_digits).
const MAX_INT_DIGITS = 4300;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** An int (number, or bigint past 2^53), a float (number, or PyFloat when integral). */
export function readNumber(cursor: JsonCursor): PyValue {
  const text = cursor.text;
  const start = cursor.pos;
  let pos = start;
  if (text.charCodeAt(pos) === 0x2d) pos++;
  const intStart = pos;
  if (text.charCodeAt(pos) === 0x30) pos++;
  else if (isDigit(text.charCodeAt(pos))) pos = skipDigits(text, pos);
  else throw new JsonDecodeError('Expecting value', start);
  const intDigits = pos - intStart;
  let isFloat = false;
  if (text.charCodeAt(pos) === 0x2e && isDigit(text.charCodeAt(pos + 1))) {
    pos = skipDigits(text, pos + 1);
    isFloat = true;
  }
  const e = text.charCodeAt(pos);
  if (e === 0x65 || e === 0x45) {
    let expPos = pos + 1;
    const sign = text.charCodeAt(expPos);
    if (sign === 0x2b || sign === 0x2d) expPos++;
    // A malformed exponent is not part of the number (Python backs off; the rest then fails).
    if (isDigit(text.charCodeAt(expPos))) {
      pos = skipDigits(text, expPos);
      isFloat = true;
    }
  }
  cursor.pos = pos;
  const literal = text.slice(start, pos);
  if (isFloat) {
    const value = Number(literal);
    return Number.isInteger(value) ? new PyFloat(value) : value;
  }
  if (intDigits > MAX_INT_DIGITS) throw new JsonDecodeError('Integer literal too long', start);
  const value = Number(literal);
  if (Number.isSafeInteger(value)) return value === 0 ? 0 : value;
  return BigInt(literal);
}

/** A string literal: strict (no raw control characters), lone surrogate escapes kept. */
export function readString(cursor: JsonCursor): string {
  const text = cursor.text;
  const start = cursor.pos;
  let pos = start + 1;
  let out = '';
  let chunkStart = pos;
  for (;;) {
    const c = text.charCodeAt(pos);
    if (Number.isNaN(c)) throw new JsonDecodeError('Unterminated string', start);
    if (c === 0x22) break;
    if (c < 0x20) throw new JsonDecodeError('Invalid control character', pos);
    if (c !== 0x5c) {
      pos++;
      continue;
    }
    out += text.slice(chunkStart, pos);
    const escaped = text[pos + 1];
    const simple = escaped === undefined ? undefined : SIMPLE_ESCAPES[escaped];
    if (simple !== undefined) {
      out += simple;
      pos += 2;
    } else if (escaped === 'u') {
      const hex = text.slice(pos + 2, pos + 6);
      if (!HEX4.test(hex)) throw new JsonDecodeError('Invalid \\uXXXX escape', pos);
      out += String.fromCharCode(Number.parseInt(hex, 16));
      pos += 6;
    } else {
      throw new JsonDecodeError('Invalid \\escape', pos);
    }
    chunkStart = pos;
  }
  cursor.pos = pos + 1;
  return out + text.slice(chunkStart, pos);
}

const SIMPLE_ESCAPES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
});

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function skipDigits(text: string, pos: number): number {
  while (isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}
