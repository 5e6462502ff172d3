import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { describeMysql } from '../../support/services.js';
import { freshMysqlDatabase, logDir } from '../video/support.js';

const COURSE = 'course-v1:FooX\u00e9+1.23x+2013_Spring';
const EMOJI = '\u{1F600}'; // one character for Python, MariaDB's utf8mb4 and edX; two UTF-16 units for JS

function line(username: string | null, eventType: string, source: string, event: Record<string, unknown>): string {
  return JSON.stringify({ username, event_type: eventType, event_source: source, time: '2013-12-17T15:38:32.805444+00:00', context: { course_id: COURSE }, event });
}

const problemId = 'p' + EMOJI.repeat(300);
const events = [
  line(EMOJI.repeat(30), 'play_video', 'browser', { id: 'v1' }),
  line('u', 'problem_check', 'server', { problem_id: problemId, success: 'correct' }),
  ...Array.from({ length: 4 }, () => line('u', 'play_video', 'browser', { id: 'v2' })),
  line('u', 'problem_check', 'server', { problem_id: 'p2', success: null }),
  line(null, 'play_video', 'browser', { id: 'v3' }),
];

beforeAll(() => ensureBuilt(), 120_000);

describeMysql('module engagement rows with astral characters, into MariaDB', () => {
  const logs = join(process.env.TMPDIR ?? '/tmp', `engagement-unicode-${process.pid}.log`);
  writeFileSync(logs, events.join('\n') + '\n');
  const dir = logDir('engagement-unicode-', { '20131217': logs });
  let db = '';
  beforeAll(async () => void (db = await freshMysqlDatabase('pipewright_test_engagement_unicode')));
  afterAll(() => {
    rmSync(dir.root, { recursive: true, force: true });
    rmSync(logs, { force: true });
  });

  it('keeps a 30-character username and cuts a long entity id to 255 characters, as edX; sums counts; skips what edX crashes on', async () => {
    const args = ['ModuleEngagementMysqlTask', '--date', '2013-12-17', '--source', JSON.stringify([dir.src]), '--warehouse-path', join(dir.root, 'wh')];
    const run = await launchTask([...args, '--database-url', db, '--runner', 'inline', '--store-anonymous-username', 'ANONYMOUS USER']);
    expect(run.code, run.stderr).toBe(0);
    const rows = await queryRows(db, 'SELECT course_id, username, entity_type, entity_id, event, count FROM module_engagement ORDER BY username, entity_id, event');
    expect(rows.map((r) => [r.course_id, r.username, r.entity_type, r.entity_id, r.event, Number(r.count)])).toEqual([
      [COURSE, 'u', 'problem', 'p' + EMOJI.repeat(254), 'attempted', 1],
      [COURSE, 'u', 'problem', 'p' + EMOJI.repeat(254), 'completed', 1],
      [COURSE, 'u', 'video', 'v2', 'viewed', 4],
      [COURSE, EMOJI.repeat(30), 'video', 'v1', 'viewed', 1],
    ]);
    expect(run.stdout + run.stderr).toMatch(/Discard Problem Success Not A String: 1\b/);
    expect(run.stdout + run.stderr).toMatch(/Discard Username Not A String: 1\b/);
  });
});
