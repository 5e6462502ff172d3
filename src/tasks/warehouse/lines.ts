import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines of a small text file (a partition or part file), without line ends. */
export async function* readTextLines(path: string): AsyncIterable<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  for await (const line of createInterface({ input, crlfDelay: Infinity })) if (line !== '') yield line;
}
