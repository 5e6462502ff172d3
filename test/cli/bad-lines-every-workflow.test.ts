/**
 * Every tracking-log workflow through the real CLI, on clean generated logs
 * and on the same logs plus every kind of bad line (support/damaged-events.ts):
 * exit 0 and no stack trace, the log-reading job's counters add up to the
 * lines it read, the rows of the clean courses are exactly those of the clean
 * run (nothing lost, nothing added), and a second run has nothing to do.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLogs } from '../../src/eventlog/generator/index.js';
import { filenameSafeCourseId } from '../../src/tasks/answer-distribution/course-csv.js';
import { loadLmsIntoSqlite } from '../tasks/enrollments/lms.js';
import { ensureBuilt, launchTask, type CliRun } from './build-once.js';
import { summaryCounters } from './support/bad-logs.js';
import { FUZZ_COURSE, writeDamagedFiles } from './support/damaged-events.js';
import { logWorkflows, writeCourseStructure, type Rows, type Workflow } from './support/log-workflows.js';

let root: string;
const clean = () => join(root, 'clean');
const dirty = () => join(root, 'dirty');

beforeAll(async () => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'pipewright-bad-lines-'));
  await generateLogs({ out: clean(), bytes: 400_000, days: 2, seed: 7, badRate: 0, start: '2024-03-04' });
  cpSync(clean(), dirty(), { recursive: true });
  writeDamagedFiles(dirty());
  loadLmsIntoSqlite(join(root, 'lms.sqlite'));
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const WORKFLOWS = logWorkflows(() => `sqlite:${join(root, 'lms.sqlite')}`);

function run(workflow: Workflow, logs: string, out: string, more: string[] = []): Promise<CliRun> {
  mkdirSync(out, { recursive: true });
  return launchTask([workflow.family, ...workflow.args(logs, out), '--lock-dir', join(out, 'locks'), '--runner', 'inline', ...more], { cwd: root });
}

function expectCleanExit(result: CliRun): void {
  expect(result.stderr, result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.code, result.stderr.split('\n').slice(-30).join('\n')).toBe(0);
}

/** Lines read by the reader = lines its prefilter skipped + every per-line outcome counted. */
function expectCountersAddUp(workflow: Workflow, stderr: string): number {
  const counters = summaryCounters(stderr);
  const read = counters.get(`Input ${workflow.reader} lines read`);
  expect(read, stderr).toBeGreaterThan(0);
  let accounted = 0;
  for (const [name, n] of counters) {
    if (workflow.perLine.test(name)) accounted += n;
    if (name.startsWith(`Input ${workflow.reader} lines without `)) accounted += n;
  }
  expect(accounted, [...counters].map(([k, v]) => `${k}: ${v}`).join('\n')).toBe(read);
  return read!;
}

const sorted = (rows: Rows) => rows.map(([, row]) => row).sort();

