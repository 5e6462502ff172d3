import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateLogs, parseSize } from '../../../src/eventlog/generator/index.js';
import { REPO_ROOT } from '../../support/paths.js';

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/eventlog/generator/cli.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
}

describe('gen-fixtures CLI', () => {
  it('writes the requested days in worker threads, the same bytes as one thread, and prints one summary line', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pipewright-gen-cli-'));
    const result = runCli(['--size', '60KB', '--days', '2', '--seed', '3', '--gzip', '--jobs', '2', '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^2 files, \d+ lines \(\d+ damaged on purpose\), 0\.1 MB in/);
    expect(readdirSync(out).sort()).toEqual(['_generator-summary.json', 'tracking.log-20240304.gz', 'tracking.log-20240305.gz']);
    const inProcess = await generateLogs({ out: mkdtempSync(join(tmpdir(), 'pipewright-gen-cli-')), bytes: 60_000, days: 2, seed: 3, jobs: 1 });
    for (const file of inProcess.files) {
      const name = file.path.split('/').pop()!;
      expect(gunzipSync(readFileSync(join(out, `${name}.gz`))).equals(readFileSync(file.path)), name).toBe(true);
    }
  });

  it('rejects a bad size with one line and the usage exit code', () => {
    const result = runCli(['--size', 'lots', '--out', mkdtempSync(join(tmpdir(), 'pipewright-gen-cli-'))]);
    expect(result.status).toBe(64);
    expect(result.stderr.trim()).toBe('gen-fixtures: --size "lots": expected a size like 1GB, 500MB, 64MiB or a number of bytes.');
  });
});

describe('parseSize', () => {
  it('reads decimal and binary units', () => {
    expect(parseSize('1GB')).toBe(1e9);
    expect(parseSize('500 MB')).toBe(5e8);
    expect(parseSize('64MiB')).toBe(64 * 2 ** 20);
    expect(parseSize('2k')).toBe(2048);
    expect(parseSize('1.5kb')).toBe(1500);
    expect(parseSize('12345')).toBe(12345);
    expect(() => parseSize('0')).toThrow(/at least one byte/);
    expect(() => parseSize('1TB')).toThrow(/expected a size/);
  });
});
