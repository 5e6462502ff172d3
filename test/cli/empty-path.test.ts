/**
 * An empty path flag through the real `launch-task`: `--dest ''` once wrote
 * the outputs into the working directory. It is a usage error naming the
 * flag; flags whose default is empty (`--stats ''`, `--answer-metadata ''`)
 * still mean "none".
 */
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { ensureBuilt, launchTask } from './build-once.js';

const DEMO = join(REPO_ROOT, 'fixtures/answer_dist/demo');
let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'pipewright-empty-path-'));
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
