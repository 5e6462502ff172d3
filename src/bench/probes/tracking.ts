import { runTrackingBenchmarks, type BenchResult } from '../../tracking/bench.js';
import { isEntryPoint, runProbe } from './entry.js';

/**
 * The tracking producer's own measurements (src/tracking/bench.ts: emit into
 * the batching file backend, and through the HTTP collector), in a child
 * process so their memory is measured alone. Usage: node tracking.js [--quick]
 * Prints one JSON line: {results: [{name, events, seconds, eventsPerSecond, refused}]}.
 */
export async function trackingProbe(quick: boolean): Promise<{ results: BenchResult[] }> {
  return { results: await runTrackingBenchmarks(quick) };
}

if (isEntryPoint(import.meta.url)) runProbe(() => trackingProbe(process.argv.includes('--quick')));
