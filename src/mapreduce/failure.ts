import { createReadStream } from 'node:fs';
import { PipewrightError } from '../core/index.js';
import { readLineChunks, type InputSplit } from '../eventlog/reader/index.js';

/**
 * A map or reduce task failed in a worker: the message names the phase, the
 * input file and line, the error, and where in the job's code it was thrown.
 * The worker's full stack is kept in `workerStack` for --debug.
 */
export class JobFailedError extends PipewrightError {
  workerStack?: string;
}

/** Prefix an error thrown by job code with where it happened, keeping the error (and its stack) itself. */
export function annotate(error: unknown, where: string): Error {
  const err = error instanceof Error ? error : new Error(String(error));
  const original = err.message;
  err.message = `${where}: ${original}`;
  if (err.stack?.includes(original)) err.stack = err.stack.replace(original, err.message);
  return err;
}

/** The error a mapper threw on the line at `offset` (decoded bytes into the split), annotated with file and line number. */
export async function failureAt(error: unknown, who: string, split: InputSplit, offset: number): Promise<Error> {
  let where = split.path;
  try {
    where += ` line ${await lineNumberAt(split, offset)}`;
  } catch {
    where += ` at byte ${offset} of the split starting at ${split.range?.start ?? 0}`;
  }
  return annotate(error, `${who} failed on ${where}`);
}

/**
 * 1-based line number in the file of the line starting `offset` bytes into
 * the split. Only computed on failure, so re-reading is fine.
 */
async function lineNumberAt(split: InputSplit, offset: number): Promise<number> {
  let lines = 0;
  const start = split.range?.start ?? 0;
  // A split owns the lines after the first '\n' at or after start - 1 (readLineChunks' rule).
  if (start > 0) lines = (await countNewlines(split.path, start - 1)) + 1;
  let seen = 0;
  for await (const chunk of readLineChunks(split.path, { range: split.range, onCorrupt: 'skip' })) {
    const take = Math.min(chunk.length, offset - seen);
    lines += countIn(chunk, take);
    seen += take;
    if (seen >= offset) break;
  }
  return lines + 1;
}

async function countNewlines(path: string, end: number): Promise<number> {
  if (end <= 0) return 0;
  let n = 0;
  for await (const piece of createReadStream(path, { start: 0, end: end - 1 })) n += countIn(piece as Buffer, (piece as Buffer).length);
  return n;
}

function countIn(buffer: Buffer, length: number): number {
  let n = 0;
  for (let at = buffer.indexOf(10); at !== -1 && at < length; at = buffer.indexOf(10, at + 1)) n++;
  return n;
}

/** "file:///x/job.ts:12:5": the first stack frame outside Node and outside this engine, to point at the job's code. */
export function userFrame(stack: string | undefined): string | undefined {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/|\/)[^()\s]+:\d+:\d+)\)?\s*$/.exec(line.trim());
    if (!m) continue;
    const location = m[1]!;
    if (location.includes('/src/mapreduce/') || location.includes('/dist/mapreduce/') || location.includes('/eventlog/reader/')) continue;
    return location;
  }
  return undefined;
}
