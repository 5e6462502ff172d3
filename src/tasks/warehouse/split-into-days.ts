import { rm, rmdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DirectoryTarget } from '../../targets/index.js';
import type { DayPartitionedTable } from './day-partitions.js';
import { readTextLines } from './lines.js';

/**
 * edX's MultiOutputMapReduceJobTask output, done after the job: the job's
 * part files are split by the day in field `dayField` (through `dayOf`) into one partition per
 * day of `days` (empty when a day had no lines), then the job folder goes.
 */
export async function splitIntoDays(
  job: DirectoryTarget,
  table: DayPartitionedTable,
  dayField: number,
  days: readonly string[],
  dayOf: (field: string) => string = (field) => field,
): Promise<void> {
  const writer = table.writer(`${job.path}.staging`);
  await writer.open();
  for (const file of await job.partFiles()) for await (const line of readTextLines(file)) writer.write(dayOf(line.split('\t')[dayField]!), line);
  await writer.commit(days);
  await rm(job.path, { recursive: true, force: true });
  // The scratch folder of jobs goes too once no other job is using it.
  await rmdir(dirname(job.path)).catch(() => undefined);
}
