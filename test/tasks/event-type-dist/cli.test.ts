import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { LAUNCH_TASK } from '../../support/paths.js';
import { describeMysql } from '../../support/services.js';
import { freshMysqlDatabase } from '../video/support.js';

const event = (type: unknown, source: unknown, time: unknown, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ event_type: type, event_source: source, context: { user_id: 3, course_id: 'edX/DemoX/T1' }, time, event: {}, username: 'u', ...fields });

/** A line whose `marker` text gets one Latin-1 byte (0xE9): not UTF-8. */
function latin1(line: string, marker = '#'): Buffer {
  const bytes = Buffer.from(line);
  bytes[bytes.indexOf(marker)] = 0xe9;
  return bytes;
}
const lines = (...items: (string | Buffer)[]) => Buffer.concat(items.flatMap((l) => [Buffer.from(l), Buffer.from('\n')]));

// tracking.log-20140317.gz: 7 counted events (one of the 18th) and 15 lines not counted, one of each kind.
const day17 = lines(
  event('problem_check', 'server', '2014-03-17T10:00:00.000000+00:00'),
  event('problem_check', 'server', '2014-03-17T11:00:00+00:00'),
  `Mar 17 12:00:00 lms-1 ${event('play_video', 'browser', '2014-03-17T12:00:00')}`,
  event('play_video', 'server', '2014-03-17T12:30:00'), // known only from the browser
  latin1(event('page_close', 'browser', '2014-03-17T13:00:00', { username: 'caf#' })), // counted, damaged elsewhere
  event('odd\ttype', 'browser', '2014-03-17T13:30:00'),
  event('problem_check', 'server', '2014-03-18T00:00:01+00:00'), // a late event: counts for its own day
  event('/courses/edX/DemoX/T1/courseware', 'server', '2014-03-17T14:00:00'), // implicit: skipped
  event(undefined, 'server', '2014-03-17T14:00:00'),
  event('seq_next', null, '2014-03-17T14:00:00'),
  event(12, 'server', '2014-03-17T14:00:00'),
  latin1(event('seq_#', 'browser', '2014-03-17T14:00:00')),
  event('seq_goto', 's'.repeat(300), '2014-03-17T14:00:00'),
  '{"time": "2014-03-17T14:00', // truncated
  'bad event',
  '[1, 2]',
  Buffer.from([0xff, 0xfe, 0x41]),
  event('seq_prev', 'browser', undefined),
  event('seq_prev', 'browser', ''),
  event('seq_prev', 'browser', 'not-a-date'),
  event('seq_prev', 'browser', '2014-03-17 10:00:00'),
  event('seq_prev', 'browser', '2014-03-10T10:00:00'),
);
// tracking.log-20140318 (plain text): 2 events of the 18th, one of the 19th.
const day18 = lines(
  event('problem_check', 'server', '2014-03-18T09:00:00'),
  event('edx.ui.lms.outline.selected', 'mobile', '2014-03-18T23:59:59.999999+00:00'),
  event('problem_check', 'server', '2014-03-19T00:00:00'),
);
const KNOWN = '# category\tevent_source\tevent_type\nproblem\tserver\tproblem_check\r\nvideo\tbrowser\tplay_video\n';

const ROWS = [
  '2014-03-17|problem|problem_check|server|1|2',
  '2014-03-17|unknown|odd\ttype|browser|0|1',
  '2014-03-17|unknown|page_close|browser|0|1',
  '2014-03-17|unknown|play_video|server|0|1',
  '2014-03-17|video|play_video|browser|1|1',
  '2014-03-18|problem|problem_check|server|1|2',
  '2014-03-18|unknown|edx.ui.lms.outline.selected|mobile|0|1',
];

function logs(prefix: string): { root: string; src: string; known: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const src = join(root, 'src', 'FakeServerGroup');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'tracking.log-20140317.gz'), gzipSync(day17));
  writeFileSync(join(src, 'tracking.log-20140318'), day18);
  writeFileSync(join(root, 'known.tsv'), KNOWN);
  return { root, src: join(root, 'src'), known: join(root, 'known.tsv') };
}

const table = async (db: string) =>
  (
    await queryRows<Record<string, unknown>>(
      db,
      'SELECT CAST(event_date AS CHAR) AS d, event_category, event_type, event_source, exported, event_count FROM event_type_distribution',
    )
  )
    .map((r) => [r.d, r.event_category, r.event_type, r.event_source, Number(r.exported), r.event_count].join('|'))
    .sort();

beforeAll(() => ensureBuilt(), 120_000);

function workflow(dir: { root: string; src: string; known: string }, db: string, interval = '2014-03-17-2014-03-19'): string[] {
  return [
    'EventTypeDistributionWorkflow', '--source', JSON.stringify([dir.src]), '--interval', interval,
    '--output-root', join(dir.root, 'out/'), '--events-list-file-path', dir.known, '--database-url', db,
  ];
}

