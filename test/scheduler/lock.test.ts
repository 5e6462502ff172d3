import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, LockHeldError } from '../../src/core/index.js';
import { acquireRunLocks, lockPath, runTasks } from '../../src/scheduler/index.js';
import { Step } from './fixture-tasks.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('run locks', () => {
  it('when a root is locked then a second taker fails naming the holder, and can take it after release', () => {
    const task = new Step({ dir, name: 'root' });
    const release = acquireRunLocks([task], dir);
    const info = JSON.parse(readFileSync(lockPath(task, dir), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), taskId: task.id });
    expect(() => acquireRunLocks([task], dir)).toThrow(LockHeldError);
    expect(() => acquireRunLocks([task], dir)).toThrow(`Another run holds the lock for ${task.id}: pid ${process.pid} on ${hostname()}, started ${info.startedAt}`);
    release();
    expect(existsSync(lockPath(task, dir))).toBe(false);
    acquireRunLocks([task], dir)();
  });

  it('when the holder process is gone then its lock is stale and taken over', () => {
    const task = new Step({ dir, name: 'root' });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    writeFileSync(lockPath(task, dir), JSON.stringify({ pid: deadPid, host: hostname(), startedAt: 'yesterday', taskId: task.id, token: 'x' }));
    const release = acquireRunLocks([task], dir);
    expect(JSON.parse(readFileSync(lockPath(task, dir), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('never takes over a lock written on another host', () => {
    const task = new Step({ dir, name: 'root' });
    writeFileSync(lockPath(task, dir), JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'yesterday', taskId: task.id, token: 'x' }));
    expect(() => acquireRunLocks([task], dir)).toThrow(/pid 1 on elsewhere, started yesterday/);
  });

  it('when one of several roots is locked then none stay locked by the refused run', () => {
    const [a, b] = [new Step({ dir, name: 'a' }), new Step({ dir, name: 'b' })];
    const releaseB = acquireRunLocks([b], dir);
    expect(() => acquireRunLocks([a, b], dir)).toThrow(LockHeldError);
    expect(existsSync(lockPath(a, dir))).toBe(false);
    releaseB();
  });

  it('when runTasks finds the lock held then it exits 3 without running anything', async () => {
    const task = new Step({ dir, name: 'root' });
    const release = acquireRunLocks([task], dir);
    const result = await runTasks([new Step({ dir, name: 'root' })], { lockDir: dir });
    release();
    expect(result.exitCode).toBe(ExitCode.locked);
    expect(result.summary).toMatch(/^Cannot run: Another run holds the lock for Step\(/);
    expect(existsSync(join(dir, 'root.txt'))).toBe(false);
  });
});

describe('lock directory problems', () => {
  it('when the lock directory cannot be created then the run exits 64 saying how to fix it', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    const result = await runTasks([new Step({ dir, name: 'root' })], { lockDir: join(blocker, 'locks') });
    expect(result.exitCode).toBe(64);
    expect(result.summary).toContain(`Cannot create the lock directory ${join(blocker, 'locks')}: ENOTDIR; set [core] lock_dir or --lock-dir to a writable folder.`);
  });
});
