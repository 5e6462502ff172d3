import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addDays } from '../../core/iso-day.js';
import { writeDay, type DayPlan, type DaySummary } from './day-file.js';
import { buildWorld } from './world.js';

/**
 * Write the planned days, `jobs` at a time. With one job everything runs in
 * this thread; with more, each day runs in a worker thread (generation is
 * CPU-bound JavaScript, so threads are what uses the other cores). Summaries
 * come back in plan order whatever order the days finish in.
 */
export async function runDays(plans: readonly DayPlan[], jobs: number, onDay?: (s: DaySummary) => void): Promise<DaySummary[]> {
  const results: DaySummary[] = new Array(plans.length);
  if (jobs <= 1) {
    const world = plans.length > 0 ? buildWorld(plans[0]!.seed) : [];
    for (const [i, plan] of plans.entries()) {
      results[i] = await writeDay(plan, world, addDays(plan.day, -1));
      onDay?.(results[i]!);
    }
    return results;
  }
  let next = 0;
  const lane = async () => {
    while (next < plans.length) {
      const i = next++;
      results[i] = await inWorker(plans[i]!);
      onDay?.(results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, plans.length) }, lane));
  return results;
}

/** A worker running day-worker; from TypeScript sources (tests, tsx) it loads tsx first so the .ts entry can run. */
function startWorker(plan: DayPlan): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./day-worker.js', import.meta.url), { workerData: plan });
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
  const entry = new URL('./day-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData: plan });
}

function inWorker(plan: DayPlan): Promise<DaySummary> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(plan);
    let result: DaySummary | undefined;
    worker.once('message', (summary: DaySummary) => (result = summary));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`generator worker for ${plan.path} exited with code ${code} before finishing`))));
  });
}
