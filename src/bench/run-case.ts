import type { BenchCase, BenchContext } from './cases.js';
import type { DataSet } from './datasets.js';
import { measure } from './measure.js';
import { MB, megabytesPerSecond, spread, type Spread } from './stats.js';

/** Everything the report needs about one case on one data set. */
export interface CaseResult {
  caseId: string;
  label: string;
  short: string;
  kind: BenchCase['kind'];
  set: string;
  gzip: boolean;
  status: 'ok' | 'unavailable' | 'failed';
  /** Why it is unavailable or failed; never a number standing in for one. */
  note?: string;
  runs: Array<{ wallMs: number; peakRss: number | null }>;
  wallSeconds?: Spread;
  mbPerSecond?: Spread;
  /** Peak RSS of the process tree, MB; null when /proc cannot be read. */
  peakRssMb?: Spread | null;
  /** What the last run printed (a probe's JSON counts), to cross-check the cases did the same work. */
  output?: unknown;
}

export interface RunCaseOptions {
  /** At most this many runs... */
  repetitions: number;
  /** ...and no new run once the runs so far took this long (at least one run always): keeps --quick quick. */
  budgetSeconds?: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export async function runCase(benchCase: BenchCase, set: DataSet, context: BenchContext, options: RunCaseOptions): Promise<CaseResult> {
  const base = { caseId: benchCase.id, label: benchCase.label, short: benchCase.short, kind: benchCase.kind, set: set.name, gzip: set.gzip, runs: [] };
  const reason = await benchCase.unavailable(context);
  if (reason) {
    options.log(`  ${benchCase.label}: ${reason}`);
    return { ...base, status: 'unavailable', note: reason };
  }
  const runs: CaseResult['runs'] = [];
  let output: unknown;
  let spentMs = 0;
  for (let repetition = 0; repetition < options.repetitions; repetition++) {
    if (options.budgetSeconds !== undefined && repetition > 0 && spentMs > options.budgetSeconds * 1000) break;
    const invocation = await benchCase.prepare(set, context, repetition);
    const result = await measure(invocation.command, invocation.args, { cwd: context.repoRoot, env: invocation.env, timeoutMs: options.timeoutMs });
    const produced = result.exitCode === 0 ? invocation.inspect?.() : undefined;
    await invocation.cleanup?.();
    if (result.exitCode !== 0) {
      const why = failureReason(result.stderrTail) || `exit code ${result.exitCode}`;
      options.log(`  ${benchCase.label}: FAILED (exit ${result.exitCode}): ${why}`);
      return { ...base, status: 'failed', note: `exit ${result.exitCode}: ${why}`, runs };
    }
    runs.push({ wallMs: result.wallMs, peakRss: result.peakRss });
    spentMs += result.wallMs;
    output = produced ?? lastJsonLine(result.stdout) ?? output;
  }
  const rss = runs.map((run) => run.peakRss);
  const summary: CaseResult = {
    ...base,
    status: 'ok',
    runs,
    wallSeconds: spread(runs.map((run) => run.wallMs / 1000)),
    mbPerSecond: spread(runs.map((run) => megabytesPerSecond(set.uncompressedBytes, run.wallMs))),
    peakRssMb: rss.every((value): value is number => value !== null) ? spread(rss.map((value) => value / MB)) : null,
    ...(output === undefined ? {} : { output }),
  };
  options.log(
    `  ${benchCase.label}: ${summary.mbPerSecond!.median.toFixed(0)} MB/s, ${summary.wallSeconds!.median.toFixed(2)} s, ` +
      `peak RSS ${summary.peakRssMb ? summary.peakRssMb.median.toFixed(0) + ' MB' : 'n/a'}`,
  );
  return summary;
}

/** The lines that say why (a launch-task summary lists them under "Problems:"), else the last few. */
export function failureReason(stderr: string): string {
  const lines = stderr.trim().split('\n');
  const telling = [...new Set(lines.filter((line) => /FAILED|Error|error:|killed after/.test(line)).map((line) => line.trim()))];
  return (telling.length > 0 ? telling.slice(-2) : lines.slice(-3)).join(' | ');
}

function lastJsonLine(stdout: string): unknown {
  const line = stdout.trim().split('\n').pop();
  if (!line || !line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
