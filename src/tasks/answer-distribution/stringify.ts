import { pythonStr, pythonStrip, type PyValue } from '../../eventlog/parse/index.js';
import { htmlToText } from './html-text.js';

/**
 * edX raises on a list item that is not a string (`value.strip()`); the
 * mapper drops such events first (crash policy), so reaching this is a bug
 * or a hand-made stage 1 file.
 */
export class AnswerListItemError extends Error {}

/**
 * An answer value as one canonical string (edX `stringify`, answer_dist.py:521-551):
 * a string is stripped (or reduced to its HTML text when it is a choice's
 * markup), a list becomes `[a|b|c]` with each item treated the same way
 * (a null item of markup is no text: `--answer-metadata` maps a choice to null),
 * anything else is Python's `str()` of it (`None`, `True`, `5`).
 */
export function stringify(value: PyValue, containsHtml = false): string {
  if (typeof value === 'string') return normalizeText(value, containsHtml);
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      // html5lib reads None as an empty byte stream (Python 2 BytesIO(None)): no text, no error.
      if (item === null && containsHtml) return '';
      if (typeof item !== 'string') throw new AnswerListItemError(`answer list item is not a string: ${pythonStr(item)}`);
      return normalizeText(item, containsHtml);
    });
    return `[${items.join('|')}]`;
  }
  return pythonStr(value);
}

function normalizeText(text: string, containsHtml: boolean): string {
  return containsHtml ? htmlToText(text) : pythonStrip(text);
}

/** True when stringify() would throw for this value: a list holding a non-string. */
export function hasNonStringItem(value: unknown): boolean {
  return Array.isArray(value) && value.some((item) => typeof item !== 'string');
}
