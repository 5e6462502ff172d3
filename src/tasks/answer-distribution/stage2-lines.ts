import { parsePythonJson, type PyValue } from '../../eventlog/parse/index.js';
import { partFileLines } from '../../targets/index.js';
import type { DistributionRow } from './columns.js';
import { isJsonObject } from './json-value.js';

/**
 * Reads stage 2's part files (`course_id<TAB>row JSON` per line), in file
 * order. edX's readers split each line on its tab the same way.
 */
export async function* readDistributionRows(files: readonly string[]): AsyncGenerator<{ courseId: string; row: DistributionRow }> {
  for (const file of files)
    for await (const line of partFileLines([file])) {
      const tab = line.indexOf('\t');
      const row: PyValue = tab < 0 ? null : parsePythonJson(line.slice(tab + 1));
      if (!isJsonObject(row)) throw new Error(`${file}: not an answer distribution line: ${JSON.stringify(line.slice(0, 80))}`);
      yield { courseId: line.slice(0, tab), row: row as unknown as DistributionRow };
    }
}
