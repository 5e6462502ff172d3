/**
 * CLI tests run the real `node bin/launch-task.js`, which loads dist/. Build
 * it when any source file is newer than the build (CI has just built: no-op).
 * Other people's unfinished files may fail typechecking; tsc still emits, so
 * only a missing dist/cli is an error.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { LAUNCH_TASK, REPO_ROOT } from '../support/paths.js';

export function ensureBuilt(): void {
  const built = join(REPO_ROOT, 'dist/cli/main.js');
  const newestSource = Math.max(...fg.sync('src/**/*.ts', { cwd: REPO_ROOT, absolute: true }).map((f) => statSync(f).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource) return;
  try {
    execFileSync('flock', ['/tmp/pipewright-build.lock', 'npx', 'tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'ignore' });
  } catch {
    // type errors elsewhere: the emitted JS is what we need
  }
  if (!existsSync(built)) throw new Error('npm run build did not produce dist/cli/main.js');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/** Runs launch-task as a user would; resolves when it exits. */
export function launchTask(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> & { pid: number; stderrSoFar: () => string } {
  const child = spawn(process.execPath, [LAUNCH_TASK, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, PIPEWRIGHT_CONFIG: '', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, pid: child.pid! })));
  return Object.assign(done, { pid: child.pid!, stderrSoFar: () => stderr });
}
