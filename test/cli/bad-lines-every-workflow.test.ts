/**
 * Every tracking-log workflow through the real CLI, on clean generated logs
 * and on the same logs plus every kind of bad line (support/damaged-events.ts):
 * exit 0 and no stack trace, the log-reading job's counters add up to the
 * lines it read, the rows of the clean courses are exactly those of the clean
 * run (nothing lost, nothing added), and a second run has nothing to do.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fg from 'fast-glob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLogs } from '../../src/eventlog/generator/index.js';
import { queryRows } from '../../src/sql/index.js';
import { filenameSafeCourseId } from '../../src/tasks/answer-distribution/course-csv.js';
import { loadLmsIntoSqlite } from '../tasks/enrollments/lms.js';
import { ensureBuilt, launchTask, type CliRun } from './build-once.js';
import { summaryCounters } from './support/bad-logs.js';
import { FUZZ_COURSE, writeDamagedFiles } from './support/damaged-events.js';

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

/** Rows of one output, each as [course, the rest as text]: the course decides whether the row may differ between the runs. */
type Rows = Array<[course: string, row: string]>;

interface Workflow {
  family: string;
  args: (logs: string, out: string) => string[];
  /** The job that reads the logs: its `Input <family> lines read` is what the counters must add up to. */
  reader: string;
  /** The counters of that job that name what became of a line (one per line). */
  perLine: RegExp;
  rows: (out: string) => Promise<Rows>;
  /** edX's overwrite_n_days: the last days are recomputed on every run. */
  rerunRecomputes?: boolean;
}

const INTERVAL = '2024-03-04-2024-03-06';
const ENROLLMENT_TABLES = ['daily', 'mode_daily', 'gender_daily', 'birth_year_daily', 'education_level_daily'].map((t) => `course_enrollment_${t}`);
const source = (logs: string) => ['--source', JSON.stringify([logs])];
const db = (out: string) => `sqlite:${join(out, 'results.sqlite')}`;

async function tableRows(out: string, table: string, course: (row: Record<string, unknown>) => string): Promise<Rows> {
  const rows = await queryRows(db(out), `SELECT * FROM ${table}`);
  return rows.map((row) => {
    const { id: _id, created: _created, ...rest } = row;
    return [course(row), JSON.stringify(rest)];
  });
}
const byCourseColumn = (row: Record<string, unknown>) => String(row.course_id);

/**
 * The Course Blocks API dump of the fuzz course (the other courses' answers are
 * reported as not in the structure); `broken` adds a second course with these blocks.
 */
