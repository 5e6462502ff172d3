/**
 * Python 3's whitespace (`str.isspace()`, `str.strip()`, regex `\s` on str):
 * \t \n \v \f \r, \x1c-\x1f, space, \x85, NBSP, \u1680, \u2000-\u200a,
 * \u2028, \u2029, \u202f, \u205f, \u3000. NOT \ufeff (JS trim() strips it)
 * and not \u180e (whitespace only in Python 2's older Unicode tables).
 */
export function isPythonWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}
