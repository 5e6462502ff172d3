/**
 * Bad input, end to end, through the real `launch-task` (answer distribution
 * into SQLite): every damaged line is counted, every wrong flag or path is one
 * line with the right exit code, and a killed run leaves nothing that looks
 * complete. Database errors: bad-database.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/sql/index.js';
import { REPO_ROOT } from '../support/paths.js';
import { ensureBuilt, launchTask } from './build-once.js';
import { summaryCounters, writeBadLogs, type BadLogs } from './support/bad-logs.js';

const WORKFLOW = 'AnswerDistributionToMySQLTaskWorkflow';
let dir: string;
let logs: string;
let expected: BadLogs;

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'pipewright-bad-input-'));
  logs = join(dir, 'logs');
  mkdirSync(logs);
  expected = writeBadLogs(logs);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The workflow on `src` into `<dir>/<name>`, its own lock dir and SQLite file. */
const workflow = (name: string, src: string, more: string[] = []) =>
  launchTask([WORKFLOW, '--src', src, '--dest', join(dir, name), '--name', name, '--database-url', `sqlite:${join(dir, `${name}.sqlite`)}`, '--lock-dir', join(dir, 'locks'), ...more], { cwd: dir });

/** The one error line a failed run printed (the summary repeats it under Problems:). */
const problem = (stderr: string) => stderr.split('\n').filter((l) => /^ {2}(FAILED|MISSING) /.test(l));
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Error: E[A-Z]+:/);

describe('damaged log lines through launch-task', () => {
  it('keeps what can be kept, and the summary counts every line read: not mapped + kept + each drop', async () => {
    const run = await workflow('damaged', logs);
    expect(run.code, run.stderr).toBe(0);
    const counters = summaryCounters(run.stderr);
    const drops = [...counters].filter(([name]) => /^Answer distribution (drop|crash_dropped):/.test(name));
    expect(Object.fromEntries(drops.map(([name, n]) => [name.replace(/^Answer distribution drop:/, ''), n]))).toEqual(expected.drops);
    expect(counters.get('Input ProblemCheckEvent lines read')).toBe(expected.lines);
    expect(counters.get('Input ProblemCheckEvent lines without "problem_check" (not mapped)')).toBe(expected.withoutProblemCheck);
    const withText = counters.get('Answer distribution lines with problem_check')!;
    expect(withText).toBe(expected.lines - expected.withoutProblemCheck);
    expect(counters.get('Answer distribution kept problem_check events')).toBe(expected.kept);
    expect(expected.kept + drops.reduce((sum, [, n]) => sum + n, 0)).toBe(withText);
    // Every kept user answered once: A from four good lines + BOM + syslog; B from two good lines + CRLF + the invalid byte.
    const rows = await queryRows(
      `sqlite:${join(dir, 'damaged.sqlite')}`,
      'SELECT answer_value_text AS answer, SUM(first_response_count) AS users FROM answer_distribution GROUP BY answer_value_text ORDER BY 1',
    );
    expect(rows).toEqual([
      { answer: 'A', users: 6 },
      { answer: 'B', users: 4 },
    ]);
    noStack(run.stderr);
  });

  it('stops at a truncated gzip naming the file and the flag that skips it; with the flag it counts the file and goes on', async () => {
    const src = join(dir, 'with-gzip');
    mkdirSync(src);
    for (const name of readdirSync(logs)) copyFileSync(join(logs, name), join(src, name));
    writeFileSync(join(src, 'tracking.log-20240307.gz'), gzipSync(readFileSync(join(logs, 'tracking.log-20240304'))).subarray(0, 200));
    const failed = await workflow('gzip', src);
    expect(failed.code).toBe(1);
    const [line] = problem(failed.stderr);
    expect(line).toContain(`${join(src, 'tracking.log-20240307.gz')}: corrupt gzip (truncated`);
    expect(line).toContain('--on-corrupt-input skip');
    expect(line).not.toContain('mapper failed'); // the reader failed, not the mapper
    noStack(failed.stderr);
    expect(readdirSync(join(dir, 'gzip'))).toEqual([]); // no part output left behind

    const skipped = await workflow('gzip', src, ['--on-corrupt-input', 'skip']);
    expect(skipped.code, skipped.stderr).toBe(0);
    const counters = summaryCounters(skipped.stderr);
    expect(counters.get('Input Corrupt Gzip Files')).toBe(1);
    expect(counters.get('Answer distribution kept problem_check events')).toBe(expected.kept);
  });
});

