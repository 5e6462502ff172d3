import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../support/paths.js';
import { readLineChunks, type ReadLineChunksOptions } from '../../../src/eventlog/reader/index.js';

export const FIXTURES = resolve(REPO_ROOT, 'fixtures/eventlog');
export const fixture = (name: string) => join(FIXTURES, name);
export const scratchDir = () => mkdtempSync(join(tmpdir(), 'pipewright-reader-'));

/** Every chunk readLineChunks yields, in order. */
export async function chunksOf(path: string, options?: ReadLineChunksOptions): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of readLineChunks(path, options)) out.push(chunk);
  return out;
}

/** The bytes of every chunk joined. */
export async function bytesOf(path: string, options?: ReadLineChunksOptions): Promise<Buffer> {
  return Buffer.concat(await chunksOf(path, options));
}

/** Lines of a buffer split on '\n' only, an unterminated last line included. */
export function linesOf(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
