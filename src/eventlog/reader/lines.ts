/**
 * Line scanning over a chunk of whole lines (what readLineChunks yields).
 * Lines end at '\n' only: a lone '\r' is data, and a '\r' before the '\n'
 * stays in the line (edX split on '\n' only; the parser decides about '\r').
 * Callbacks get `[start, end)` offsets without the '\n', so nothing is copied
 * or decoded unless the caller wants to.
 */
const NEWLINE = 0x0a;

export type LineCallback = (start: number, end: number) => void;

/** Call fn for every line of the chunk; an unterminated last line counts. */
export function forEachLine(chunk: Buffer, fn: LineCallback): void {
  let start = 0;
  const length = chunk.length;
  while (start < length) {
    let end = chunk.indexOf(NEWLINE, start);
    if (end === -1) end = length;
    fn(start, end);
    start = end + 1;
  }
}

/** The number of lines in the chunk (an unterminated last line counts): a native scan, about 8 GB/s. */
export function countLines(chunk: Buffer): number {
  let lines = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines++;
  return chunk.length > 0 && chunk[chunk.length - 1] !== NEWLINE ? lines + 1 : lines;
}

/**
 * Call fn only for the lines that contain `needle` (which must not contain
 * '\n'). It jumps from match to match with indexOf, a fast native byte
 * search, and only then looks for the enclosing line: lines without the
 * needle are never visited one by one, which is what makes a raw pre-filter
 * such as `problem_check` nearly free.
 */
export function forEachLineContaining(chunk: Buffer, needle: Buffer, fn: LineCallback): void {
  if (needle.length === 0) return forEachLine(chunk, fn);
  if (needle.includes(NEWLINE)) throw new RangeError('forEachLineContaining: the needle must not contain a newline');
  let from = 0;
  const length = chunk.length;
  while (from < length) {
    const hit = chunk.indexOf(needle, from);
    if (hit === -1) return;
    // lastIndexOf with a negative offset counts from the end: guard the first byte.
    const start = hit === 0 ? 0 : chunk.lastIndexOf(NEWLINE, hit - 1) + 1;
    let end = chunk.indexOf(NEWLINE, hit + needle.length);
    if (end === -1) end = length;
    fn(start, end);
    from = end + 1;
  }
}
