#!/usr/bin/env node
/**
 * `npm run gen-fixtures -- --size 1GB --days 7 --seed 1 [--gzip] [--bad-rate 0.002] --out DIR`:
 * realistic edX tracking logs for benchmarks and soak tests.
 */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { isUserFacing } from '../../core/errors.js';
import { generateLogs } from './generate.js';
import { parseSize } from './size.js';

const number = (flag: string) => (text: string) => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} expects a number.`);
  return n;
};

const program = new Command('gen-fixtures')
  .description('Write deterministic, realistic edX tracking logs: one file per day, tracking.log-YYYYMMDD[.gz].')
  .requiredOption('--out <dir>', 'directory to write the logs into (created if missing)')
  .option('--size <size>', 'total uncompressed size: 1GB, 500MB, 64MiB or bytes', '100MB')
  .option('--days <n>', 'number of daily files', number('--days'), 7)
  .option('--seed <n>', 'seed: the same seed gives the same files', number('--seed'), 1)
  .option('--start <day>', 'first day, YYYY-MM-DD', '2024-03-04')
  .option('--gzip', 'gzip each file (tracking.log-YYYYMMDD.gz)', false)
  .option('--bad-rate <share>', 'share of lines damaged on purpose (every kind of bad line)', number('--bad-rate'), 0.002)
  .option('--jobs <n>', 'days written at once, one worker thread each (default: the number of cores)', number('--jobs'), availableParallelism())
  .option('--quiet', 'print only the final summary line', false);

async function main(): Promise<void> {
  program.parse();
  const o = program.opts<{ out: string; size: string; days: number; seed: number; start: string; gzip: boolean; badRate: number; jobs: number; quiet: boolean }>();
  const began = process.hrtime.bigint();
  const summary = await generateLogs({
    out: o.out,
    bytes: parseSize(o.size),
    days: o.days,
    seed: o.seed,
    start: o.start,
    gzip: o.gzip,
    badRate: o.badRate,
    jobs: o.jobs,
    onDay: (day) => {
      if (!o.quiet) console.log(`${day.path}: ${day.lines} lines, ${(day.bytes / 1e6).toFixed(1)} MB`);
    },
  });
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const bad = Object.values(summary.bad).reduce((a, b) => a + b, 0);
  console.log(
    `${summary.files.length} files, ${summary.lines} lines (${bad} damaged on purpose), ${(summary.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(summary.bytes / 1e6 / seconds).toFixed(0)} MB/s)`,
  );
}

main().catch((error: unknown) => {
  console.error(isUserFacing(error) ? `gen-fixtures: ${error.message}` : error);
  process.exitCode = isUserFacing(error) ? error.exitCode : 1;
});
