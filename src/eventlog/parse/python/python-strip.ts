import { isPythonWhitespace } from './python-whitespace.js';

/** Python 3 `s.strip()`: not JS trim() (see python-whitespace.ts for the set). */
export function pythonStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPythonWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isPythonWhitespace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