describe('wrong --src, flags and --dest through launch-task', () => {
  it('a --src that does not exist or holds no file is missing input (exit 2), named in one line', async () => {
    const missing = await workflow('missing', join(dir, 'no-such-dir'));
    expect(missing.code).toBe(2);
    expect(problem(missing.stderr)).toEqual([expect.stringContaining(`--src ${join(dir, 'no-such-dir')} does not exist; check the path`)]);
    mkdirSync(join(dir, 'empty-dir'));
    writeFileSync(join(dir, 'empty-dir', '_SUCCESS'), '');
    const empty = await workflow('empty', join(dir, 'empty-dir'));
    expect(empty.code).toBe(2);
    expect(problem(empty.stderr)[0]).toMatch(/--src \S+empty-dir holds no input files \(names starting with \. or _ are skipped\)/);
    for (const run of [missing, empty]) noStack(run.stderr);
  });

  it('a run without --src, or with a value only the task checks, is a usage error (exit 64)', async () => {
    const noSrc = await launchTask([WORKFLOW, '--dest', join(dir, 'x'), '--name', 'x', '--lock-dir', join(dir, 'locks')], { cwd: dir });
    // Found while planning: the run stops before any task starts, and says so in one line.
    const cannotRun = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('Cannot run: '));
    expect(noSrc.code).toBe(64);
    expect(cannotRun(noSrc.stderr)).toEqual([expect.stringContaining('requires the parameter --src')]);
    const badUrl = await workflow('badurl', logs, ['--database-url', 'postgres://db/x']);
    expect(badUrl.code).toBe(64);
    expect(cannotRun(badUrl.stderr)).toEqual([expect.stringContaining('--database-url postgres://db/x: unknown scheme')]);
    for (const run of [noSrc, badUrl]) noStack(run.stderr);
  });

  it('an unknown flag and a bad value are one line on stderr and exit 64, before anything runs', async () => {
    const typo = await workflow('typo', logs, ['--n-reduce-task', '2']);
    expect(typo).toMatchObject({ code: 64, stderr: "launch-task: unknown option '--n-reduce-task' (Did you mean --n-reduce-tasks?)\n" });
    const bad = await workflow('bad', logs, ['--n-reduce-tasks', 'two']);
    expect(bad).toMatchObject({ code: 64, stderr: `launch-task: ${WORKFLOW}: bad value "two" for --n-reduce-tasks: expected a whole number.\n` });
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('a --dest that cannot be made is one line naming the path and the fix', async () => {
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const run = await launchTask([WORKFLOW, '--src', logs, '--dest', join(dir, 'a-file', 'out'), '--name', 'n', '--database-url', `sqlite:${join(dir, 'd.sqlite')}`, '--lock-dir', join(dir, 'locks')], { cwd: dir });
    expect(run.code).toBe(1);
    expect(problem(run.stderr)[0]).toContain(`Cannot write output ${join(dir, 'a-file', 'out')}/problem_check_events_n: a part of the path is a file, not a folder; fix that, or choose another output location (e.g. --dest).`);
    noStack(run.stderr);
  });
});

describe('a killed run, and overlapping runs', () => {
  let generated: string;
  beforeAll(() => {
    generated = join(dir, 'generated');
    execFileSync(process.execPath, [join(REPO_ROOT, 'dist/eventlog/generator/cli.js'), '--size', '3MB', '--days', '1', '--seed', '3', '--bad-rate', '0.01', '--out', generated, '--jobs', '1'], { stdio: 'ignore' });
  });

  const rowsOf = (name: string) => queryRows(`sqlite:${join(dir, `${name}.sqlite`)}`, 'SELECT course_id, module_id, part_id, correct, first_response_count, last_response_count, value_id, answer_value_text, variant FROM answer_distribution ORDER BY 1, 2, 3, 8, 7, 9');

  it('after SIGKILL in the middle of stage 1, nothing looks complete and a rerun loads exactly one copy of every row', async () => {
    const reference = await workflow('clean', generated);
    expect(reference.code, reference.stderr).toBe(0);

    const killed = workflow('killed', generated);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!/progress ProblemCheckEvent/.test(killed.stderrSoFar())) return;
        clearInterval(poll);
        process.kill(killed.pid, 'SIGKILL');
        resolve();
      }, 20);
    });
    expect((await killed).code).toBe(null);
    // Only hidden temp folders may be left: no part output, no table.
    expect(readdirSync(join(dir, 'killed')).filter((name) => !name.startsWith('.'))).toEqual([]);
    expect(existsSync(join(dir, 'killed.sqlite'))).toBe(false);

    const leftovers = readdirSync(join(dir, 'killed'));
    expect(leftovers.length).toBeGreaterThan(0); // its temp output and work folder (spills)

    const rerun = await workflow('killed', generated); // the lock of the killed run is stale: taken over
    expect(rerun.code, rerun.stderr).toBe(0);
    // The rerun cleared the dead run's temp folders: a killed run on big logs leaves gigabytes there.
    expect(readdirSync(join(dir, 'killed')).sort()).toEqual(['answer_distribution_per_course_killed', 'problem_check_events_killed']);
    const rows = await rowsOf('killed');
    expect(rows.length).toBeGreaterThan(50);
    expect(rows).toEqual(await rowsOf('clean'));
  });

  it('two runs sharing their stages at the same time load the table once', async () => {
    const [a, b] = await Promise.all([
      workflow('overlap', generated),
      launchTask(['AnswerDistributionWorkflow', '--src', generated, '--dest', join(dir, 'overlap'), '--name', 'overlap', '--database-url', `sqlite:${join(dir, 'overlap.sqlite')}`, '--output-root', join(dir, 'overlap-csv'), '--lock-dir', join(dir, 'locks')], { cwd: dir }),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(await rowsOf('overlap')).toEqual(await rowsOf('clean'));
  });
});
