import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { CONFORMANCE } from '../../support/paths.js';

const SET = join(CONFORMANCE, 'problem_response');
const EXPECTED = readdirSync(join(SET, 'expected')).sort();
// The acceptance test's configuration (README of the conformance data).
const CONFIG = `[problem-response]
report_fields = ["username","problem_id","answer_id","location","question","score","max_score","correct","answer","total_attempts","first_attempt_date","last_attempt_date"]
report_field_list_delimiter = "|"
report_field_datetime_format = %Y-%m-%dT%H:%M:%SZ
partition_format = %Y-%m-%dT%H
`;

/** The acceptance layout: the log as `tracking.log-20160908.gz`, the course structure in the warehouse as `structure` says. */
function workspace(prefix: string, structure: 'raw' | 'processed' | 'none') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const src = join(root, 'src');
  mkdirSync(join(src, 'FakeServerGroup'), { recursive: true });
  writeFileSync(join(src, 'FakeServerGroup', 'tracking.log-20160908.gz'), gzipSync(readFileSync(join(SET, 'input/problem_response_tracking.log'))));
  const warehouse = join(root, 'warehouse');
  for (const table of ['course_blocks', 'course_list']) {
    if (structure === 'raw') {
      mkdirSync(join(warehouse, `${table}_raw/dt=2016-09-08`), { recursive: true });
      cpSync(join(SET, `input/${table}.json`), join(warehouse, `${table}_raw/dt=2016-09-08/${table}.json`));
    } else if (structure === 'processed') cpSync(join(SET, `input/hive_preprocessed/${table}`), join(warehouse, `${table}/dt=2016-09-08`), { recursive: true });
  }
  const config = join(root, 'acceptance.cfg');
  writeFileSync(config, CONFIG);
  const out = join(root, 'reports');
  const args = [
    'ProblemResponseReportWorkflow', '--interval-start', '2016-09-07', '--interval-end', '2016-09-08', '--datetime', '2016-09-08T000000',
    '--marker', join(root, 'marker'), '--output-root', out, '--source', JSON.stringify([src]), '--warehouse-path', warehouse, '--additional-config', config,
  ];
  return { root, out, warehouse, args };
}

function expectReportsAsEdx(out: string): void {
  expect(readdirSync(out).sort()).toEqual(EXPECTED);
  for (const name of EXPECTED) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(SET, 'expected', name), 'utf8'));
}

beforeAll(() => ensureBuilt(), 120_000);

describe('launch-task ProblemResponseReportWorkflow (edX acceptance set)', () => {
  const raw = workspace('problem-response-raw-', 'raw');
  const processed = workspace('problem-response-hive-', 'processed');
  const none = workspace('problem-response-none-', 'none');
  afterAll(() => [raw, processed, none].forEach((ws) => rmSync(ws.root, { recursive: true, force: true })));

  it('from the raw Course Blocks API dump: the two course reports byte for byte, the deleted problem counted', async () => {
    const run = await launchTask(raw.args);
    expect(run.code, run.stderr).toBe(0);
    expectReportsAsEdx(raw.out);
    expect(run.stdout + run.stderr).toMatch(/Problem Response Answers To Problems Not In Course Structure: 1\b/);
    // The course structure partition it made is edX's own processed partition, line for line.
    const made = readFileSync(join(raw.warehouse, 'course_blocks/dt=2016-09-08/part-00000'), 'utf8').split('\n').filter(Boolean).sort();
    const edx = ['part-00000', 'part-00001'].flatMap((f) => readFileSync(join(SET, 'input/hive_preprocessed/course_blocks', f), 'utf8').split('\n').filter(Boolean)).sort();
    expect(made).toEqual(edx);
  });

  it('a rerun finds everything done and rewrites nothing', async () => {
    const before = EXPECTED.map((n) => statSync(join(raw.out, n)).mtimeMs);
    const run = await launchTask([...raw.args, '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(EXPECTED.map((n) => statSync(join(raw.out, n)).mtimeMs)).toEqual(before);
  });

  it("from edX's processed course_blocks partition: the same reports", async () => {
    const run = await launchTask([...processed.args, '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expectReportsAsEdx(processed.out);
  });

  it('--overwrite recomputes the answers and rewrites the reports (the processed structure, having no dump, stays)', async () => {
    const before = EXPECTED.map((n) => statSync(join(processed.out, n)).mtimeMs);
    const run = await launchTask([...processed.args, '--runner', 'inline', '--overwrite']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/4 ran successfully/);
    expectReportsAsEdx(processed.out);
    EXPECTED.forEach((n, i) => expect(statSync(join(processed.out, n)).mtimeMs).toBeGreaterThan(before[i]!));
  });

  it('without any course structure: a one-line error saying where to put it', async () => {
    const run = await launchTask([...none.args, '--runner', 'inline']);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/no course structure for dt=2016-09-08: put the Course Blocks API output .* at \S+course_blocks_raw\/dt=2016-09-08\/course_blocks\.json/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