function writeCourseStructure(warehouse: string, broken?: Record<string, unknown>): void {
  const block = (type: string, id: string) => `block-v1:Fuzz+Bad+Lines+type@${type}+block@${id}`;
  const blocks = {
    [block('course', 'course')]: { id: block('course', 'course'), type: 'course', display_name: 'Fuzz', children: [block('problem', 'p1')] },
    [block('problem', 'p1')]: { id: block('problem', 'p1'), type: 'problem', display_name: 'P1' },
  };
  mkdirSync(join(warehouse, 'course_blocks_raw/dt=2024-03-06'), { recursive: true });
  const lines = [{ course_id: FUZZ_COURSE, root: block('course', 'course'), blocks }];
  if (broken) lines.push({ course_id: 'course-v1:Fuzz+Broken+Blocks', root: Object.keys(broken)[0]!, blocks: broken as typeof blocks });
  writeFileSync(join(warehouse, 'course_blocks_raw/dt=2024-03-06/course_blocks.json'), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

const WORKFLOWS: Workflow[] = [
  {
    family: 'InsertToMysqlCourseActivityTask',
    args: (logs, out) => ['--end-date', '2024-03-11', '--weeks', '1', '--overwrite-n-days', '7', ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out)],
    reader: 'UserActivityTask',
    perLine: /^UserActivity /,
    rows: (out) => tableRows(out, 'course_activity', byCourseColumn),
  },
  {
    family: 'ImportEnrollmentsIntoMysql',
    args: (logs, out) => [
      ...['--interval', INTERVAL, '--overwrite-n-days', '3', '--date', '2024-03-06', ...source(logs), '--warehouse-path', join(out, 'wh')],
      ...['--database-url', db(out), '--import-database-url', `sqlite:${join(root, 'lms.sqlite')}`],
    ],
    reader: 'CourseEnrollmentEventsTask',
    perLine: /^Enrollments (Discard|Enrollment Events Kept)/,
    rows: async (out) => (await Promise.all(ENROLLMENT_TABLES.map((table) => tableRows(out, table, byCourseColumn)))).flat(),
  },
  {
    family: 'ModuleEngagementWorkflowTask',
    args: (logs, out) => ['--date', '2024-03-06', ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out)],
    reader: 'ModuleEngagementDataTask',
    perLine: /^(Event|Module Engagement) (?!Output Rows)/,
    rows: (out) => tableRows(out, 'module_engagement', byCourseColumn),
    rerunRecomputes: true,
  },
  {
    family: 'InsertToMysqlAllVideoTask',
    args: (logs, out) => ['--interval', INTERVAL, ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out)],
    reader: 'UserVideoViewingTask',
    // "Discard Viewing ..." and "Output Viewing" count viewings the reducer builds, not lines.
    perLine: /^(Event |Video Events (Discard Video|Discard Missing|Output Video Events|Skip))/,
    rows: async (out) => [
      ...(await tableRows(out, 'video', byCourseColumn)),
      ...(await tableRows(out, 'video_timeline', (row) => String(row.pipeline_video_id).split('|')[0]!)),
    ],
  },
  {
    family: 'ProblemResponseReportWorkflow',
    args: (logs, out) => {
      writeCourseStructure(join(out, 'wh'));
      return ['--interval', INTERVAL, ...source(logs), '--warehouse-path', join(out, 'wh'), '--datetime', '2024-03-06T000000', '--output-root', join(out, 'reports'), '--marker', join(out, 'marker')];
    },
    reader: 'LatestProblemResponseDataTask',
    perLine: /^(Event|Problem Response) (?!Latest Answer Records|Course Reports Written|Answers To Problems Not In)/,
    // One "row" per report line, the report's name giving the (file-name safe) course.
    rows: async (out) =>
      fg.sync('reports/*_problem_response.csv', { cwd: out }).flatMap((name) =>
        readFileSync(join(out, name), 'utf8').split('\n').map((line): [string, string] => [name.replace(/^reports\/|_problem_response\.csv$/g, ''), `${name}: ${line}`]),
      ),
  },
  {
    family: 'EventExportByCourseTask',
    args: (logs, out) => ['--interval', INTERVAL, ...source(logs), '--output-root', join(out, 'export')],
    reader: 'EventExportByCourseTask',
    perLine: /^Event (Discard|Export Discard|Export Events Written)/,
    // One "row" per exported file: its folder is the (file-name safe) course, the content the events.
    rows: async (out) =>
      fg.sync('export/*/events/*.log.gz', { cwd: out, absolute: true }).map((file) => [relative(join(out, 'export'), file).split('/')[0]!, `${file.slice(out.length)}\n${gunzipSync(readFileSync(file))}`]),
  },
  {
    family: 'TagsDistributionWorkflow',
    args: (logs, out) => ['--interval', INTERVAL, ...source(logs), '--output-root', join(out, 'tags'), '--database-url', db(out)],
    reader: 'TagsDistributionPerCourse',
    perLine: /^(Event|Tags Distribution) (?!Problems Without Tags)/,
    rows: (out) => tableRows(out, 'tags_distribution', byCourseColumn),
  },
  {
    family: 'AnswerDistributionWorkflow',
    args: (logs, out) => ['--src', logs, '--dest', join(out, 'dest'), '--name', 'sweep', '--output-root', join(out, 'csv'), '--database-url', db(out)],
    reader: 'ProblemCheckEvent',
    perLine: /^Answer distribution (drop:|crash_dropped:|kept problem_check events)/,
    rows: (out) => tableRows(out, 'answer_distribution', byCourseColumn),
  },
];

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
