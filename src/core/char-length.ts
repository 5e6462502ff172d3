/**
 * Lengths as Python's `len()` and MySQL's VARCHAR count them: characters
 * (code points), not JavaScript's UTF-16 units. An emoji is one character
 * and two units, so `s.length` over-counts and `s.slice` can cut one in two.
 */

/** The number of characters (a lone surrogate counts as one, as `[...s]` does). */
export function charLength(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** charLength(s) > max, without counting when the unit length already says no. */
export function longerThan(s: string, max: number): boolean {
  return s.length > max && charLength(s) > max;
}

/** The first `max` characters (Python's `s[:max]`), never half of a pair. */
export function firstChars(s: string, max: number): string {
  if (!longerThan(s, max)) return s;
  let end = 0;
  for (let chars = 0; chars < max; chars++) {
    const c = s.charCodeAt(end);
    const next = s.charCodeAt(end + 1);
    end += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return s.slice(0, end);
}
