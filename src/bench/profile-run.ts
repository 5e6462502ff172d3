import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './cases.js';
import { areaMarkdown, combineProfiles, profileMarkdown, summarizeProfiles } from './cpu-profile.js';
import type { DataSet } from './datasets.js';
import { answerDistributionPerCourse } from './pipewright-cases.js';

/**
 * `npm run bench -- --profile`: one run of AnswerDistributionPerCourse under
 * `node --cpu-prof` (worker threads write their own profiles), then the
 * hottest functions of each profile.
 */
export async function profileAnswerDistribution(set: DataSet, context: BenchContext, log: (line: string) => void): Promise<string> {
  const reason = await answerDistributionPerCourse.unavailable(context);
  if (reason) return `Cannot profile: ${reason}\n`;
  const profiles = mkdtempSync(join(tmpdir(), 'pipewright-bench-profile-'));
  try {
    const invocation = await answerDistributionPerCourse.prepare(set, context, 0);
    log(`profiling ${answerDistributionPerCourse.label} on ${set.name} (${set.gzip ? 'gzip' : 'plain'}) into ${profiles} ...`);
    // Node refuses --cpu-prof in NODE_OPTIONS; as a flag it is inherited by worker threads (their execArgv), which write their own profiles.
    const args = ['--cpu-prof', `--cpu-prof-dir=${profiles}`, ...invocation.args];
    const started = Date.now();
    const result = spawnSync(invocation.command, args, { cwd: context.repoRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const seconds = (Date.now() - started) / 1000;
    await invocation.cleanup?.();
    if (result.status !== 0) return `The profiled run failed (exit ${result.status}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}\n`;
    const heading = `Profile of ${answerDistributionPerCourse.label} on the ${set.name} set (${(set.uncompressedBytes / 1e6).toFixed(0)} MB, ${set.gzip ? 'gzip' : 'plain'}), ${seconds.toFixed(1)} s wall under the profiler:\n\n`;
 const threads = summarizeProfiles(profiles);
    const all = combineProfiles(threads);
    return heading + 'By area, all threads:\n\n' + areaMarkdown(all) + '\nBy function, ' + profileMarkdown([all], 20) + '\nPer thread (main thread first when it is the longest):\n\n' + profileMarkdown(threads, 8);
  } finally {
    rmSync(profiles, { recursive: true, force: true });
  }
}
