import { exec } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/index.js';
import { parsePythonJson } from '../../../src/eventlog/parse/index.js';
import { queryRows } from '../../../src/sql/index.js';
import { LAUNCH_TASK } from '../../support/paths.js';
import { describeMysql, MYSQL_TEST_URL } from '../../support/services.js';
import { expectedMysqlRows, launchTask, renderDbRows, SELECT_ROWS } from './support/cli.js';
import { ANSWER_DIST, ANSWER_DIST_INPUT, expectedCsvFiles } from './support/conformance.js';

const WORKFLOW = 'AnswerDistributionToMySQLTaskWorkflow';

// One work dir per file: edX's acceptance log under src/, outputs under dest/.
function workDir(): { root: string; src: string; dest: string } {
  const root = mkdtempSync(join(tmpdir(), 'answer-dist-cli-'));
  const src = join(root, 'src');
  mkdirSync(src);
  copyFileSync(ANSWER_DIST_INPUT, join(src, 'answer_dist_acceptance_tracking.log'));
  return { root, src, dest: join(root, 'dest') };
}

// The first load of each database runs the default local runner (worker threads); later ones run inline, to keep this file fast.
describe.runIf(existsSync(LAUNCH_TASK))('launch-task answer distribution into SQLite', () => {
  const dir = workDir();
  const db = `sqlite:${join(dir.root, 'ad.sqlite')}`;
  const common = ['--src', dir.src, '--dest', dir.dest, '--database-url', db, '--n-reduce-tasks', '2'];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads exactly edX's 32 rows and counts the dropped events", async () => {
    const result = await launchTask([WORKFLOW, ...common, '--name', 'first']);
    expect(result.code, result.stderr).toBe(0);
    expect(renderDbRows(await queryRows(db, SELECT_ROWS))).toEqual(expectedMysqlRows());
    expect(result.stdout + result.stderr).toMatch(/drop:not_server_event: 66/);
  });

  it('does nothing on a second identical run', async () => {
    const before = await queryRows(db, 'SELECT id FROM answer_distribution ORDER BY id');
    const result = await launchTask([WORKFLOW, ...common, '--name', 'first']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/rows inserted/);
    expect(await queryRows(db, 'SELECT id FROM answer_distribution ORDER BY id')).toEqual(before);
  });

  it('replaces the rows with only the new run’s rows on a new --name', async () => {
    const result = await launchTask([WORKFLOW, ...common, '--name', 'second', '--runner', 'inline']);
    expect(result.code, result.stderr).toBe(0);
    expect(renderDbRows(await queryRows(db, SELECT_ROWS))).toEqual(expectedMysqlRows());
    const markers = await queryRows<{ update_id: string }>(db, "SELECT update_id FROM table_updates WHERE target_table = 'answer_distribution'");
    expect(markers).toHaveLength(1);
    expect(existsSync(join(dir.dest, 'problem_check_events_second/_SUCCESS'))).toBe(true);
    expect(existsSync(join(dir.dest, 'answer_distribution_per_course_second/_SUCCESS'))).toBe(true);
  });

  it("writes edX's three per-course CSV files byte for byte", async () => {
    const outputRoot = join(dir.root, 'csv');
    const result = await launchTask(['AnswerDistributionOneFilePerCourseTask', ...common.slice(0, 4), '--name', 'first', '--output-root', outputRoot]);
    expect(result.code, result.stderr).toBe(0);
    for (const [path, bytes] of expectedCsvFiles()) expect(readFileSync(join(outputRoot, path)).equals(bytes), path).toBe(true);
  });

  it('AnswerDistributionWorkflow makes both the CSV files and the table from one computation', async () => {
    const outputRoot = join(dir.root, 'csv-workflow');
    const result = await launchTask(['AnswerDistributionWorkflow', ...common, '--name', 'third', '--output-root', outputRoot, '--runner', 'inline']);
    expect(result.code, result.stderr).toBe(0);
    for (const [path, bytes] of expectedCsvFiles()) expect(readFileSync(join(outputRoot, path)).equals(bytes), path).toBe(true);
    expect(renderDbRows(await queryRows(db, SELECT_ROWS))).toEqual(expectedMysqlRows());
  });

  it('fails in one line when --src is missing', async () => {
    const result = await launchTask([WORKFLOW, '--dest', dir.dest, '--name', 'x', '--database-url', db]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--src/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.runIf(existsSync(LAUNCH_TASK))('launch-task answer distribution with an id too long for the table or a file name', () => {
  const root = mkdtempSync(join(tmpdir(), 'answer-dist-long-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // A valid course-v1 key can be any length; so can a problem id. One forged event must not stop the nightly load.
  const event = (courseId: string, problemId: string) =>
    JSON.stringify({
      username: 'ana', event_source: 'server', event_type: 'problem_check', time: '2024-03-04T10:00:00+00:00',
      context: { course_id: courseId, module: { display_name: 'Quiz' } },
      event: { problem_id: problemId, answers: { p_2_1: 'choice_1' }, correct_map: { p_2_1: { correctness: 'correct' } },
        submission: { p_2_1: { question: 'Q?', answer: 'Yes', response_type: 'multiplechoiceresponse', input_type: 'choicegroup', correct: true, variant: '' } } },
    });
  const longCourse = `course-v1:Org+${'C'.repeat(300)}+2024`;

  it('loads the other rows, writes the other CSV files, and counts what it left out', async () => {
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'tracking.log'), [event('course-v1:Org+Ok+2024', 'p1'), event(longCourse, 'p1'), event('course-v1:Org+Ok2+2024', `p${'x'.repeat(300)}`)].join('\n') + '\n');
    const db = `sqlite:${join(root, 'ad.sqlite')}`;
    const outputRoot = join(root, 'csv');
    const args = ['--src', join(root, 'src'), '--dest', join(root, 'dest'), '--name', 'n', '--runner', 'inline', '--database-url', db, '--output-root', outputRoot];
    const result = await launchTask(['AnswerDistributionWorkflow', ...args]);
    expect(result.code, result.stderr).toBe(0);
    expect(await queryRows(db, 'SELECT course_id, module_id FROM answer_distribution')).toEqual([{ course_id: 'course-v1:Org+Ok+2024', module_id: 'p1' }]);
    expect(result.stdout + result.stderr).toMatch(/mysql: rows left out, course_id over 255 characters: 1/);
    expect(result.stdout + result.stderr).toMatch(/mysql: rows left out, module_id over 255 characters: 1/);
    expect(result.stdout + result.stderr).toMatch(/course CSV files left out: course id too long for a file name: 1/);
    expect(result.stdout + result.stderr).toMatch(/course CSV files written: 2/);
  });
});

describeMysql('launch-task answer distribution into MariaDB (--credentials, as edX passes them)', () => {
  const database = 'pipewright_test_answer_dist';
  const url = new URL(MYSQL_TEST_URL);
  const dbUrl = `mysql://${url.username}:${url.password}@${url.host}/${database}`;
  let common: string[] = [];
  let root = '';

  beforeAll(async () => {
    const dir = workDir();
    root = dir.root;
    const credentials = join(dir.root, 'credentials.json');
    common = ['--src', dir.src, '--dest', dir.dest, '--credentials', credentials, '--database', database];
    const admin = await mysql.createConnection(MYSQL_TEST_URL);
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const creds = { host: url.hostname, port: Number(url.port), username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    writeFileSync(credentials, JSON.stringify(creds));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("loads edX's 32 rows, skips a rerun, and a new --name replaces them", async () => {
    const first = await launchTask([WORKFLOW, ...common, '--name', 'first']);
    expect(first.code, first.stderr).toBe(0);
    expect(renderDbRows(await queryRows(dbUrl, SELECT_ROWS))).toEqual(expectedMysqlRows());
    const ids = await queryRows(dbUrl, 'SELECT id FROM answer_distribution ORDER BY id');

    const again = await launchTask([WORKFLOW, ...common, '--name', 'first']);
    expect(again.code, again.stderr).toBe(0);
    expect(await queryRows(dbUrl, 'SELECT id FROM answer_distribution ORDER BY id')).toEqual(ids);

    const second = await launchTask([WORKFLOW, ...common, '--name', 'second', '--runner', 'inline']);
    expect(second.code, second.stderr).toBe(0);
    expect(renderDbRows(await queryRows(dbUrl, SELECT_ROWS))).toEqual(expectedMysqlRows());
    expect(await queryRows(dbUrl, "SELECT update_id FROM table_updates WHERE target_table = 'answer_distribution'")).toHaveLength(1);
  });
});

describe.runIf(existsSync(LAUNCH_TASK))('launch-task AnswerDistributionReport', () => {
  const dir = workDir();
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("writes the canonical mysql file equal to edX's, and the counts", async () => {
    const out = join(dir.root, 'rows.tsv');
    const stats = join(dir.root, 'stats.json');
    const args = ['--src', dir.src, '--dest', dir.dest, '--name', 'report', '--output-file', out, '--format', 'mysql', '--stats', stats, '--runner', 'inline'];
    const result = await launchTask(['AnswerDistributionReport', ...args]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ANSWER_DIST, 'expected/mysql_answer_distribution_rows.tsv'), 'utf8'));
    const counts = JSON.parse(readFileSync(stats, 'utf8')) as Record<string, number>;
    expect(counts).toMatchObject({ lines: 693, 'kept problem_check events': 66, 'drop:not_server_event': 66, rows: 32 });
  });
});

describe.runIf(existsSync(LAUNCH_TASK))('the two stages as Hadoop Streaming programs (cat | map | LC_ALL=C sort | reduce)', () => {
  const dir = workDir();
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));
  const canonical = (json: string) => canonicalJson(parsePythonJson(json));

  it("gives edX's stage 1 records and stage 2 rows", async () => {
    const args = `--src ${dir.src} --dest ${dir.dest} --name streaming`;
    const stage = (family: string) =>
      `node ${LAUNCH_TASK} --streaming map --step 0 ${family} ${args} 2>/dev/null | LC_ALL=C sort | node ${LAUNCH_TASK} --streaming reduce --step 0 ${family} ${args} 2>/dev/null`;
    const stage1 = join(dir.root, 'stage1.tsv');
    const stage2 = join(dir.root, 'stage2.tsv');
    await promisify(exec)(`cat ${ANSWER_DIST_INPUT} | ${stage('ProblemCheckEvent')} > ${stage1} && cat ${stage1} | ${stage('AnswerDistributionPerCourse')} > ${stage2}`, {
      shell: '/bin/bash',
    });
    const parsed = (path: string, jsonColumn: number) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t'))
        .map((cells) => [...cells.slice(0, jsonColumn), canonical(cells[jsonColumn]!)].join('\t'))
        .sort();
    expect(parsed(stage1, 3)).toEqual(parsed(join(ANSWER_DIST, 'expected/stage1_problem_check_answers.tsv'), 3));
    expect(parsed(stage2, 1)).toEqual(parsed(join(ANSWER_DIST, 'expected/stage2_answer_distribution_per_course.tsv'), 1));
  });
});
