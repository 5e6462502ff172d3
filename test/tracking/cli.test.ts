import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/paths.js';
import { readAllRecords, tempDir } from './support.js';

const BIN = join(REPO_ROOT, 'bin/track-collector.js');
const BUILT = existsSync(join(REPO_ROOT, 'dist/tracking/cli.js'));

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stderr);
        if (match) resolve(match);
      };
      child.stderr.on('data', check);
      child.on('exit', () => reject(new Error(`exited before ${pattern}: ${stderr}`)));
    });
  return { child, exited, line, stderr: () => stderr };
}

describe.runIf(BUILT)('bin/track-collector', () => {
  it('serves on 127.0.0.1, writes what it accepted, and drains on SIGTERM', async () => {
    const dir = await tempDir();
    const collector = run(['serve', '--port', '0', '--dir', dir, '--batch-size', '1000', '--flush-interval-ms', '60000']);
    const [, host, port] = await collector.line(/listening on http:\/\/([\d.]+):(\d+)/);
    expect(host).toBe('127.0.0.1');
    for (let i = 0; i < 25; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/track/edx.test.cli?i=${i}`);
      expect(response.status).toBe(200);
    }
    collector.child.kill('SIGTERM');
    expect(await collector.exited).toBe(0);
    const records = await readAllRecords(dir);
    expect(records.map((r) => JSON.parse(r.event).i)).toEqual([...Array(25).keys()].map(String));
  }, 20_000);

  it('fails to start with one line and exit 64 on bad usage', async () => {
    for (const args of [['serve'], ['serve', '--port', 'x'], ['consume', '--queue', 'q']]) {
      const bad = run(args);
      expect(await bad.exited).toBe(64);
      expect(bad.stderr().trim().split('\n')).toHaveLength(1);
      expect(bad.stderr()).toMatch(/^track-collector: /);
    }
  }, 20_000);
});
