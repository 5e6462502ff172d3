import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LAUNCH_TASK } from '../support/paths.js';
import { ensureBuilt } from './build-once.js';

// `launch-task --help | head -1` or `--list | head`: the reader leaves before the output ends.
function withStdoutClosedEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  ensureBuilt();
  const child = spawn(process.execPath, [LAUNCH_TASK, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy(); // the read end closes before launch-task writes anything: every write gets EPIPE
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('launch-task writing into a pipe whose reader has gone', () => {
  it('ends quietly with the exit code it would have had, without an EPIPE stack trace', async () => {
    for (const [args, code] of [[['--help'], 0], [['--list'], 0], [['AnswerDistributionWorkflow', '--help'], 0]] as const) {
      const run = await withStdoutClosedEarly([...args]);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.code, args.join(' ')).toBe(code);
    }
  });
});
