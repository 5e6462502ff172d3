/**
 * Output path flags that name no usable place, through the real `launch-task`.
 * `--dest ''` once wrote the outputs into the working directory: it is a usage
 * error naming the flag, while flags whose default is empty (`--stats ''`,
 * `--answer-metadata ''`) still mean "none". `--dest /proc/x/y` once hung
 * (Node's recursive mkdir spins there): it fails at once in one line.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { ensureBuilt, launchTask } from './build-once.js';

const DEMO = join(REPO_ROOT, 'fixtures/answer_dist/demo');
const PROC = existsSync('/proc/self');
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'pipewright-bad-output-path-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('an empty path flag', () => {
  it("--dest '' is one usage line naming the flag and the fix, and writes nothing in the working directory", async () => {
    const cwd = join(dir, 'cwd');
    await mkdir(cwd);
    const run = await launchTask(['AnswerDistributionPerCourse', '--src', DEMO, '--dest', '', '--name', 'x', '--lock-dir', join(dir, 'locks')], { cwd });
    expect(run).toMatchObject({
      code: 64,
      stderr: `launch-task: AnswerDistributionPerCourse: bad value "" for --dest: an empty path names no location; give a path (use '.' for the working directory).\n`,
    });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("--stats '' and --answer-metadata '' still mean none: the report is written and nothing else", async () => {
    const cwd = join(dir, 'report');
    await mkdir(cwd);
    const args = ['--src', DEMO, '--dest', 'dest', '--name', 'r', '--output-file', 'report.tsv', '--stats', '', '--answer-metadata', ''];
    const run = await launchTask(['AnswerDistributionReport', ...args, '--lock-dir', 'locks'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['dest', 'locks', 'report.tsv']);
  });
});

describe('a --dest that cannot be made', () => {
  it.skipIf(!PROC)('under /proc is one line naming the output, exit 1, not a hang (needs procfs at /proc; skipped without it)', async () => {
    const run = await launchTask(['AnswerDistributionPerCourse', '--src', DEMO, '--dest', '/proc/pipewright-x/y', '--name', 'n', '--lock-dir', join(dir, 'locks')], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const failed = run.stderr.split('\n').filter((line) => /^ {2}FAILED /.test(line));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain(
      'Cannot write output /proc/pipewright-x/y/problem_check_events_n: /proc takes no new folders (a virtual file system such as /proc or /sys?); fix that, or choose another output location (e.g. --dest).',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
