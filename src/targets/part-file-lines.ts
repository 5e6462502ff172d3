import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The non-empty lines of text files, file after file, in the order given:
 * how a task reads the part files an earlier step wrote (usually
 * `DirectoryTarget.partFiles()`). Each file is streamed, never held whole.
 */
export async function* partFileLines(files: readonly string[]): AsyncGenerator<string> {
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield line;
  }
}
