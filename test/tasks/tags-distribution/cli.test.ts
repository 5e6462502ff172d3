import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { tagsDistribution, taggedSubmissionFromLine } from '../../../src/tasks/tags-distribution/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { CONFORMANCE } from '../../support/paths.js';
import { describeMysql } from '../../support/services.js';
import { csvRows, expectedCsv, freshMysqlDatabase, logDir } from '../video/support.js';

const TAGS = join(CONFORMANCE, 'tags_dist');
const expected = expectedCsv(join(TAGS, 'expected/tags_distribution.csv'));
const WORKFLOW = 'TagsDistributionWorkflow';
const table = async (db: string) => csvRows(await queryRows(db, 'SELECT * FROM tags_distribution'), expected.header);
const logs = (prefix: string) => logDir(prefix, { '20150801': join(TAGS, 'input/tags_dist_acceptance_tracking.log') });

beforeAll(() => ensureBuilt(), 120_000);

describe('launch-task TagsDistributionWorkflow into SQLite', () => {
  const dir = logs('tags-cli-');
  const db = `sqlite:${join(dir.root, 'tags.sqlite')}`;
  const args = [WORKFLOW, '--source', JSON.stringify([dir.src]), '--interval', '2010-01-01-2020-01-01', '--output-root', join(dir.root, 'out/tags_dist_acceptance/'), '--database-url', db];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's 30 rows", async () => {
    const run = await launchTask([...args, '--n-reduce-tasks', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(await table(db)).toEqual(expected.rows);
    expect(run.stdout + run.stderr).toMatch(/Server Problem Checks: 100\b/);
  });

  it('does nothing on a second identical run', async () => {
    const ids = await queryRows(db, 'SELECT id, created FROM tags_distribution ORDER BY id');
    const run = await launchTask([...args, '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/rows inserted/);
    expect(await queryRows(db, 'SELECT id, created FROM tags_distribution ORDER BY id')).toEqual(ids);
  });

  it('another interval with the same --output-root is computed, not read back from the earlier output', async () => {
    const other = [...args.slice(0, 3), '--interval', '2015-08-02-2015-08-03', ...args.slice(5)];
    const run = await launchTask([...other, '--runner', 'inline']);
    // No event falls in that interval: the load refuses to empty the table (the old 30 rows would load silently).
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/allow-empty-insert/);
    expect(await table(db)).toEqual(expected.rows);
  });

  it('an interval without the events replaces the rows only with --allow-empty-insert', async () => {
    // The log file is chosen (its date is near), but none of its events falls on that day.
    const other = [...args.slice(0, 3), '--interval', '2015-08-02-2015-08-03', '--output-root', join(dir.root, 'out-empty'), '--database-url', db];
    const refused = await launchTask([...other, '--runner', 'inline']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/allow-empty-insert/);
    expect(await table(db)).toEqual(expected.rows);
    const allowed = await launchTask([...other, '--runner', 'inline', '--allow-empty-insert']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(await table(db)).toEqual([]);
  });
});

describeMysql('launch-task TagsDistributionWorkflow into MariaDB', () => {
  const dir = logs('tags-mysql-');
  let db = '';
  beforeAll(async () => void (db = await freshMysqlDatabase('pipewright_test_tags')));
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's rows, and a rerun changes nothing", async () => {
    const args = [WORKFLOW, '--source', JSON.stringify([dir.src]), '--interval', '2010-01-01-2020-01-01', '--output-root', join(dir.root, 'out'), '--database-url', db, '--runner', 'inline'];
    expect((await launchTask(args)).code).toBe(0);
    expect(await table(db)).toEqual(expected.rows);
    const ids = await queryRows(db, 'SELECT id FROM tags_distribution ORDER BY id');
    expect((await launchTask(args)).code).toBe(0);
    expect(await queryRows(db, 'SELECT id FROM tags_distribution ORDER BY id')).toEqual(ids);
  });
});

describe('tags rules (edX TagsDistributionPerCourse)', () => {
  const line = (tags: unknown, extra: object = {}) =>
    JSON.stringify({
      event_type: 'problem_check',
      event_source: 'server',
      time: '2015-08-01T10:00:00.000000+00:00',
      context: { course_id: 'course-v1:MITx+6.00+T1', asides: { tagging_aside: { saved_tags: tags } } },
      event: { problem_id: 'block-v1:MITx+6.00+T1+type@problem+block@p1', success: 'correct' },
      ...extra,
    });
  const all = () => true;

  it('a list of values gives one tag row per value; the org comes from the course key', () => {
    expect(taggedSubmissionFromLine(line({ topic: ['a', 'b'], level: 'Easy' }), all)).toMatchObject({
      submission: { orgId: 'MITx', correct: true, tags: [['topic', ['a', 'b']], ['level', ['Easy']]] },
    });
  });

  it('browser problem_check is ignored; a saved_tags that is not a dict is a counted drop', () => {
    expect(taggedSubmissionFromLine(line({}, { event_source: 'browser' }), all)).toEqual({ ignore: true });
    expect(taggedSubmissionFromLine(line('Easy'), all)).toEqual({ drop: 'Discard Saved Tags Not A Dict' });
  });

  it('counts every submission but keeps the tags of the latest', () => {
    const result = tagsDistribution([
      ['2015-08-02T00:00:00', [['level', ['Hard']]], false],
      ['2015-08-01T00:00:00', [['level', ['Easy']]], true],
    ]);
    expect(result).toEqual({ total: 2, correct: 1, tags: [['level', ['Hard']]] });
  });
});
