import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The lines of text files, in order (part files of an earlier step). */
export async function* linesOf(files: readonly string[]): AsyncGenerator<string> {
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield line;
  }
}

/** The day a viewing line started on: the date part of its start_timestamp (5th field). */
export function viewingDay(line: string): string | undefined {
  const start = line.split('\t')[4];
  return start === undefined ? undefined : start.split('T')[0];
}
