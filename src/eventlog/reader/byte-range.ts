import { stat } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { isGzipFile } from './gzip-magic.js';

/** A half-open byte range `[start, end)` of a plain file. */
export interface ByteRange {
  start: number;
  end: number;
}

/** One unit of map input: a whole file, or a byte range of a large plain file. */
export interface InputSplit {
  path: string;
  /** Absent: the whole file (always so for gzip, which cannot be entered mid-stream). */
  range?: ByteRange;
  /** Bytes on disk this split covers (compressed bytes for gzip), for balancing work. */
  bytes: number;
  gzip: boolean;
}

/**
 * Hadoop's FileInputFormat tolerance: the last split may be up to 10% larger
 * than the target rather than leaving a sliver of a split behind.
 */
const SPLIT_SLOP = 1.1;

/**
 * Cut input files into splits of about `targetBytes`. Plain files larger than
 * that are cut at byte offsets; readLineChunks() then gives each line to the
 * split where it starts, so every line is read exactly once. Gzip files (by
 * magic bytes) are never cut. Order: files as given, ranges in file order.
 */
export async function planSplits(files: readonly string[], targetBytes: number): Promise<InputSplit[]> {
  if (!(targetBytes >= 1)) throw new RangeError(`planSplits: targetBytes must be at least 1, got ${targetBytes}`);
  const splits: InputSplit[] = [];
  for (const path of files) {
    let size: number;
    let gzip: boolean;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new InputError(`Input ${path} is not a regular file; list files, not directories.`);
      size = info.size;
      gzip = await isGzipFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new InputError(`Input file ${path} does not exist (it may have been moved since the inputs were listed).`);
      if (code === 'EACCES' || code === 'EPERM') throw new InputError(`Input file ${path} is not readable (permission denied); fix its permissions.`);
      throw error;
    }
    if (gzip || size <= targetBytes * SPLIT_SLOP) {
      splits.push({ path, bytes: size, gzip });
      continue;
    }
    let start = 0;
    while (size - start > targetBytes * SPLIT_SLOP) {
      splits.push({ path, range: { start, end: start + targetBytes }, bytes: targetBytes, gzip });
      start += targetBytes;
    }
    splits.push({ path, range: { start, end: size }, bytes: size - start, gzip });
  }
  return splits;
}
