import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Task } from '../../core/index.js';
import { LocalTarget, type DirectoryTarget } from '../../targets/index.js';
import { COUNTERS } from './parameters.js';

/** Beside the part files; the leading `_` keeps it out of the next job's input. */
const FILE = '_answer_distribution_counters.json';

/**
 * Keeps a stage's answer-distribution counters with its output, so
 * `--stats` can report them on a later run that finds the stage complete
 * (Hadoop keeps job counters with the job, not with the data).
 */
export async function saveCounters(task: Task, output: DirectoryTarget): Promise<void> {
  const counts = task.counters.toJSON()[COUNTERS] ?? {};
  await new LocalTarget(join(output.path, FILE)).writeText(JSON.stringify(counts, null, 2) + '\n');
}

/** The counters a stage saved, or an empty record for output written before they were kept. */
export function loadCounters(output: DirectoryTarget): Record<string, number> {
  const path = join(output.path, FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>) : {};
}
