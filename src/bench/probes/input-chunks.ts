import { createReadStream, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';

/**
 * What every baseline probe shares: the input files of a data set, and their
 * bytes as decompressed Buffer chunks. Deliberately plain (one stream, one
 * thread): the floors say what a straightforward single loop costs.
 */

/** Every file under the roots, recursively, sorted; names starting with '.' or '_' skipped (as edX's PathSetTask). */
export function inputFiles(roots: string[]): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.') && !name.startsWith('_')) walk(join(path, name));
    } else files.push(path);
  };
  for (const root of roots) walk(root);
  return files.sort();
}

/** gzip by its magic bytes, not its name. */
export function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 1 << 20;

/** The file's (decompressed) bytes, chunk by chunk. */
export async function* chunksOf(path: string): AsyncGenerator<Buffer> {
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  const stream = isGzip(path) ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
  for await (const chunk of stream) yield chunk as Buffer;
}

/**
 * Complete lines (without the '\n') across chunk boundaries; the last
 * unterminated line counts as a line. Calls `onLine(buffer, start, end)` to
 * avoid a copy per line.
 */
export async function forEachLine(path: string, onLine: (buf: Buffer, start: number, end: number) => void): Promise<void> {
  let carry: Buffer | null = null;
  for await (let chunk of chunksOf(path)) {
    if (carry) chunk = Buffer.concat([carry, chunk]);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      onLine(chunk, start, nl);
      start = nl + 1;
    }
    carry = start < chunk.length ? chunk.subarray(start) : null;
  }
  if (carry && carry.length > 0) onLine(carry, 0, carry.length);
}
