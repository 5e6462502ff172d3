import { open } from 'node:fs/promises';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';

/** Compressed bytes per write near the damage: what zlib loses with a failing step is what one such write decodes to. */
export const RECOVERY_STEP = 64;

export interface Recovered {
  kept: Buffer[];
  /** The line in progress (one over the length limit) ended inside `kept`'s span and was dropped. */
  droppedLine: boolean;
}

/**
 * The bytes a gzip file decodes to after its first `skip` decoded bytes, up
 * to where the damage stops zlib (without the rest of the line in progress
 * when `dropFirstLine`: one over the length limit).
 *
 * Called after a damaged read. An async iterator over a stream throws as soon
 * as the stream fails, dropping what zlib had decoded but the consumer not
 * yet read (in a small file, all of it); and zlib discards the output of the
 * step that fails (after a member's end it even starts the next member in
 * the same step). So this pass decodes again in flowing mode, which sees
 * every chunk emitted before the error, and feeds the compressed bytes from
 * `slowFrom` (where the failing step began) in RECOVERY_STEP pieces: what is
 * lost is what one piece decodes to, about a line, usually the one the damage
 * cuts. Up to `slowFrom` it reads in `readSize` pieces, so the pass costs
 * about what reading the file did. Memory is bounded by what the first pass
 * left unread: the stream's buffer, or the whole file when it is small.
 */
export async function decodedBeforeDamage(path: string, skip: number, slowFrom: number, readSize: number, dropFirstLine: boolean): Promise<Recovered> {
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  const kept: Buffer[] = [];
  let seen = 0;
  let dropping = dropFirstLine; // the rest of a line over the length limit: never held
  let droppedLine = false;
  gunzip.on('data', (chunk: Buffer) => {
    let from = Math.max(0, skip - seen);
    seen += chunk.length;
    if (from >= chunk.length) return;
    if (dropping) {
      const newline = chunk.indexOf(0x0a, from);
      if (newline === -1) return;
      dropping = false;
      droppedLine = true;
      from = newline + 1;
    }
    if (from < chunk.length) kept.push(from === 0 ? chunk : chunk.subarray(from));
  });
  gunzip.on('error', () => {}); // writes already queued when it fails report it again
  let failed = false;
  const ended = new Promise<void>((resolve) => {
    gunzip.once('error', () => {
      failed = true;
      resolve();
    });
    gunzip.once('end', resolve);
  });
  // Its own handle: the caller's may be closed by the stream it read with.
  const handle = await open(path, 'r');
  try {
    for (let position = 0; !failed; ) {
      const size = position < slowFrom ? Math.min(readSize, slowFrom - position) : RECOVERY_STEP;
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(size), 0, size, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      if (!gunzip.write(buffer.subarray(0, bytesRead)) && !failed) await Promise.race([once(gunzip, 'drain'), ended]);
    }
    if (!failed) gunzip.end();
    await ended;
  } finally {
    gunzip.destroy();
    await handle.close();
  }
  return { kept, droppedLine };
}
