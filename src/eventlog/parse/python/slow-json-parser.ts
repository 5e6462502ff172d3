import { JsonDecodeError } from './json-decode-error.js';
import { MAX_JSON_DEPTH } from './needs-python-rules.js';
import { readNumber, readString } from './json-literals.js';
import { KEY_ORDER, pySet, type PyDict, type PyValue } from './py-value.js';

/**
 * A JSON parser with the exact semantics of Python 3's `json.loads` (the C
 * scanner, strict mode), for the lines JSON.parse cannot take or would
 * change: NaN/Infinity/-Infinity literals, integral float literals (`1.0`),
 * big integers, integer-like keys whose order JS objects would change.
 * Raw control characters in strings are rejected, duplicate keys keep the
 * first position and the last value, lone-surrogate escapes are kept.
 */

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
  // `text` and `pos` are the JsonCursor the literal readers (json-literals.ts) advance.
  pos = 0;
  private depth = 0;
  constructor(readonly text: string) {}

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
        return readString(this);
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
        return readNumber(this);
      default:
        return readNumber(this);
    }
  }

  private literal(word: string, value: PyValue): PyValue {
    if (!this.text.startsWith(word, this.pos)) throw new JsonDecodeError('Expecting value', this.pos);
    this.pos += word.length;
    return value;
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
      const key = readString(this);
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
