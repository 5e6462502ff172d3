import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './cases.js';
import { measure } from './measure.js';
import type { ExtraResult } from './results.js';
import { MB, spread } from './stats.js';

/**
 * Measurements that are not MB/s over logs: the scheduler on a DAG of no-op
 * tasks (tasks/s, and memory at two sizes to show how it grows), and the
 * tracking producer's own bench (src/tracking/bench.ts), when it is built.
 */
export async function runExtras(
  context: BenchContext,
  options: { log: (line: string) => void; quick: boolean; timeoutMs: number },
): Promise<{ scheduler: ExtraResult[]; tracking: ExtraResult[] }> {
  const scheduler: ExtraResult[] = [];
  options.log('scheduler:');
  for (const tasks of [25_000, 100_000]) scheduler.push(await schedulerRow(context, tasks, options.quick ? 1 : 3, options));
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

/**
 * The tracking producer's bench prints one JSON line per measurement:
 * {label, eventsPerSecond} (and optionally peakRssMb). Run as a child so its
 * memory is its own.
 */
async function trackingRows(context: BenchContext, options: { log: (line: string) => void; quick: boolean; timeoutMs: number }): Promise<ExtraResult[]> {
  const script = join(context.repoRoot, 'dist/tracking/bench.js');
  if (!existsSync(script)) return [{ label: 'Tracking: emit', status: 'unavailable', note: 'not available: src/tracking/bench.ts is not built yet' }];
  options.log('tracking:');
  const run = await measure(process.execPath, [script, ...(options.quick ? ['--quick'] : [])], { cwd: context.repoRoot, timeoutMs: options.timeoutMs });
  if (run.exitCode !== 0) {
    const note = run.stderrTail.trim().split('\n').slice(-2).join(' | ') || `exit ${run.exitCode}`;
    return [{ label: 'Tracking: emit', status: 'failed', note }];
  }
  const rows: ExtraResult[] = [];
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const row = JSON.parse(line) as { label?: string; eventsPerSecond?: number; peakRssMb?: number };
    if (typeof row.eventsPerSecond !== 'number') continue;
    const rate = row.eventsPerSecond;
    rows.push({ label: `Tracking: ${row.label ?? 'emit'}`, status: 'ok', unit: 'events/s', rate: { median: rate, min: rate, max: rate }, peakRssMb: row.peakRssMb ?? (run.peakRss === null ? null : run.peakRss / MB) });
    options.log(`  ${rows.at(-1)!.label}: ${rate.toFixed(0)} events/s`);
  }
  if (rows.length === 0) rows.push({ label: 'Tracking: emit', status: 'failed', note: 'its bench printed no {label, eventsPerSecond} line' });
  return rows;
}
