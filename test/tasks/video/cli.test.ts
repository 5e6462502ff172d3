import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { CONFORMANCE } from '../../support/paths.js';
import { describeMysql } from '../../support/services.js';
import { csvRows, expectedCsv, freshMysqlDatabase, logDir } from './support.js';

const VIDEO = join(CONFORMANCE, 'video');
const video = expectedCsv(join(VIDEO, 'expected/video.csv'));
const timeline = expectedCsv(join(VIDEO, 'expected/video_timeline.csv'));
const WORKFLOW = 'InsertToMysqlAllVideoTask';

async function tablesOf(db: string): Promise<{ video: string[]; timeline: string[] }> {
  return {
    video: csvRows(await queryRows(db, 'SELECT * FROM video'), video.header),
    timeline: csvRows(await queryRows(db, 'SELECT * FROM video_timeline'), timeline.header),
  };
}

beforeAll(() => ensureBuilt(), 120_000);

describe('launch-task InsertToMysqlAllVideoTask into SQLite', () => {
  const dir = logDir('video-cli-', { '20140502': join(VIDEO, 'input/video_timeline.log') });
  const db = `sqlite:${join(dir.root, 'video.sqlite')}`;
  const common = ['--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'warehouse'), '--database-url', db, '--n-reduce-tasks', '2'];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's rows into video and video_timeline and counts the 11 comment and blank lines", async () => {
    const run = await launchTask([WORKFLOW, '--interval', '2014-05-01-2014-05-06', ...common]);
    expect(run.code, run.stderr).toBe(0);
    expect(await tablesOf(db)).toEqual({ video: video.rows, timeline: timeline.rows });
    expect(run.stdout + run.stderr).toMatch(/Event Discard Unparseable Event: 11\b/);
  });

  it('does nothing on a second identical run', async () => {
    const ids = await queryRows(db, 'SELECT id, created FROM video_timeline ORDER BY id');
    const run = await launchTask([WORKFLOW, '--interval', '2014-05-01-2014-05-06', ...common, '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/rows inserted/);
    expect(await queryRows(db, 'SELECT id, created FROM video_timeline ORDER BY id')).toEqual(ids);
  });
});

describe('incremental video runs (--overwrite-n-days)', () => {
  const dir = logDir('video-incr-', { '20140502': join(VIDEO, 'input/video_timeline.log') });
  const db = `sqlite:${join(dir.root, 'video.sqlite')}`;
  const common = ['--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'warehouse'), '--database-url', db, '--runner', 'inline'];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('a later run re-scans only the last days and reuses the stored ones: same tables as one full run', async () => {
    const first = await launchTask([WORKFLOW, '--interval', '2014-05-01-2014-05-04', ...common]);
    expect(first.code, first.stderr).toBe(0);
    // The raw log is gone: 2014-05-02 can only come from the history the first run stored.
    renameSync(join(dir.src, 'FakeServerGroup'), join(dir.root, 'moved-away'));
    const second = await launchTask([WORKFLOW, '--interval', '2014-05-01-2014-05-06', '--overwrite-n-days', '2', ...common]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout + second.stderr).toMatch(/Days Rebuilt From Raw Logs: 2\b/);
    expect(await tablesOf(db)).toEqual({ video: video.rows, timeline: timeline.rows });
    const markers = await queryRows(db, "SELECT update_id FROM table_updates WHERE target_table = 'video'");
    expect(markers).toHaveLength(1);
  });
});

describe('odd numbers, end to end', () => {
  const event = (userId: number, type: string, time: string, payload: object, day = '02') =>
    JSON.stringify({ event_type: type, event_source: 'browser', time: `2014-05-${day}T10:00:${time}.000000+00:00`, context: { user_id: userId, course_id: 'edX/DemoX/T1' }, event: JSON.stringify({ id: 'v1', ...payload }) });
  const dir = logDir('video-huge-', {});
  const db = `sqlite:${join(dir.root, 'video.sqlite')}`;
  const args = [WORKFLOW, '--interval', '2014-05-02-2014-05-03', '--source', JSON.stringify([dir.src]), '--pattern', '[".*tracking.log-(?P<date>\\d{8}).*"]', '--warehouse-path', join(dir.root, 'wh'), '--database-url', db, '--runner', 'inline'];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('loads duration NULL and users_at_end 0, as edX\'s Hive table reads the overflow', async () => {
    const lines = [
      event(7, 'play_video', '00', { currentTime: 0, duration: 5e9 }),
      event(7, 'pause_video', '12', { currentTime: 12 }),
      event(8, 'play_video', '00', { currentTime: 0, duration: 60 }),
      event(8, 'pause_video', '02', { currentTime: 2 }),
    ];
    writeFileSync(join(dir.src, 'FakeServerGroup', 'tracking.log-20140502'), lines.join('\n') + '\n');
    const run = await launchTask(args);
    expect(run.code, run.stderr).toBe(0);
    expect(await queryRows(db, 'SELECT duration, users_at_start, users_at_end, total_viewed_seconds FROM video')).toEqual([{ duration: null, users_at_start: 2, users_at_end: 0, total_viewed_seconds: 20 }]);
    expect(await queryRows(db, 'SELECT segment, num_users FROM video_timeline ORDER BY segment')).toHaveLength(3);
  });

  it('an offset of 9.99999999999999 s reaches segment 2: edX writes it as 10.0 (Python 2 str) before cutting segments', async () => {
    const lines = [event(9, 'play_video', '00', { currentTime: 0, duration: 60 }, '03'), event(9, 'pause_video', '10', { currentTime: 9.99999999999999 }, '03')];
    writeFileSync(join(dir.src, 'FakeServerGroup', 'tracking.log-20140503'), lines.join('\n') + '\n');
    const run = await launchTask([WORKFLOW, '--interval', '2014-05-03-2014-05-04', ...args.slice(3)]);
    expect(run.code, run.stderr).toBe(0);
    expect(await queryRows(db, 'SELECT segment FROM video_timeline ORDER BY segment')).toEqual([{ segment: 0 }, { segment: 1 }, { segment: 2 }]);
  });
});

describeMysql('launch-task InsertToMysqlAllVideoTask into MariaDB', () => {
  const dir = logDir('video-mysql-', { '20140502': join(VIDEO, 'input/video_timeline.log') });
  let db = '';
  beforeAll(async () => void (db = await freshMysqlDatabase('pipewright_test_video')));
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it("loads edX's rows, and a rerun changes nothing", async () => {
    const args = [WORKFLOW, '--interval', '2014-05-01-2014-05-06', '--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'wh'), '--database-url', db, '--runner', 'inline'];
    const first = await launchTask(args);
    expect(first.code, first.stderr).toBe(0);
    expect(await tablesOf(db)).toEqual({ video: video.rows, timeline: timeline.rows });
    const ids = await queryRows(db, 'SELECT id FROM video ORDER BY id');
    const again = await launchTask(args);
    expect(again.code, again.stderr).toBe(0);
    expect(await queryRows(db, 'SELECT id FROM video ORDER BY id')).toEqual(ids);
  });
});
