import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryTarget, LocalTarget } from '../../src/targets/index.js';
import { REPO_ROOT } from '../support/paths.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-kill-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Starts the slow writer, waits until it has written data, then SIGKILLs it. */
function killMidWrite(kind: string, path: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/targets/fixtures/slow-writer.ts'), kind, path], { cwd: REPO_ROOT });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.stdout.on('data', (c: Buffer) => c.toString().includes('writing') && child.kill('SIGKILL'));
    child.on('close', (code, signal) => (signal ? resolve(signal) : reject(new Error(`writer exited ${code} before the kill: ${stderr}`))));
  });
}

describe('a write killed with SIGKILL', () => {
  it.each(['file', 'gzip'])('leaves no %s at the final path, only a hidden temp file', async (kind) => {
    const path = join(dir, kind === 'gzip' ? 'out.tsv.gz' : 'out.tsv');
    expect(await killMidWrite(kind, path)).toBe('SIGKILL');
    expect(new LocalTarget(path).exists()).toBe(false);
    const left = readdirSync(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.out\.tsv(\.gz)?-pipewright-tmp-/);
  });

  it('leaves no directory output and no _SUCCESS', async () => {
    const path = join(dir, 'parts');
    expect(await killMidWrite('directory', path)).toBe('SIGKILL');
    expect(new DirectoryTarget(path).exists()).toBe(false);
    expect(readdirSync(dir).filter((n) => !n.startsWith('.'))).toEqual([]);
  });
});