describe('every tracking-log workflow on logs with every kind of bad line', () => {
  for (const workflow of WORKFLOWS) {
    it(`${workflow.family}: exit 0, counters that add up, the clean courses' rows unchanged, a rerun with nothing to do`, async () => {
      const [cleanRun, dirtyRun] = await Promise.all([
        run(workflow, clean(), join(root, 'out', workflow.family, 'clean')),
        run(workflow, dirty(), join(root, 'out', workflow.family, 'dirty'), ['--on-corrupt-input', 'skip']),
      ]);
      expectCleanExit(cleanRun);
      expectCleanExit(dirtyRun);
      // Counted by every job that read it (module engagement reads each day with its neighbours).
      expect(summaryCounters(dirtyRun.stderr).get('Input Corrupt Gzip Files')).toBeGreaterThanOrEqual(1);
      const readClean = expectCountersAddUp(workflow, cleanRun.stderr);
      expect(expectCountersAddUp(workflow, dirtyRun.stderr)).toBeGreaterThan(readClean);

      const cleanRows = await workflow.rows(join(root, 'out', workflow.family, 'clean'));
      const dirtyRows = await workflow.rows(join(root, 'out', workflow.family, 'dirty'));
      expect(cleanRows.length).toBeGreaterThan(0);
      const cleanCourses = new Set(cleanRows.map(([course]) => course));
      expect(sorted(dirtyRows.filter(([course]) => cleanCourses.has(course)))).toEqual(sorted(cleanRows));
      // The fuzz course's events were kept too, where the workflow keeps such events: the bad lines did not take everything with them.
      expect(dirtyRows.some(([course]) => course === FUZZ_COURSE || course === filenameSafeCourseId(FUZZ_COURSE))).toBe(true);

      const again = await run(workflow, dirty(), join(root, 'out', workflow.family, 'dirty'), ['--on-corrupt-input', 'skip']);
      expectCleanExit(again);
      if (!workflow.rerunRecomputes) expect(again.stderr + again.stdout).toMatch(/Nothing to do/);
      expect(sorted(await workflow.rows(join(root, 'out', workflow.family, 'dirty')))).toEqual(sorted(dirtyRows));
    }, 60_000);
  }

  it('without --on-corrupt-input skip, the cut gzip stops the run with one line naming the file and the flag (exit 1)', async () => {
    const result = await run(WORKFLOWS[0]!, dirty(), join(root, 'strict'));
    expect(result.code).toBe(1);
    const problems = result.stderr.split('\n').filter((line) => /^ {2}FAILED /.test(line));
    expect(problems).toEqual([expect.stringContaining(`${join(dirty(), 'tracking.log-20240305-cut.gz')}: corrupt gzip`)]);
    expect(problems[0]).toContain('--on-corrupt-input skip');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    rmSync(join(root, 'strict'), { recursive: true, force: true });
  });

  it('a day that is not in the calendar (2024-02-30), inside the interval as text, is counted as outside it', async () => {
    const logs = join(root, 'feb30');
    mkdirSync(logs);
    const event = (time: string) => JSON.stringify({ username: 'u', event_type: 'seq_next', event_source: 'browser', time, context: { course_id: FUZZ_COURSE, user_id: 7 } });
    writeFileSync(join(logs, 'tracking.log-20240229'), `${event('2024-02-30T10:00:00+00:00')}\n${event('2024-02-29T10:00:00+00:00')}\n`);
    const args = ['UserActivityTask', '--interval', '2024-02-28-2024-03-02', '--source', JSON.stringify([logs]), '--warehouse-path', join(logs, 'wh'), '--lock-dir', join(logs, 'locks')];
    const result = await launchTask(args, { cwd: root });
    expectCleanExit(result);
    const counters = summaryCounters(result.stderr);
    expect([counters.get('UserActivity Discard Event Outside Interval'), counters.get('UserActivity Events Kept')]).toEqual([1, 1]);
    rmSync(logs, { recursive: true, force: true });
  });

  it('a course structure whose block id holds a tab is counted and left out, not written as a shifted partition line', async () => {
    const warehouse = join(root, 'blocks');
    writeCourseStructure(warehouse, { 'r\tx': { id: 'r\tx', type: 'course', display_name: 'Tabbed', children: [] } });
    const result = await launchTask(['CourseBlocksApiDataTask', '--datetime', '2024-03-06T000000', '--warehouse-path', warehouse, '--lock-dir', join(warehouse, 'locks')], { cwd: root });
    expectCleanExit(result);
    const counters = summaryCounters(result.stderr);
    expect([counters.get('Course Blocks Courses'), counters.get('Course Blocks Discard Course With Tab Or Newline In A Block')]).toEqual([1, 1]);
    const lines = fg.sync('course_blocks/*/part-*', { cwd: warehouse, absolute: true }).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
    expect(lines.map((line) => line.split('\t').length)).toEqual([10, 10]);
    rmSync(warehouse, { recursive: true, force: true });
  });

  it('a negative --overwrite-n-days is a usage error (exit 64), not an empty load', async () => {
    const out = join(root, 'negative');
    const result = await run(WORKFLOWS[1]!, clean(), out, ['--overwrite-n-days', '-3']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--overwrite-n-days must be 0 or more (got -3)');
    expect(existsSync(join(out, 'results.sqlite'))).toBe(false);
    rmSync(out, { recursive: true, force: true });
  });

  it('a file reached through symbolic links (a link to it, a link back up the tree) is read once', async () => {
    const logs = join(root, 'linked');
    mkdirSync(join(logs, 'day'), { recursive: true });
    cpSync(join(clean(), 'tracking.log-20240304'), join(logs, 'day', 'tracking.log-20240304'));
    symlinkSync(join(logs, 'day', 'tracking.log-20240304'), join(logs, 'tracking.log-20240304-link'));
    symlinkSync(logs, join(logs, 'day', 'loop'));
    const result = await run(WORKFLOWS[0]!, logs, join(root, 'linked-out'));
    expectCleanExit(result);
    const lines = readFileSync(join(clean(), 'tracking.log-20240304'), 'utf8').split('\n').filter(Boolean).length;
    expect(summaryCounters(result.stderr).get('Input UserActivityTask lines read')).toBe(lines);
    for (const dir of [logs, join(root, 'linked-out')]) rmSync(dir, { recursive: true, force: true });
  });

  it('a time like 2024-03-04/../../x writes nothing outside the output, and no temp folder is left', () => {
    expect(fg.sync('**/escaped*', { cwd: root, dot: true })).toEqual([]);
    expect(fg.sync('**/*-pipewright-tmp-*', { cwd: root, dot: true, onlyFiles: false })).toEqual([]);
    expect(existsSync(join(root, 'out'))).toBe(true);
    expect(readdirSync(join(root, 'out')).length).toBe(WORKFLOWS.length);
  });
});
