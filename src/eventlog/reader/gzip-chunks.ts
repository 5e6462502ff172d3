import type { FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { decodedBeforeDamage } from './gzip-recovery.js';
import type { LineLimit } from './line-limit.js';

const NEWLINE = 0x0a;

/** What went wrong inside a gzip file, and where in its compressed bytes. */
export class GzipDamage extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    /** The damage lies in compressed bytes [from, to). */
    readonly from: number,
    readonly to: number,
  ) {
    super(
      from === to || to - from <= 1
        ? `${path}: corrupt gzip (${detail}) at compressed byte ${from}`
        : `${path}: corrupt gzip (${detail}) between compressed bytes ${from} and ${to}`,
    );
  }
}

/**
 * Whole-line chunks of a gzip file, streamed. Concatenated members (what
 * `cat a.gz b.gz` and log rotators produce) are read as one stream. Damage
 * (truncation, bad data, trailing garbage) ends the iteration with a
 * GzipDamage after the complete lines before it have been yielded (as
 * `gzip -d` keeps them; with `recover` off, only those zlib handed out before
 * failing: a caller that stops at the damage anyway need not wait for the
 * slow recovery pass, see gzip-recovery.ts). The line cut by the damage is
 * not yielded.
 */
export async function* gzipLineChunks(handle: FileHandle, path: string, chunkSize: number, limit: LineLimit, recover = true): AsyncGenerator<Buffer> {
  // autoClose off: the caller owns the handle and closes it.
  const readSize = Math.min(chunkSize, 1 << 20);
  const decodeSize = Math.max(64 * 1024, Math.min(chunkSize, 1 << 20));
  const source = handle.createReadStream({ start: 0, highWaterMark: readSize, autoClose: false });
  const gunzip = createGunzip({ chunkSize: decodeSize });
  let fed = 0;
  source.on('data', (chunk) => (fed += chunk.length));
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false; // inside a line over the limit: its bytes are dropped up to its newline
  let consumed = 0; // decoded bytes yielded or dropped
  try {
    for await (const decoded of gunzip as AsyncIterable<Buffer>) {
      let piece = decoded;
      if (skipping) {
        const newline = piece.indexOf(NEWLINE);
        if (newline === -1) {
          consumed += piece.length;
          continue;
        }
        skipping = false;
        limit.onOverlong();
        consumed += newline + 1;
        piece = piece.subarray(newline + 1);
      }
      const lastNewline = piece.lastIndexOf(NEWLINE);
      if (lastNewline !== -1) {
        const head = piece.subarray(0, lastNewline + 1);
        const lines = pending.length > 0 ? Buffer.concat([...pending, head]) : head;
        consumed += lines.length;
        pending.length = 0;
        pendingBytes = 0;
        yield lines;
      }
      const tail = piece.subarray(lastNewline + 1);
      if (tail.length === 0) continue;
      pending.push(tail);
      pendingBytes += tail.length;
      if (pendingBytes > limit.maxLineBytes) {
        skipping = true;
        consumed += pendingBytes;
        pending.length = 0;
        pendingBytes = 0;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('Z_')) throw error;
    const detail = code === 'Z_BUF_ERROR' ? 'truncated: the file ends inside compressed data' : (error as Error).message;
    const failingStepStart = gunzip.bytesWritten; // compressed bytes zlib took before the write that failed
    const from = code === 'Z_BUF_ERROR' ? fed : failingStepStart;
    const damage = new GzipDamage(path, detail, from, Math.max(from, fed));
    source.destroy();
    gunzip.destroy();
    if (recover) {
      // Skipped again: what was yielded, and the part of a line over the limit already dropped.
      const recovered = await decodedBeforeDamage(path, consumed, failingStepStart, readSize, skipping);
      if (recovered.droppedLine) limit.onOverlong();
      const rest = Buffer.concat(recovered.kept);
      const lastNewline = rest.lastIndexOf(NEWLINE);
      if (lastNewline !== -1) yield rest.subarray(0, lastNewline + 1);
    }
    throw damage;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (skipping) limit.onOverlong();
  else if (pending.length > 0) yield Buffer.concat(pending); // unterminated last line
}
