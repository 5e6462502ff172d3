/**
 * Compresses one rotated file atomically: stream into `.staging/<name>.partial`,
 * fsync, rename to `<name>.gz`, fsync the directory, and only then delete the
 * plain file. Every step is safe to repeat, so start-up recovery just runs it again.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { isRotatedPlain, PARTIAL_SUFFIX, STAGING_DIR } from './names.js';

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function gzipRotated(dir: string, name: string): Promise<string> {
  const source = join(dir, name);
  const target = `${source}.gz`;
  if (await exists(target)) {
    // A crash after the rename, before the delete: the .gz is complete.
    await rm(source, { force: true });
    return target;
  }
  const staging = join(dir, STAGING_DIR);
  await mkdir(staging, { recursive: true });
  const partial = join(staging, `${name}${PARTIAL_SUFFIX}`);
  await pipeline(createReadStream(source), createGzip(), createWriteStream(partial));
  const handle = await open(partial, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, target);
  await fsyncDirectory(dir);
  await rm(source);
  return target;
}

/** Finishes what a crash interrupted: drops partial files, compresses rotated plain files. */
export async function recoverRotated(dir: string, baseName: string): Promise<string[]> {
  await rm(join(dir, STAGING_DIR), { recursive: true, force: true });
  const done: string[] = [];
  for (const entry of (await readdir(dir)).sort())
    if (isRotatedPlain(baseName, entry)) done.push(await gzipRotated(dir, entry));
  return done;
}
