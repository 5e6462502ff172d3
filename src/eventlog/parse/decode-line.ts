/**
 * Bytes of one log line to text, the way edX's rules need it (spec 2.1):
 * UTF-8 with every invalid sequence replaced by U+FFFD by the maximal-subpart
 * rule (what Python's and WHATWG's decoders do), and a leading U+FEFF KEPT.
 *
 * Why Buffer#toString and not TextDecoder: `new TextDecoder('utf-8')` drops a
 * leading BOM unless `ignoreBOM: true`, and a BOM before `{` is a line edX
 * still keeps (through the `{...}` fallback of parseEventLine). Buffer's
 * decoder never strips it and replaces invalid bytes by the same rule; the
 * tests pin both facts.
 */
export function decodeLine(buf: Buffer, start = 0, end = buf.length): string {
  return buf.toString('utf8', start, end);
}
