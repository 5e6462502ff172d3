import type { FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

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
 * GzipDamage after every complete line before it has been yielded; the line
 * cut by the damage is not yielded.
 */
export async function* gzipLineChunks(handle: FileHandle, path: string, chunkSize: number): AsyncGenerator<Buffer> {
  // autoClose off: the caller owns the handle and closes it.
  const source = handle.createReadStream({ start: 0, highWaterMark: Math.min(chunkSize, 1 << 20), autoClose: false });
  const gunzip = createGunzip({ chunkSize: Math.max(64 * 1024, Math.min(chunkSize, 1 << 20)) });
  let fed = 0;
  source.on('data', (chunk) => (fed += chunk.length));
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const pending: Buffer[] = [];
  try {
    for await (const piece of gunzip as AsyncIterable<Buffer>) {
      const lastNewline = piece.lastIndexOf(NEWLINE);
      if (lastNewline === -1) {
        pending.push(piece);
        continue;
      }
      const head = piece.subarray(0, lastNewline + 1);
      yield pending.length > 0 ? Buffer.concat([...pending, head]) : head;
      pending.length = 0;
      if (lastNewline + 1 < piece.length) pending.push(piece.subarray(lastNewline + 1));
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('Z_')) throw error;
    const detail = code === 'Z_BUF_ERROR' ? 'truncated: the file ends inside compressed data' : (error as Error).message;
    const from = code === 'Z_BUF_ERROR' ? fed : gunzip.bytesWritten;
    throw new GzipDamage(path, detail, from, Math.max(from, fed));
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pending.length > 0) yield Buffer.concat(pending); // unterminated last line
}
