/**
 * A stand-in for `launch-task --streaming ...` in tests: the same argv shape
 * (`--streaming PHASE --step N [--module M] Family --param value ...`), run
 * with `node --import tsx` so the jobs can stay TypeScript. It calls the real
 * entry point, runStreamingPhase, on real stdin/stdout/stderr.
 */
import { runStreamingPhase } from '../../../src/mapreduce/index.js';
import { toCamel } from '../../../src/core/index.js';
import * as jobs from './word-count.js';

const argv = process.argv.slice(2);
let phase = '';
let step = 0;
let family = '';
const params: Record<string, string> = {};
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i]!;
  if (arg === '--streaming') phase = argv[++i]!;
  else if (arg === '--step') step = Number(argv[++i]);
  else if (arg === '--module') i++;
  else if (arg.startsWith('--')) params[toCamel(arg.slice(2))] = argv[++i]!;
  else family = arg;
}
const cls = (jobs as Record<string, unknown>)[family] as new (p: Record<string, string>) => InstanceType<typeof jobs.WordCount>;
try {
  await runStreamingPhase(new cls(params), phase as 'map', step);
} catch {
  process.exitCode = 1; // runStreamingPhase already wrote the cause on stderr
}
