import { parsePythonJson, type PyValue } from '../../eventlog/parse/index.js';
import { forEachLine, readLineChunks } from '../../eventlog/reader/index.js';
import type { DistributionRow } from './columns.js';
import { isJsonObject } from './json-value.js';

/**
 * Reads stage 2's part files (`course_id<TAB>row JSON` per line), in file
 * order. edX's readers split each line on its tab the same way.
 */
export async function* readDistributionRows(files: readonly string[]): AsyncGenerator<{ courseId: string; row: DistributionRow }> {
  for (const file of files)
    for await (const line of linesOf(file)) {
      if (line === '') continue;
      const tab = line.indexOf('\t');
      const row: PyValue = tab < 0 ? null : parsePythonJson(line.slice(tab + 1));
      if (!isJsonObject(row)) throw new Error(`${file}: not an answer distribution line: ${JSON.stringify(line.slice(0, 80))}`);
      yield { courseId: line.slice(0, tab), row: row as unknown as DistributionRow };
    }
}

async function* linesOf(file: string): AsyncGenerator<string> {
  for await (const chunk of readLineChunks(file)) {
    const lines: string[] = [];
    forEachLine(chunk, (start, end) => lines.push(chunk.toString('utf8', start, end)));
    yield* lines;
  }
}
