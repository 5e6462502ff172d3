import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/**
 * The bytes a gzip file decodes to after its first `skip` decoded bytes,
 * up to where the damage stops zlib (without the rest of the line in progress
 * when `dropFirstLine`: one over the length limit). Called after a damaged read: an async
 * iterator over a stream throws as soon as the stream fails, dropping what
 * zlib had already decoded but the consumer not yet read (in a small file,
 * all of it). Decoding again in flowing mode sees every chunk zlib emits
 * before its error, in small pieces: zlib discards the output of the step
 * that fails (after a member's end it even starts the next one in the same
 * step), so what is lost is at most RECOVERY_CHUNK bytes before the damage,
 * usually the line the damage cuts. Small pieces make this pass slow (about
 * 10 s per GB decoded), which only a damaged file pays. Memory is bounded by
 * what the first pass left unread: the stream's buffer, or the whole file
 * when it is small.
 */
export const RECOVERY_CHUNK = 1024;

export function decodedBeforeDamage(path: string, skip: number, readSize: number, dropFirstLine: boolean): Promise<{ kept: Buffer[]; droppedLine: boolean }> {
  return new Promise((resolve) => {
    // By path, not the caller's FileHandle: destroying a stream on a FileHandle closes it, autoClose or not.
    const source = createReadStream(path, { highWaterMark: readSize });
    const gunzip = createGunzip({ chunkSize: RECOVERY_CHUNK });
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
    const finish = (): void => {
      source.destroy();
      gunzip.destroy();
      resolve({ kept, droppedLine });
    };
    gunzip.once('error', finish);
    gunzip.once('end', finish);
    source.once('error', finish);
    source.pipe(gunzip);
  });
}
