import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './cases.js';
import { profileMarkdown, summarizeProfiles } from './cpu-profile.js';
import type { DataSet } from './datasets.js';
import { answerDistributionPerCourse } from './pipewright-cases.js';

/**
 * `npm run bench -- --profile`: one run of AnswerDistributionPerCourse under
 * `--cpu-prof` (NODE_OPTIONS, so worker threads and child processes write
 * their own profiles too), then the hottest functions of each profile.
 */
export async function profileAnswerDistribution(set: DataSet, context: BenchContext, log: (line: string) => void): Promise<string> {
  const reason = await answerDistributionPerCourse.unavailable(context);
  if (reason) return `Cannot profile: ${reason}\n`;
  const profiles = mkdtempSync(join(tmpdir(), 'pipewright-bench-profile-'));
  try {
    const invocation = await answerDistributionPerCourse.prepare(set, context, 0);
    log(`profiling ${answerDistributionPerCourse.label} on ${set.name} (${set.gzip ? 'gzip' : 'plain'}) into ${profiles} ...`);
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profiles}`.trim() };
    const started = Date.now();
    const result = spawnSync(invocation.command, invocation.args, { cwd: context.repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const seconds = (Date.now() - started) / 1000;
    await invocation.cleanup?.();
    if (result.status !== 0) return `The profiled run failed (exit ${result.status}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}\n`;
    const heading = `Profile of ${answerDistributionPerCourse.label} on the ${set.name} set (${(set.uncompressedBytes / 1e6).toFixed(0)} MB, ${set.gzip ? 'gzip' : 'plain'}), ${seconds.toFixed(1)} s wall under the profiler:\n\n`;
    return heading + profileMarkdown(summarizeProfiles(profiles));
  } finally {
    rmSync(profiles, { recursive: true, force: true });
  }
}
