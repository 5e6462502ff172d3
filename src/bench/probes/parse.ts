import { isEntryPoint, runProbe } from './entry.js';
import { forEachLine, inputFiles } from './input-chunks.js';

/**
 * Parse floor: split on '\n' and JSON.parse every line, the cost of a job
 * that decodes everything before deciding what it needs. Usage: node parse.js DIR...
 * Prints one JSON line: {lines, parsed, unparseable, problemCheckEvents}.
 */
export interface ParseCounts {
  lines: number;
  parsed: number;
  unparseable: number;
  problemCheckEvents: number;
}

export async function parseFloor(roots: string[]): Promise<ParseCounts> {
  let lines = 0;
  let parsed = 0;
  let unparseable = 0;
  let problemCheckEvents = 0;
  for (const file of inputFiles(roots)) {
    await forEachLine(file, (buf, start, end) => {
      lines++;
      let event: unknown;
      try {
        event = JSON.parse(buf.toString('utf8', start, end));
      } catch {
        unparseable++;
        return;
      }
      parsed++;
      if (event !== null && typeof event === 'object' && (event as { event_type?: unknown }).event_type === 'problem_check')
        problemCheckEvents++;
    });
  }
  return { lines, parsed, unparseable, problemCheckEvents };
}

if (isEntryPoint(import.meta.url)) runProbe(() => parseFloor(process.argv.slice(2)));
