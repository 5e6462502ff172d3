import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { addDays, isIsoDay } from '../../core/iso-day.js';
import type { DayPlan, DaySummary } from './day-file.js';
import { runDays } from './day-runner.js';

export interface GenerateOptions {
  out: string;
  /** Total uncompressed bytes, spread evenly over the days. */
  bytes: number;
  days: number;
  seed: number;
  gzip?: boolean;
  /** Share of lines damaged on purpose (default 0.002). */
  badRate?: number;
  /** First day, `YYYY-MM-DD` (default 2024-03-04). */
  start?: string;
  /** Days written at the same time, each in a worker thread when more than 1 (default 1). */
  jobs?: number;
  /** Called after each day's file is complete. */
  onDay?: (summary: DaySummary) => void;
}

export interface GenerateSummary {
  seed: number;
  files: DaySummary[];
  lines: number;
  bytes: number;
  kinds: Record<string, number>;
  bad: Record<string, number>;
}

/** Written beside the logs; its leading `_` keeps input selection from reading it as a log. */
export const SUMMARY_FILE = '_generator-summary.json';

/**
 * Generate `days` tracking-log files, `tracking.log-YYYYMMDD[.gz]`, in `out`.
 * Deterministic: the same options give the same bytes (each day draws from
 * its own stream of the seed). Streaming: memory stays flat whatever the size.
 */
export async function generateLogs(options: GenerateOptions): Promise<GenerateSummary> {
  const start = options.start ?? '2024-03-04';
  const badRate = options.badRate ?? 0.002;
  if (!isIsoDay(start)) throw new UsageError(`--start ${start}: expected a day like 2024-03-04.`);
  if (!Number.isInteger(options.days) || options.days < 1) throw new UsageError(`--days ${options.days}: expected a whole number of days, at least 1.`);
  if (!(badRate >= 0 && badRate <= 1)) throw new UsageError(`--bad-rate ${badRate}: expected a share between 0 and 1, like 0.002.`);
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) throw new UsageError(`--jobs ${options.jobs}: expected a whole number, at least 1.`);
  if (!Number.isSafeInteger(options.seed)) throw new UsageError(`--seed ${options.seed}: expected a whole number.`);
  await mkdir(options.out, { recursive: true });
  const perDay = Math.ceil(options.bytes / options.days);
  const plans: DayPlan[] = Array.from({ length: options.days }, (_, i) => {
    const day = addDays(start, i);
    const name = `tracking.log-${day.replace(/-/g, '')}${options.gzip ? '.gz' : ''}`;
    return { path: join(options.out, name), day, bytes: perDay, seed: options.seed, dayIndex: i, badRate, gzip: options.gzip ?? false };
  });
  const summary: GenerateSummary = { seed: options.seed, files: [], lines: 0, bytes: 0, kinds: {}, bad: {} };
  for (const result of await runDays(plans, options.jobs ?? 1, options.onDay)) {
    summary.files.push(result);
    summary.lines += result.lines;
    summary.bytes += result.bytes;
    for (const [k, n] of Object.entries(result.kinds)) summary.kinds[k] = (summary.kinds[k] ?? 0) + n;
    for (const [k, n] of Object.entries(result.bad)) summary.bad[k] = (summary.bad[k] ?? 0) + n;
  }
  await writeFile(join(options.out, SUMMARY_FILE), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
