import type { Counters } from '../core/index.js';
import { countLines, forEachLine, forEachLineContaining, readLineChunks, type InputSplit } from '../eventlog/reader/index.js';
import { splitRecord } from './keys.js';
import { failureAt } from './failure.js';
import type { MapPhase } from './phases.js';

/**
 * Small chunks: a chunk lives while its lines are mapped, and one that
 * outlives two young-generation collections is only freed by a full GC.
 * 64 KiB chunks die young; 1 MiB ones piled up as garbage (~90 MB more RSS
 * on a word count). But every read is a trip through the thread pool:
 * 256 KiB chunks cut ProblemCheckEvent's CPU on the 200 MB bench set from
 * 3.1-3.9 s to 2.8-2.9 s at the same peak RSS (about 225 MB; 1 MiB: 2.6 s, 240-250 MB).
 */
const CHUNK_SIZE = 256 * 1024;

export interface MapInputOptions {
  /** Step 0 reads raw lines; later steps read `keyJSON<TAB>valueJSON` records. */
  records: boolean;
  /** Raw-line pre-filter (step 0 only): lines without these bytes are never decoded. */
  prefilter?: string;
  onCorrupt: 'error' | 'skip';
  counters: Counters;
}

/**
 * Counters of the raw lines a job reads (step 0), so that the summary accounts
 * for every line: lines read = lines not mapped + what the mapper's own
 * counters say it kept or dropped. Named per family: a run's summary adds up
 * all its tasks, and a later stage re-reading part files is not log input.
 */
export const LINE_COUNTERS = {
  group: 'Input',
  read: (family: string) => `${family} lines read`,
  /** Lines the raw pre-filter skipped: they never reach the mapper, so its counters cannot cover them. */
  prefiltered: (family: string, needle: string) => `${family} lines without ${JSON.stringify(needle)} (not mapped)`,
} as const;

/**
 * Feed one input split to a map phase, line by line. Lines are decoded as
 * UTF-8 (invalid bytes become U+FFFD, a leading BOM is kept). An error thrown
 * by the mapper is rethrown naming the input file and line (see failure.ts).
 */
export async function mapSplit(split: InputSplit, phase: MapPhase, options: MapInputOptions): Promise<void> {
  const needle = options.prefilter && !options.records ? Buffer.from(options.prefilter, 'utf8') : undefined;
  let offset = 0; // decoded bytes of this split before the current chunk
  let chunk: Buffer = Buffer.alloc(0);
  let lineStart = -1; // -1 while the reader, not the mapper, is at work (a failure then is the reader's)
  let linesRead = 0;
  let linesMapped = 0;
  const onLine = (start: number, end: number): void => {
    lineStart = start;
    linesMapped++;
    const text = chunk.toString('utf8', start, end);
    if (!options.records) return phase.line(text);
    const [key, value] = splitRecord(text);
    phase.record(key, value);
  };
  try {
    for await (const next of readLineChunks(split.path, { range: split.range, onCorrupt: options.onCorrupt, counters: options.counters, chunkSize: CHUNK_SIZE })) {
      chunk = next;
      lineStart = -1;
      if (needle) {
        linesRead += countLines(chunk);
        forEachLineContaining(chunk, needle, onLine);
      } else forEachLine(chunk, onLine);
      lineStart = -1;
      offset += chunk.length;
    }
  } catch (error) {
    if (lineStart < 0) throw error; // the reader failed, not the mapper: its error names the file
    throw await failureAt(error, phase.who, split, offset + lineStart);
  }
  if (options.records) return;
  const { family } = phase.task;
  options.counters.add(LINE_COUNTERS.group, LINE_COUNTERS.read(family), needle ? linesRead : linesMapped);
  if (needle) options.counters.add(LINE_COUNTERS.group, LINE_COUNTERS.prefiltered(family, options.prefilter!), linesRead - linesMapped);
}
