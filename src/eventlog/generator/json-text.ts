/**
 * JSON text of a string the way edX's LMS writes it (Python's json.dumps,
 * ensure_ascii): non-ASCII as \uXXXX escapes. World names, ids and texts are
 * encoded once with this; free text typed by learners is written as raw
 * UTF-8 (JSON.stringify), so the logs hold both, as real ones from several
 * producers do.
 */
export function jsonText(s: string): string {
  const text = JSON.stringify(s);
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** JSON text of any string (raw UTF-8 kept). */
export const q = (s: string): string => JSON.stringify(s);

/** JSON text of a string known to need no escaping (timestamps, hex ids, fixed names). */
export const plain = (s: string): string => '"' + s + '"';
