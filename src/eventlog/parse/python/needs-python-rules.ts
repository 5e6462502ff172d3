/**
 * Would JSON.parse give a different value than Python's json.loads for this
 * text (when both accept it)? True when, outside strings, there is a float
 * literal with an integral value (`7.0`, `1e5`: a plain number would print as
 * an int), `-0` (an int 0 in Python), a number of 16+ digits (big ints lose
 * precision, long fractions may round to an integer), or an integer-like
 * key such as "10" (JS moves it before the other keys), or nesting deeper than
 * Python accepts (MAX_JSON_DEPTH).
 *
 * A scanner, not a regex: it jumps over strings with indexOf, which is most
 * of a line, and looks at numbers only where JSON can have them. False
 * positives are allowed (they only cost the slow parser), misses are not.
 */
/**
 * Python's json.loads raises RecursionError on deep nesting; where exactly
 * depends on the caller's stack (CPython 3.11: a top-level call fails from
 * 996 levels, a call 10 frames deeper from 985). We refuse more than 990.
 */
export const MAX_JSON_DEPTH = 990;

export function needsPythonRules(text: string): boolean {
  const length = text.length;
  let i = 0;
  let depth = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return true;
      i++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      i++;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) return false; // unterminated: JSON.parse fails, the slow parser decides
      if (isIndexLikeKey(text, i + 1, end)) return true;
      i = end + 1;
    } else if (c === MINUS || isDigit(c)) {
      const end = numberEnd(text, i);
      if (end < 0) return true;
      i = end;
    } else {
      i++;
    }
  }
  return false;
}

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const MAX_ARRAY_INDEX = '4294967294';

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Index of the quote closing the string opened at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** A key JS would order as an array index ("0", "17", ...), followed by ':'. */
function isIndexLikeKey(text: string, from: number, to: number): boolean {
  const length = to - from;
  if (length === 0 || length > 10 || !isDigit(text.charCodeAt(from))) return false;
  if (length > 1 && text.charCodeAt(from) === ZERO) return false;
  for (let k = from + 1; k < to; k++) if (!isDigit(text.charCodeAt(k))) return false;
  if (length === 10 && text.slice(from, to) > MAX_ARRAY_INDEX) return false;
  let next = to + 1;
  while (next < text.length && isJsonWhitespace(text.charCodeAt(next))) next++;
  return text.charCodeAt(next) === 0x3a;
}

function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** End of the number at `start`; negative when Python and JS would disagree on it. */
function numberEnd(text: string, start: number): number {
  let k = start;
  if (text.charCodeAt(k) === MINUS) k++;
  const intStart = k;
  while (isDigit(text.charCodeAt(k))) k++;
  let digits = k - intStart;
  if (text.charCodeAt(start) === MINUS && digits === 1 && text.charCodeAt(intStart) === ZERO) {
    if (text.charCodeAt(k) !== 0x2e) return -1; // -0
  }
  let integral = true;
  if (text.charCodeAt(k) === 0x2e) {
    k++;
    const fractionStart = k;
    while (isDigit(text.charCodeAt(k))) {
      if (text.charCodeAt(k) !== ZERO) integral = false;
      k++;
    }
    digits += k - fractionStart;
    if (integral) return -1; // 7.0
  }
  const e = text.charCodeAt(k);
  if (e === 0x65 || e === 0x45) return -1;
  if (digits >= 16) return -1;
  return Math.max(k, start + 1);
}
