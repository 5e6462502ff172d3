import { open } from 'node:fs/promises';

/** Every gzip member starts with these two bytes (RFC 1952). */
export const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export function hasGzipMagic(head: Buffer): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * Whether a file is gzip, judged by its first bytes rather than its name:
 * rotated logs are renamed by hand and by tools, names lie, bytes do not.
 */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return hasGzipMagic(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
