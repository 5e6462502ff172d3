/**
 * Runs once before any test file: makes sure dist/ (which bin/launch-task.js
 * and map/reduce worker threads load) is at least as new as src/. `npm test`
 * has just built, so this is a cheap check there; a bare `npx vitest run`
 * after editing src/ rebuilds here, once, instead of inside a test worker.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { CONFORMANCE, REPO_ROOT } from './paths.js';

export default async function setup(): Promise<void> {
  // Without it, a dozen test files fail with a bare ENOENT each: say once what is missing and the fix.
  if (!existsSync(join(CONFORMANCE, 'README.md')))
    throw new Error(`edX conformance data not found at ${CONFORMANCE}: the tests read it from ../shared/conformance/edx beside the repo; put it there or set PIPEWRIGHT_CONFORMANCE=/path/to/conformance/edx`);
  const built = join(REPO_ROOT, 'dist/cli/main.js');
  const newestSource = Math.max(...fg.sync('src/**/*.ts', { cwd: REPO_ROOT, absolute: true }).map((f) => statSync(f).mtimeMs));
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource) return;
  await new Promise<void>((resolve) => {
    const tsc = spawn('flock', ['/tmp/pipewright-build.lock', 'npx', 'tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
    tsc.on('close', () => resolve()); // type errors are reported above; the emitted JS is still usable
    tsc.on('error', () => resolve());
  });
  if (!existsSync(built)) throw new Error('the build did not produce dist/cli/main.js: run npm run build');
}
