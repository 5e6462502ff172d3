import type { FileHandle } from 'node:fs/promises';
import type { ByteRange } from './byte-range.js';
import type { LineLimit } from './line-limit.js';

const NEWLINE = 0x0a;

/**
 * Whole-line chunks of a plain file, or of the lines that start inside
 * `range`. The ownership rule is Hadoop's: a line belongs to the split where
 * it starts. A split owns the bytes after the first '\n' at or after
 * `start - 1` (all from 0 when start is 0) up to and including the first '\n'
 * at or after `end - 1`. Neighbouring splits meet exactly, so every line is
 * read once whatever the cut points are.
 */
export async function* plainLineChunks(handle: FileHandle, range: ByteRange | undefined, chunkSize: number, limit: LineLimit): AsyncGenerator<Buffer> {
  const size = (await handle.stat()).size;
  const end = Math.min(range?.end ?? size, size);
  let position = range?.start ?? 0;
  if (position > 0) {
    const newline = await findNewline(handle, position - 1, size, chunkSize);
    if (newline === -1) return;
    position = newline + 1;
  }
  if (position >= end) return;
  yield* ownedChunks(handle, position, end, size, chunkSize, limit);
}

async function* ownedChunks(handle: FileHandle, position: number, end: number, size: number, chunkSize: number, limit: LineLimit): AsyncGenerator<Buffer> {
  let carry: Buffer = EMPTY;
  let skipping = false; // inside a line over the limit: its bytes are dropped up to its newline
  let next = readAhead(handle, position, chunkSize);
  while (position < size) {
    const block = await next;
    if (block.length === 0) break;
    // Lines never split across chunks: the tail of the last block leads this one.
    let data = withCarry(carry, block);
    let base = position - carry.length;
    position += block.length;
    if (skipping) {
      const newline = data.indexOf(NEWLINE);
      if (newline === -1) {
        next = position < size ? readAhead(handle, position, chunkSize) : Promise.resolve(EMPTY);
        continue;
      }
      skipping = false;
      limit.onOverlong();
      if (base + newline >= end - 1) return; // that line was the split's last
      data = data.subarray(newline + 1);
      base += newline + 1;
    }
    const lastOwnedByte = end - 1 - base;
    if (lastOwnedByte < data.length) {
      const stop = data.indexOf(NEWLINE, Math.max(0, lastOwnedByte));
      if (stop !== -1) {
        yield data.subarray(0, stop + 1);
        return;
      }
    }
    // Read the next block while the consumer maps this one (a fresh buffer: consumers may keep a chunk).
    next = position < size ? readAhead(handle, position, chunkSize) : Promise.resolve(EMPTY);
    const lastNewline = data.lastIndexOf(NEWLINE);
    if (lastNewline !== -1) yield data.subarray(0, lastNewline + 1);
    carry = data.subarray(lastNewline + 1); // a line longer than a chunk keeps growing here...
    if (carry.length > limit.maxLineBytes) {
      skipping = true; // ...up to the limit
      carry = EMPTY;
    }
  }
  if (skipping) limit.onOverlong();
  else if (carry.length > 0) yield carry; // the file's unterminated last line
}

const EMPTY: Buffer = Buffer.alloc(0);

/**
 * Room left in front of each block for the previous block's unfinished
 * line, so that joining them copies that line, not the block (a copy of
 * every block cost as much as reading it).
 */
const CARRY_ROOM = 16 * 1024;

function withCarry(carry: Buffer, block: Buffer): Buffer {
  if (carry.length === 0) return block;
  if (carry.length > block.byteOffset) return Buffer.concat([carry, block]);
  const whole = Buffer.from(block.buffer, block.byteOffset - carry.length, carry.length + block.length);
  carry.copy(whole, 0);
  return whole;
}

/**
 * Start reading `length` bytes at `position`. A consumer that stops early
 * leaves the last read unawaited: its failure (the handle closed under it)
 * must not surface as an unhandled rejection.
 */
function readAhead(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(CARRY_ROOM + length);
  const read = handle.read(buffer, CARRY_ROOM, length, position).then(({ bytesRead }) => buffer.subarray(CARRY_ROOM, CARRY_ROOM + bytesRead));
  read.catch(() => undefined);
  return read;
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
