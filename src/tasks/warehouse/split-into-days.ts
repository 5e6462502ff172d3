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
  const wanted = new Set(days);
  const writer = table.writer(`${job.path}.staging`);
  await writer.open();
  for (const file of await job.partFiles())
    for await (const line of readTextLines(file)) {
      const day = dayOf(line.split('\t')[dayField] ?? '');
      // The mappers keep only days of the interval and fields without tabs: anything else is a bug
      // that would write outside the staging folder or to a day never committed (silently lost).
      if (!wanted.has(day)) throw new Error(`${file}: a line whose field ${dayField + 1} is not a day of ${days[0]} to ${days.at(-1)}: ${JSON.stringify(line.slice(0, 200))}`);
      writer.write(day, line);
    }
  await writer.commit(days);
  await rm(job.path, { recursive: true, force: true });
  // The scratch folder of jobs goes too once no other job is using it.
  await rmdir(dirname(job.path)).catch(() => undefined);
}
