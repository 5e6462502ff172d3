import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { profileMarkdown, summarizeProfiles } from '../../src/bench/cpu-profile.js';

it('ranks the function that burns the CPU first in a real --cpu-prof profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pipewright-bench-cpuprof-'));
  try {
    const script = 'function burnTheCpu() { let x = 0; for (let i = 0; i < 6e7; i++) x = (x + i * 7) % 1000003; return x; } console.log(burnTheCpu());';
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-e', script]);
    const [summary] = summarizeProfiles(dir);
    expect(summary!.top[0]!.name).toBe('burnTheCpu');
    expect(summary!.top[0]!.share).toBeGreaterThan(0.5);
    expect(profileMarkdown([summary!])).toContain('| burnTheCpu |');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
