import type { Counters } from '../../core/counters.js';
import { InputError } from '../../core/errors.js';
import type { ByteRange } from './byte-range.js';
import { hasGzipMagic } from './gzip-magic.js';
import { open, type FileHandle } from 'node:fs/promises';
import { GzipDamage, gzipLineChunks } from './gzip-chunks.js';
import { plainLineChunks } from './plain-chunks.js';
import { DEFAULT_MAX_LINE_BYTES, type LineLimit } from './line-limit.js';

export interface ReadLineChunksOptions {
  /** Read only the lines that start inside this range (plain files; gzip accepts only start 0 = whole file). */
  range?: ByteRange;
  /** A corrupt or truncated gzip: fail (default) or count it and keep the lines before the damage. */
  onCorrupt?: 'error' | 'skip';
  /** Where skips are counted (group `Input`). */
  counters?: Counters;
  /** Bytes read per step; a chunk is about this size. Default 1 MiB. */
  chunkSize?: number;
  /** Lines longer than this are dropped and counted, never held whole (default 16 MiB, see line-limit.ts). */
  maxLineBytes?: number;
}

/** Counter group and names this reader uses. */
export const INPUT_COUNTERS = {
  group: 'Input',
  corruptGzipFiles: 'Corrupt Gzip Files',
  /** Lines over the length limit (see line-limit.ts), dropped unread. */
  overlongLines: 'Lines Over 16 MiB Dropped',
} as const;

const DEFAULT_CHUNK_SIZE = 1 << 20;

/**
 * The lines of a tracking log, as Buffers holding whole lines only (each
 * ends with '\n' except possibly the file's unterminated last line). Plain or
 * gzip, told apart by magic bytes; streamed, so memory stays at a few chunks
 * whatever the file size. Bytes are passed through untouched: decoding (and
 * what to do with invalid UTF-8) is the consumer's business. An empty file
 * yields nothing.
 */
export async function* readLineChunks(path: string, options: ReadLineChunksOptions = {}): AsyncGenerator<Buffer> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!(chunkSize >= 1)) throw new RangeError(`readLineChunks: chunkSize must be at least 1, got ${chunkSize}`);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    yield* chunksOfOpenFile(handle, path, options, chunkSize);
  } finally {
    await handle.close();
  }
}

async function* chunksOfOpenFile(handle: FileHandle, path: string, options: ReadLineChunksOptions, chunkSize: number): AsyncGenerator<Buffer> {
  let gzip: boolean;
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    gzip = hasGzipMagic(head.subarray(0, bytesRead));
  } catch (error) {
    throw unreadable(path, error);
  }
  if (!gzip) {
    try {
      yield* plainLineChunks(handle, options.range, chunkSize, lineLimit(options));
    } catch (error) {
      throw unreadable(path, error);
    }
    return;
  }
  // A gzip stream cannot be entered mid-way; a range starting at 0 means "the whole file".
  if (options.range && options.range.start > 0)
    throw new InputError(`${path} is gzip-compressed and cannot be read by byte range; read it whole (planSplits never cuts gzip files).`);
  try {
    yield* gzipLineChunks(handle, path, chunkSize, lineLimit(options), options.onCorrupt === 'skip');
  } catch (error) {
    if (!(error instanceof GzipDamage)) throw unreadable(path, error);
    if (options.onCorrupt === 'skip') {
      options.counters?.add(INPUT_COUNTERS.group, INPUT_COUNTERS.corruptGzipFiles);
      return;
    }
    throw new InputError(`${error.message}. Replace the file, or pass --on-corrupt-input skip to count it and keep the lines before the damage.`);
  }
}

function lineLimit(options: ReadLineChunksOptions): LineLimit {
  return {
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    onOverlong: () => options.counters?.add(INPUT_COUNTERS.group, INPUT_COUNTERS.overlongLines),
  };
}

function unreadable(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new InputError(`Input file ${path} does not exist (it may have been moved since the inputs were listed).`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`Input file ${path} is not readable (permission denied); fix its permissions.`);
  if (code === 'EISDIR') return new InputError(`Input ${path} is a directory, not a file.`);
  return error;
}
