import { JsonDecodeError } from './json-decode-error.js';
import { MAX_JSON_DEPTH } from './needs-python-rules.js';
import { KEY_ORDER, PyFloat, pySet, type PyDict, type PyValue } from './py-value.js';

/**
 * A JSON parser with the exact semantics of Python 3's `json.loads` (the C
 * scanner, strict mode), for the lines JSON.parse cannot take or would
 * change: NaN/Infinity/-Infinity literals, integral float literals (`1.0`),
 * big integers, integer-like keys whose order JS objects would change.
 * Raw control characters in strings are rejected, duplicate keys keep the
 * first position and the last value, lone-surrogate escapes are kept.
 */

// Python 3.11+ refuses to convert an int literal of more digits (sys.int_info.default_max_str_digits).
const MAX_INT_DIGITS = 4300;
const ARRAY_INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
const MAX_ARRAY_INDEX = 4294967294;

export function parseJsonSlowly(text: string): PyValue {
  const parser = new SlowJsonParser(text);
  parser.skipWhitespace();
  const value = parser.value();
  parser.skipWhitespace();
  if (parser.pos !== text.length) throw new JsonDecodeError('Extra data', parser.pos);
  return value;
}

class SlowJsonParser {
  pos = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(): PyValue {
    const c = this.text[this.pos];
    switch (c) {
      case '"':
        return this.string();
      case '{':
        return this.object();
      case '[':
        return this.array();
      case 'n':
        return this.literal('null', null);
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'N':
        return this.literal('NaN', Number.NaN);
      case 'I':
        return this.literal('Infinity', Number.POSITIVE_INFINITY);
      case '-':
        if (this.text.startsWith('-Infinity', this.pos)) return this.literal('-Infinity', Number.NEGATIVE_INFINITY);
        return this.number();
      default:
        return this.number();
    }
  }

  private literal(word: string, value: PyValue): PyValue {
    if (!this.text.startsWith(word, this.pos)) throw new JsonDecodeError('Expecting value', this.pos);
    this.pos += word.length;
    return value;
  }

  private number(): PyValue {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === 0x2d) pos++;
    const intStart = pos;
    if (text.charCodeAt(pos) === 0x30) pos++;
    else if (isDigit(text.charCodeAt(pos)) ) pos = skipDigits(text, pos);
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
    this.pos = pos;
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

  private string(): string {
    const text = this.text;
    let pos = this.pos + 1;
    let out = '';
    let chunkStart = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) throw new JsonDecodeError('Unterminated string', this.pos);
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
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonDecodeError('Invalid \\uXXXX escape', pos);
        out += String.fromCharCode(Number.parseInt(hex, 16));
        pos += 6;
      } else {
        throw new JsonDecodeError('Invalid \\escape', pos);
      }
      chunkStart = pos;
    }
    out += text.slice(chunkStart, pos);
    this.pos = pos + 1;
    return out;
  }

  private enter(): void {
    if (++this.depth > MAX_JSON_DEPTH) throw new JsonDecodeError('Too deeply nested (Python: RecursionError)', this.pos);
  }

  private object(): PyDict {
    this.enter();
    const dict: PyDict = {};
    let order: string[] | undefined;
    let keys: string[] | undefined;
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      this.depth--;
      return dict;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') throw new JsonDecodeError('Expecting property name enclosed in double quotes', this.pos);
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') throw new JsonDecodeError("Expecting ':' delimiter", this.pos);
      this.pos++;
      this.skipWhitespace();
      const value = this.value();
      if (!Object.prototype.hasOwnProperty.call(dict, key)) {
        (keys ??= []).push(key);
        if (ARRAY_INDEX_KEY.test(key) && Number(key) <= MAX_ARRAY_INDEX) order = keys;
      }
      pySet(dict, key, value);
      this.skipWhitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === '}') break;
      if (c !== ',') throw new JsonDecodeError("Expecting ',' delimiter", this.pos - 1);
      this.skipWhitespace();
    }
    if (order !== undefined) Object.defineProperty(dict, KEY_ORDER, { value: order, enumerable: false });
    this.depth--;
    return dict;
  }

  private array(): PyValue[] {
    this.enter();
    const list: PyValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      this.depth--;
      return list;
    }
    for (;;) {
      list.push(this.value());
      this.skipWhitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === ']') break;
      if (c !== ',') throw new JsonDecodeError("Expecting ',' delimiter", this.pos - 1);
      this.skipWhitespace();
    }
    this.depth--;
    return list;
  }
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
