import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/paths.js';
import { BatchingFileBackend } from '../../src/tracking/index.js';
import { PIPELINE_PATTERN, readAllRecords, tempDir } from './support.js';

const CHILD = join(REPO_ROOT, 'test/tracking/fixtures/numbered-emitter.ts');

function startEmitter(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = () => ({ stdout, stderr });
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (stdout.includes(text) ? resolve() : undefined);
      child.stdout.on('data', check);
      child.on('exit', () => reject(new Error(`child exited before '${text}': ${stderr}`)));
      check();
    });
  return { child, exited, output, waitFor };
}

describe('signals', () => {
  it('SIGTERM loses nothing: every accepted event is on disk exactly once', async () => {
    const dir = await tempDir();
    const emitter = startEmitter(dir);
    await emitter.waitFor('ready');
    await emitter.waitFor(`durable ${2000 + Math.floor(Math.random() * 3) * 1000}`);
    emitter.child.kill('SIGTERM');
    const { code } = await emitter.exited;
    const { stdout, stderr } = emitter.output();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const accepted = Number(/accepted (\d+)/.exec(stdout)?.[1]);
    expect(accepted).toBeGreaterThan(2000);
    const seqs = (await readAllRecords(dir)).map((r) => r.event.seq);
    expect(seqs.length).toBe(accepted);
    expect(new Set(seqs).size).toBe(accepted);
    expect(Math.max(...seqs)).toBe(accepted - 1);
    expect((await readdir(dir)).some((f) => PIPELINE_PATTERN.test(f))).toBe(true);
  }, 30_000);

  it('SIGKILL loses at most what was not yet flushed: the log is a prefix, no duplicates', async () => {
    const dir = await tempDir();
    const emitter = startEmitter(dir);
    await emitter.waitFor('durable 3000');
    emitter.child.kill('SIGKILL');
    const { signal } = await emitter.exited;
    expect(signal).toBe('SIGKILL');
    // Restart in the same directory: recovery finishes any gzip the kill interrupted.
    await (await BatchingFileBackend.open({ dir })).close();
    const durable = Math.max(...[...emitter.output().stdout.matchAll(/durable (\d+)/g)].map((m) => Number(m[1])));
    const seqs = (await readAllRecords(dir)).map((r) => r.event.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(durable);
    const sorted = [...seqs].sort((a, b) => a - b);
    expect(sorted.filter((n, i) => n !== i).slice(0, 5)).toEqual([]);
  }, 30_000);

  it('a script that ends without close() still writes its last partial batch', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/tracking/fixtures/ends-without-close.ts'), dir], { cwd: REPO_ROOT });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect((await readAllRecords(dir)).map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  }, 30_000);
});
