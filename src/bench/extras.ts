import { join } from 'node:path';
import type { BenchContext } from './cases.js';
import { measure } from './measure.js';
import type { ExtraResult } from './results.js';
import { MB, spread } from './stats.js';

/**
 * Measurements that are not MB/s over logs: the scheduler on a DAG of no-op
 * tasks (tasks/s, and memory at two sizes to show how it grows), and the
 * tracking producer's own bench (src/tracking/bench.ts).
 */
export async function runExtras(
  context: BenchContext,
  options: { log: (line: string) => void; quick: boolean; timeoutMs: number },
): Promise<{ scheduler: ExtraResult[]; tracking: ExtraResult[] }> {
  const scheduler: ExtraResult[] = [];
  options.log('scheduler:');
  // Two sizes show whether memory grows linearly with the task count; --quick keeps the one the target names.
  for (const tasks of options.quick ? [100_000] : [25_000, 100_000]) scheduler.push(await schedulerRow(context, tasks, options.quick ? 1 : 3, options));
  return { scheduler, tracking: await trackingRows(context, options) };
}

async function schedulerRow(context: BenchContext, tasks: number, repetitions: number, options: { log: (line: string) => void; timeoutMs: number }): Promise<ExtraResult> {
  const label = `Scheduler: ${tasks.toLocaleString('en-US')} no-op tasks (binary-tree DAG, 1 worker)`;
  const rates: number[] = [];
  let peak: number | null = 0;
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const run = await measure(process.execPath, [join(context.probesDir, 'scheduler.js'), String(tasks)], { cwd: context.repoRoot, timeoutMs: options.timeoutMs });
    if (run.exitCode !== 0) {
      const note = run.stderrTail.trim().split('\n').slice(-2).join(' | ') || `exit ${run.exitCode}`;
      options.log(`  ${label}: FAILED: ${note}`);
      return { label, status: 'failed', note };
    }
    const { tasksPerSecond } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { tasksPerSecond: number };
    rates.push(tasksPerSecond);
    peak = run.peakRss === null || peak === null ? null : Math.max(peak, run.peakRss);
  }
  const result: ExtraResult = { label, status: 'ok', unit: 'tasks/s', rate: spread(rates), peakRssMb: peak === null ? null : peak / MB, detail: { tasks } };
  options.log(`  ${label}: ${result.rate!.median.toFixed(0)} tasks/s, peak RSS ${result.peakRssMb?.toFixed(0) ?? 'n/a'} MB`);
  return result;
}

/** The tracking producer's measurements, via probes/tracking.js: one row per thing it measures. */
async function trackingRows(context: BenchContext, options: { log: (line: string) => void; quick: boolean; timeoutMs: number }): Promise<ExtraResult[]> {
  options.log('tracking:');
  const run = await measure(process.execPath, [join(context.probesDir, 'tracking.js'), ...(options.quick ? ['--quick'] : [])], { cwd: context.repoRoot, timeoutMs: options.timeoutMs });
  if (run.exitCode !== 0) {
    const note = run.stderrTail.trim().split('\n').slice(-2).join(' | ') || `exit ${run.exitCode}`;
    options.log(`  tracking: FAILED: ${note}`);
    return [{ label: 'Tracking: emit', status: 'failed', note }];
  }
  const { results } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { results: Array<{ name: string; events: number; eventsPerSecond: number; refused: number }> };
  return results.map((result) => {
    const rate = result.eventsPerSecond;
    options.log(`  ${result.name}: ${rate.toFixed(0)} events/s`);
    return {
      label: `Tracking: ${result.name.replace(/^tracking: /, '')}, ${result.events.toLocaleString('en-US')} events`,
      status: 'ok',
      unit: 'events/s',
      rate: { median: rate, min: rate, max: rate },
      // Both measurements share one process: its peak is an upper bound for each.
      peakRssMb: run.peakRss === null ? null : run.peakRss / MB,
      detail: { refused: result.refused },
    } satisfies ExtraResult;
  });
}
