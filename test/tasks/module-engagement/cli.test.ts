import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { CONFORMANCE } from '../../support/paths.js';
import { describeMysql } from '../../support/services.js';
import { csvRows, expectedCsv, freshMysqlDatabase, logDir } from '../video/support.js';

const ME = join(CONFORMANCE, 'module_engagement');
const expected = expectedCsv(join(ME, 'expected/module_engagement.csv'));
const anonymous = expectedCsv(join(ME, 'expected/module_engagement_extra_rows_with_anonymous_username.csv'));
const WORKFLOW = 'ModuleEngagementWorkflowTask';

// As edX's acceptance test uploads them: the two days with events, and an empty log for every other day.
function engagementLogs(prefix: string) {
  const logs: Record<string, string> = {};
  for (let day = 2; day <= 16; day++) logs[`201504${String(day).padStart(2, '0')}`] = join(ME, 'input/module_engagement_acceptance_empty.log');
  logs['20150413'] = join(ME, 'input/module_engagement_acceptance_tracking_20150413.log');
  logs['20150416'] = join(ME, 'input/module_engagement_acceptance_tracking_20150416.log');
  return logDir(prefix, logs);
}

const table = async (db: string) => csvRows(await queryRows(db, 'SELECT * FROM module_engagement'), expected.header);

beforeAll(() => ensureBuilt(), 120_000);

describe('launch-task ModuleEngagementWorkflowTask into SQLite', () => {
  const dir = engagementLogs('engagement-cli-');
  const db = `sqlite:${join(dir.root, 'engagement.sqlite')}`;
  const common = ['--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'warehouse'), '--database-url', db, '--runner', 'inline'];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's 17 rows and counts the anonymous events it drops", async () => {
    const run = await launchTask([WORKFLOW, '--date', '2015-04-17', ...common, '--n-reduce-tasks', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(await table(db)).toEqual(expected.rows);
    expect(run.stdout + run.stderr).toMatch(/Discard Anonymous Event: \d+/);
  });

  it('a rerun recomputes the last 3 days but changes nothing', async () => {
    const before = await queryRows(db, 'SELECT id, created FROM module_engagement ORDER BY id');
    const run = await launchTask([WORKFLOW, '--date', '2015-04-17', ...common]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/already loaded by another run: 3\b/);
    expect(await queryRows(db, 'SELECT id, created FROM module_engagement ORDER BY id')).toEqual(before);
  });
});

describe('incremental module engagement runs', () => {
  const dir = engagementLogs('engagement-incr-');
  const db = `sqlite:${join(dir.root, 'engagement.sqlite')}`;
  const common = ['--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'warehouse'), '--database-url', db, '--runner', 'inline'];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('the nightly run of 2015-04-15 then of 2015-04-17 give the same table as one full run', async () => {
    const first = await launchTask([WORKFLOW, '--date', '2015-04-15', ...common]);
    expect(first.code, first.stderr).toBe(0);
    expect((await table(db)).every((row) => row.startsWith('2015-04-13'))).toBe(true);
    const second = await launchTask([WORKFLOW, '--date', '2015-04-17', ...common]);
    expect(second.code, second.stderr).toBe(0);
    expect(await table(db)).toEqual(expected.rows);
  });

  it('ModuleEngagementIntervalTask with --overwrite-from-date reloads only the recomputed days that changed', async () => {
    const run = await launchTask(['ModuleEngagementIntervalTask', '--interval', '2015-04-03-2015-04-17', '--overwrite-from-date', '2015-04-16', ...common]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/already loaded by another run: 1\b/);
    expect(await table(db)).toEqual(expected.rows);
  });

  it('a late event in the next day’s file reloads its day only, with the new count', async () => {
    const late = readFileSync(join(ME, 'input/module_engagement_acceptance_tracking_20150416.log'), 'utf8')
      .split('\n')
      .find((line) => line.includes('"play_video"') && line.includes('0b9e39477cf34507a7a48f74be381fdd'))!;
    writeFileSync(join(dir.src, 'FakeServerGroup', 'tracking.log-20150417.gz'), gzipSync(late + '\n'));
    const day13 = await queryRows(db, "SELECT id FROM module_engagement WHERE date = '2015-04-13' ORDER BY id");
    const run = await launchTask([WORKFLOW, '--date', '2015-04-17', ...common]);
    expect(run.code, run.stderr).toBe(0);
    const video = 'edX/DemoX/Demo_Course,honor,video,i4x-edX-DemoX-video-0b9e39477cf34507a7a48f74be381fdd,viewed';
    const want = expected.rows.map((row) => (row === `2015-04-16,${video},2` ? `2015-04-16,${video},3` : row));
    expect(want).not.toEqual(expected.rows);
    expect(await table(db)).toEqual(want);
    expect(await queryRows(db, "SELECT id FROM module_engagement WHERE date = '2015-04-13' ORDER BY id")).toEqual(day13);
  });
});

describe('[module-engagement] store_anonymous_username', () => {
  const dir = engagementLogs('engagement-anon-');
  const db = `sqlite:${join(dir.root, 'engagement.sqlite')}`;
  const config = join(dir.root, 'anonymous.cfg');
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("keeps anonymous events under that name: edX's rows plus the extra one", async () => {
    writeFileSync(config, '[module-engagement]\nstore_anonymous_username = ANONYMOUS USER\n');
    const args = [WORKFLOW, '--date', '2015-04-17', '--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'wh'), '--database-url', db, '--runner', 'inline'];
    const run = await launchTask([...args, '--additional-config', config]);
    expect(run.code, run.stderr).toBe(0);
    expect(await table(db)).toEqual([...expected.rows, ...anonymous.rows].sort());
  });
});

describeMysql('launch-task ModuleEngagementWorkflowTask into MariaDB', () => {
  const dir = engagementLogs('engagement-mysql-');
  let db = '';
  beforeAll(async () => void (db = await freshMysqlDatabase('pipewright_test_module_engagement')));
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's rows, and a rerun changes nothing", async () => {
    const args = [WORKFLOW, '--date', '2015-04-17', '--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'wh'), '--database-url', db, '--runner', 'inline'];
    const first = await launchTask(args);
    expect(first.code, first.stderr).toBe(0);
    expect(await table(db)).toEqual(expected.rows);
    const ids = await queryRows(db, 'SELECT id FROM module_engagement ORDER BY id');
    const again = await launchTask(args);
    expect(again.code, again.stderr).toBe(0);
    expect(await queryRows(db, 'SELECT id FROM module_engagement ORDER BY id')).toEqual(ids);
  });
});