describe('launch-task EventTypeDistributionWorkflow into SQLite', () => {
  const dir = logs('event-type-dist-');
  const db = `sqlite:${join(dir.root, 'monitor.sqlite')}`;
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('loads one row per day, category, type and source, and counts every line it read', async () => {
    const run = await launchTask([...workflow(dir, db), '--n-reduce-tasks', '2']);
    const out = run.stdout + run.stderr;
    expect(run.code, out).toBe(0);
    expect(await table(db)).toEqual(ROWS);
    const counters: [string, number][] = [
      ['Event Type Distribution Counted', 9],
      ['Event Type Distribution Skip Implicit Event \\(type starts with /\\)', 1],
      ['Event Type Distribution Discard Missing Event Type', 1],
      ['Event Type Distribution Discard Missing Event Source', 1],
      ['Event Type Distribution Discard Event Type Not A String', 1],
      ['Event Type Distribution Discard Event Type Or Source Not UTF-8', 1],
      ['Event Type Distribution Discard Field Longer Than 255', 1],
      ['Event Discard Unparseable Event', 4],
      ['Event Discard Missing Time Field', 2],
      ['Event Discard Outside Date Interval', 4],
    ];
    for (const [name, n] of counters) expect(out).toMatch(new RegExp(`${name}: ${n}\\b`));
    // Every line read is counted once: kept, skipped or dropped.
    const read = counters.reduce((sum, [, n]) => sum + n, 0);
    expect(read).toBe(25);
    expect(out).toMatch(new RegExp(`Input EventTypeDistributionTask lines read: ${read}\\b`));
    expect(out).toMatch(/Event Type Distribution Counted With Bytes Not UTF-8 \(replaced by U\+FFFD\): 1\b/);
  });

  it('a second identical run does nothing', async () => {
    const ids = await queryRows(db, 'SELECT id, created FROM event_type_distribution ORDER BY id');
    const run = await launchTask([...workflow(dir, db), '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/Counted|rows inserted/);
    expect(await queryRows(db, 'SELECT id, created FROM event_type_distribution ORDER BY id')).toEqual(ids);
  });

  it('another interval with the same --output-root is recomputed and appended (edX: overwrite off)', async () => {
    const run = await launchTask([...workflow(dir, db, '2014-03-19'), '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(await table(db)).toEqual([...ROWS, '2014-03-19|problem|problem_check|server|1|1']);
  });

  it('with --overwrite, an interval that overlaps loaded days replaces those days only (no double count), the other days stay', async () => {
    const run = await launchTask([...workflow(dir, db, '2014-03-18-2014-03-20'), '--runner', 'inline', '--overwrite']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/event_type_distribution: rows deleted \(overwrite\): 3\b/);
    expect(await table(db)).toEqual([...ROWS, '2014-03-19|problem|problem_check|server|1|1']);
  });

  it('a missing known events file stops the run with a one-line usage error naming it', async () => {
    const args = workflow({ ...dir, known: join(dir.root, 'nope.tsv') }, db, '2014-03-18');
    const run = await launchTask([...args, '--runner', 'inline']);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/--events-list-file-path \S*nope\.tsv: no such file/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describeMysql('launch-task EventTypeDistributionWorkflow into MariaDB', () => {
  const dir = logs('event-type-dist-mysql-');
  let db = '';
  beforeAll(async () => void (db = await freshMysqlDatabase('pipewright_test_event_type_dist')));
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('loads the same rows, and a rerun changes nothing', async () => {
    const run = await launchTask([...workflow(dir, db), '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(await table(db)).toEqual(ROWS);
    // edX's columns and types, with the id and created its VerticaCopyTask adds (display widths vary with the server).
    const columns = await queryRows<{ Field: string; Type: string; Null: string; Key: string }>(db, 'SHOW COLUMNS FROM event_type_distribution');
    const typeOf = (t: string) => (t.startsWith('varchar') ? t : t.replace(/\(\d+\)$/, ''));
    expect(columns.map((c) => [c.Field, typeOf(c.Type), c.Field === 'created' ? '-' : c.Null, c.Key])).toEqual([
      ['id', 'bigint', 'NO', 'PRI'],
      ['event_date', 'date', 'NO', 'MUL'],
      ['event_category', 'varchar(255)', 'NO', ''],
      ['event_type', 'varchar(255)', 'NO', 'MUL'],
      ['event_source', 'varchar(255)', 'NO', ''],
      ['exported', 'tinyint', 'NO', ''],
      ['event_count', 'int', 'NO', ''],
      ['created', 'timestamp', '-', ''],
    ]);
    const ids = await queryRows(db, 'SELECT id FROM event_type_distribution ORDER BY id');
    const again = await launchTask([...workflow(dir, db), '--runner', 'inline']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).not.toMatch(/rows inserted/);
    expect(await queryRows(db, 'SELECT id FROM event_type_distribution ORDER BY id')).toEqual(ids);
  });
});

describe('EventTypeDistributionTask through the Hadoop Streaming entry points', () => {
  it('map | sort | combine | sort | reduce reads the known events file in each process and gives the same lines', () => {
    const dir = logs('event-type-dist-streaming-');
    try {
      const args =
        `EventTypeDistributionTask --source '["${dir.src}"]' --interval 2014-03-17-2014-03-19 ` +
        `--output-root ${join(dir.root, 'x')} --events-list-file-path ${dir.known}`;
      const phase = (name: string) => `node ${LAUNCH_TASK} --streaming ${name} --step 0 ${args} 2>/dev/null`;
      const group = join(dir.src, 'FakeServerGroup');
      const logFiles = `gunzip -c ${join(group, 'tracking.log-20140317.gz')} | cat - ${join(group, 'tracking.log-20140318')}`;
      const pipeline = `${logFiles} | ${phase('map')} | LC_ALL=C sort | ${phase('combine')} | LC_ALL=C sort | ${phase('reduce')}`;
      const output = execFileSync('/bin/bash', ['-c', pipeline], { encoding: 'utf8' });
      const asRows = output.trimEnd().split('\n').map((line) => {
        const [date, category, type, source, exported, count] = line.split('\t');
        return [date, category, type!.replace('\\t', '\t'), source, exported === 'True' ? 1 : 0, count].join('|');
      });
      expect(asRows.sort()).toEqual(ROWS);
    } finally {
      rmSync(dir.root, { recursive: true, force: true });
    }
  });
});
