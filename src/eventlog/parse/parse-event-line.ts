import { isPythonWhitespace } from './python/python-whitespace.js';
import { isPyDict, type PyDict } from './python/py-value.js';
import { tryParsePythonJson } from './python/parse-python-json.js';

/**
 * Why a line gave no event: `unparseable` = not JSON, even between the first
 * `{` and the last `}` (edX drops it); `not-an-object` = valid JSON whose top
 * level is a list, number, string... (edX then crashes on `.get`: spec 2.8).
 */
export type LineParseError = 'unparseable' | 'not-an-object';

export type LineParseResult = { event: PyDict; recovered: boolean } | { error: LineParseError };

/**
 * edX's `parse_json_event` (util/eventlog.py): decode the whole line; if that
 * fails, retry ONCE on PATTERN_JSON's span `^.*?(\{.*\})\s*$`, which is
 * the first `{` through the last `}` followed only by (Python, Unicode)
 * whitespace. `recovered` says the retry was needed (a syslog prefix, a BOM).
 * The span is found with indexOf, not a JS regex: JS `.` stops at \r,
 * \u2028 and \u2029, and JS `\s` has another whitespace set.
 */
export function parseEventLine(line: string): LineParseResult {
  let parsed = tryParsePythonJson(line);
  let recovered = false;
  if (parsed === undefined) {
    const span = jsonSpan(line);
    if (span !== undefined) parsed = tryParsePythonJson(span);
    if (parsed === undefined) return { error: 'unparseable' };
    recovered = true;
  }
  return isPyDict(parsed) ? { event: parsed, recovered } : { error: 'not-an-object' };
}

/** The text PATTERN_JSON captures, or undefined when it does not match. */
export function jsonSpan(line: string): string | undefined {
  let end = line.length;
  while (end > 0 && isPythonWhitespace(line.charCodeAt(end - 1))) end--;
  if (end === 0 || line.charCodeAt(end - 1) !== 0x7d) return undefined;
  const start = line.indexOf('{');
  if (start === -1 || start >= end - 1) return undefined;
  // Python's `.` stops at '\n' (only there): a line from the reader has none,
  // but a caller's text might.
  const newline = line.indexOf('\n');
  if (newline !== -1 && newline < end) return undefined;
  return line.slice(start, end);
}
