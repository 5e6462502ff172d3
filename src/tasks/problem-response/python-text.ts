import { UsageError } from '../../core/index.js';
import { pythonStr, type PyValue } from '../../eventlog/parse/index.js';

/** Python 2's `\s` without re.UNICODE: ASCII whitespace only. */
const PY2_WHITESPACE = /[ \t\n\r\f\v]+/g;

/**
 * edX `_clean_string`: runs of whitespace become one space, then every match
 * of `[problem-response] clean_text_regex` (choice hints by default) goes.
 * Lists are cleaned item by item. A non-text value is first made text
 * (edX would crash on it; a number is a fair answer to keep).
 */
export function cleanText(value: PyValue | undefined, clean: RegExp | null): string | string[] {
  if (Array.isArray(value)) return value.map((item) => cleanOne(item, clean));
  return cleanOne(value, clean);
}

function cleanOne(value: PyValue | undefined, clean: RegExp | null): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : pythonStr(value);
  const spaced = text.replace(PY2_WHITESPACE, ' ');
  return clean === null ? spaced : spaced.replace(clean, '');
}

/** A Python regex (as edX configs write it) as a global JS regex; a bad one is a usage error naming the key. */
export function pythonSubRegex(pattern: string, where: string): RegExp {
  const js = pattern.replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>');
  try {
    return new RegExp(js, 'gu');
  } catch {
    try {
      return new RegExp(js, 'g'); // 'u' refuses escapes Python allows, such as `\>`
    } catch (error) {
      throw new UsageError(`${where} ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}.`);
    }
  }
}

/**
 * `ast.literal_eval` of a Python string literal (`report_field_list_delimiter
 * = "|"`, `"\n"`): quotes and the usual escapes. The config reader may
 * already have taken the quotes off; text without quotes is used as it is.
 */
export function pythonStringLiteral(text: string): string {
  const m = /^\s*[uU]?(['"])(.*)\1\s*$/s.exec(text);
  if (!m) return text;
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  return m[2]!.replace(/\\(.)/gs, (all, c: string) => escapes[c] ?? all);
}

/**
 * Python 2's `repr()` of a unicode string (what `unicode(tuple)` prints for
 * each item): `u'...'`, double quotes when the text has a `'` but no `"`;
 * backslash and the quote escaped; tab, newline, carriage return by name;
 * other control characters and U+007F..U+00FF as `\xhh`, the rest of the
 * BMP as `\uhhhh`, beyond it `\Uhhhhhhhh`.
 */
export function python2UnicodeRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  let out = `u${quote}`;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x10000) out += `\\U${hex(code, 8)}`;
    else if (code >= 0x100) out += `\\u${hex(code, 4)}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code >= 0x7f) out += `\\x${hex(code, 2)}`;
    else out += ch;
  }
  return out + quote;
}
