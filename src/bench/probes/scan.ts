import { isEntryPoint, runProbe } from './entry.js';
import { chunksOf, inputFiles } from './input-chunks.js';

/**
 * Scan floor: count the lines that contain `problem_check`, searching raw
 * Buffers (no line splitting, no decoding). Usage: node scan.js DIR...
 * Prints one JSON line: {bytes, problemCheckLines}.
 */
const NEEDLE = Buffer.from('problem_check');

export async function scanFloor(roots: string[]): Promise<{ bytes: number; problemCheckLines: number }> {
  let bytes = 0;
  let matches = 0;
  for (const file of inputFiles(roots)) {
    let carry: Buffer | null = null; // the unfinished line at the end of the previous chunk
    for await (const chunk of chunksOf(file)) {
      bytes += chunk.length;
      const firstNl = chunk.indexOf(10);
      if (firstNl === -1) {
        carry = carry ? Buffer.concat([carry, chunk]) : chunk;
        continue;
      }
      // Only the line that straddles two chunks is copied; the rest is searched in place.
      const straddling = carry ? Buffer.concat([carry, chunk.subarray(0, firstNl + 1)]) : chunk.subarray(0, firstNl + 1);
      matches += countMatchingLines(straddling, 0, straddling.length);
      const lastNl = chunk.lastIndexOf(10);
      matches += countMatchingLines(chunk, firstNl + 1, lastNl + 1);
      carry = lastNl + 1 < chunk.length ? chunk.subarray(lastNl + 1) : null;
    }
    if (carry) matches += countMatchingLines(carry, 0, carry.length);
  }
  return { bytes, problemCheckLines: matches };
}

/** Lines in buf[start, end) holding the needle, each counted once however often it appears. */
function countMatchingLines(buf: Buffer, start: number, end: number): number {
  let count = 0;
  let at = buf.indexOf(NEEDLE, start);
  while (at !== -1 && at < end) {
    count++;
    const nl = buf.indexOf(10, at);
    if (nl === -1 || nl >= end) break;
    at = buf.indexOf(NEEDLE, nl + 1);
  }
  return count;
}

if (isEntryPoint(import.meta.url)) runProbe(() => scanFloor(process.argv.slice(2)));
