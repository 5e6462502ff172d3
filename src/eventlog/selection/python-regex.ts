import { UsageError } from '../../core/errors.js';

/**
 * edX writes its file patterns as Python regexes, `.*tracking.log-(?P<date>\d{8}).*`,
 * and applies them with `re.match`: anchored at the start, not at the end.
 * JS spells named groups `(?<date>...)` and back-references `\k<date>`; the
 * rest of what such patterns use is the same in both.
 */
export function pythonRegex(pattern: string, flag: string): RegExp {
  // Python's leading inline flags, `(?i)` and friends: JS takes them as flags instead.
  const inline = /^\(\?([aiLmsux]+)\)/.exec(pattern);
  const flags = [...new Set(inline?.[1] ?? '')].filter((f) => 'ims'.includes(f)).join('');
  const body = inline ? pattern.slice(inline[0].length) : pattern;
  const js = body.replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>').replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>');
  try {
    return new RegExp(`^(?:${js})`, flags + 'u');
  } catch {
    try {
      // 'u' rejects escapes Python allows (`\-` outside a class); retry without it.
      return new RegExp(`^(?:${js})`, flags);
    } catch (error) {
      throw new UsageError(`${flag} ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}.`);
    }
  }
}
