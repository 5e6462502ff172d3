import type { FileHandle } from 'node:fs/promises';
import type { ByteRange } from './byte-range.js';

const NEWLINE = 0x0a;

/**
 * Whole-line chunks of a plain file, or of the lines that start inside
 * `range`. The ownership rule is Hadoop's: a line belongs to the split where
 * it starts. A split owns the bytes after the first '\n' at or after
 * `start - 1` (all from 0 when start is 0) up to and including the first '\n'
 * at or after `end - 1`. Neighbouring splits meet exactly, so every line is
 * read once whatever the cut points are.
 */
export async function* plainLineChunks(handle: FileHandle, range: ByteRange | undefined, chunkSize: number): AsyncGenerator<Buffer> {
  const size = (await handle.stat()).size;
  const end = Math.min(range?.end ?? size, size);
  let position = range?.start ?? 0;
  if (position > 0) {
    const newline = await findNewline(handle, position - 1, size, chunkSize);
    if (newline === -1) return;
    position = newline + 1;
  }
  if (position >= end) return;
  yield* ownedChunks(handle, position, end, size, chunkSize);
}

async function* ownedChunks(handle: FileHandle, position: number, end: number, size: number, chunkSize: number): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  while (position < size) {
    // A fresh buffer per chunk: consumers may keep a chunk while we read on.
    const data = Buffer.allocUnsafe(carry.length + chunkSize);
    carry.copy(data, 0);
    const { bytesRead } = await handle.read(data, carry.length, chunkSize, position);
    if (bytesRead === 0) break;
    const base = position - carry.length;
    const filled = data.subarray(0, carry.length + bytesRead);
    position += bytesRead;
    const lastOwnedByte = end - 1 - base;
    if (lastOwnedByte < filled.length) {
      const stop = filled.indexOf(NEWLINE, Math.max(0, lastOwnedByte));
      if (stop !== -1) {
        yield filled.subarray(0, stop + 1);
        return;
      }
    }
    const lastNewline = filled.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      carry = filled; // one line longer than a chunk: keep growing it
      continue;
    }
    yield filled.subarray(0, lastNewline + 1);
    carry = filled.subarray(lastNewline + 1);
  }
  if (carry.length > 0) yield carry; // the file's unterminated last line
}

/** Offset of the first '\n' at or after `from`, or -1. */
async function findNewline(handle: FileHandle, from: number, size: number, chunkSize: number): Promise<number> {
  const buffer = Buffer.allocUnsafe(Math.min(chunkSize, 64 * 1024));
  let position = from;
  while (position < size) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return -1;
    const at = buffer.subarray(0, bytesRead).indexOf(NEWLINE);
    if (at !== -1) return position + at;
    position += bytesRead;
  }
  return -1;
}
