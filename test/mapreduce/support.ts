import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix = 'pipewright-mr-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every data line of every part file of an output directory, sorted (part boundaries do not matter across runners). */
export async function outputRows(dir: string): Promise<string[]> {
  const rows: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!name.startsWith('part-')) continue;
    const text = await readFile(join(dir, name), 'utf8');
    rows.push(...text.split('\n').filter((l) => l !== ''));
  }
  return rows.sort();
}

/** A small corpus with repeated words, non-ASCII and astral characters, and a CRLF line. */
export const CORPUS = [
  'the quick brown fox jumps over the lazy dog',
  'the dog sleeps; the fox runs',
  'zebra Zebra ZEBRA éclair éclair 𝒳 𝒳 𝒳 \uE000 \uFFFD',
  'naïve café café 日本 日本 日本 日本',
  'crlf line\r',
  '',
  'the end',
];
