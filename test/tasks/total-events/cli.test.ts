import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { LAUNCH_TASK } from '../../support/paths.js';

const event = (time: unknown, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ event_type: 'page_view', event_source: 'browser', context: { user_id: 3, course_id: 'edX/DemoX/T1' }, time, event: {}, ...fields });

/** An event whose username is Latin-1 `café` (byte 0xE9): not UTF-8, yet the rest of the line is a good event. */
function latin1Event(time: string): Buffer {
  const line = Buffer.from(event(time, { username: 'caf#' }));
  line[line.indexOf('#')] = 0xe9;
  return line;
}

const lines = (...items: (string | Buffer)[]) => Buffer.concat(items.flatMap((l) => [Buffer.from(l), Buffer.from('\n')]));

// tracking.log-20140317.gz: 4 events of the 17th, a late one of the 18th, and 9 bad lines.
const day17 = lines(
  event('2014-03-17T10:00:00.000000+00:00'),
  event('2014-03-17T11:00:00+00:00', { event_type: '/jsi18n/', context: { user_id: '', course_id: '', org_id: '' }, event: '{"POST": {}}' }),
  `Mar 17 12:00:00 lms-1 ${event('2014-03-17T12:00:00')}`,
  latin1Event('2014-03-17T13:00:00'),
  event('2014-03-18T00:00:01+00:00'),
  '{"time": "2014-03-17T14:00', // truncated
  'bad event',
  Buffer.from([0xff, 0xfe, 0x41]), // not UTF-8, not JSON
  '[1, 2]',
  event(undefined), // no time field
  event(''),
  event('not-a-date'),
  event('2014-02-30T10:00:00'),
  event('2014-03-10T10:00:00'), // outside the interval
);
// tracking.log-20140318 (plain text): 2 events of the 18th, one of the 19th (outside).
const day18 = lines(event('2014-03-18T09:00:00'), event('2014-03-18T23:59:59.999999+00:00'), event('2014-03-19T00:00:00'));

function logs(): { root: string; src: string } {
  const root = mkdtempSync(join(tmpdir(), 'total-events-'));
  const src = join(root, 'src', 'FakeServerGroup');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'tracking.log-20140317.gz'), gzipSync(day17));
  writeFileSync(join(src, 'tracking.log-20140318'), day18);
  return { root, src: join(root, 'src') };
}

beforeAll(() => ensureBuilt(), 120_000);

describe('launch-task TotalEventsReportWorkflow', () => {
  const dir = logs();
  const report = join(dir.root, 'report.csv');
  const args = (interval: string) => [
    'TotalEventsReportWorkflow', '--source', JSON.stringify([dir.src]), '--interval', interval,
    '--counts', join(dir.root, 'counts/'), '--report', report,
  ];
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('counts the events of each day, newest day first, and counts every bad line', async () => {
    const run = await launchTask([...args('2014-03-17-2014-03-19'), '--n-reduce-tasks', '2']);
    const out = run.stdout + run.stderr;
    expect(run.code, out).toBe(0);
    expect(readFileSync(report, 'utf8')).toBe('date,event_count\n2014-03-18,3\n2014-03-17,4\n');
    expect(out).toMatch(/Event Discard Unparseable Event: 4\b/);
    expect(out).toMatch(/Event Discard Missing Time Field: 2\b/);
    expect(out).toMatch(/Event Discard Outside Date Interval: 4\b/);
    expect(out).toMatch(/Total Events Counted: 7\b/);
    expect(out).toMatch(/Input TotalEventsDailyTask lines read: 17\b/); // 7 counted + 10 dropped: every line accounted for
    expect(out).toMatch(/Total Events Counted With Bytes Not UTF-8 \(replaced by U\+FFFD\): 1\b/);
  });

  it('a second identical run does nothing', async () => {
    const run = await launchTask([...args('2014-03-17-2014-03-19'), '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/Total Events Counted/);
  });

  it('another interval with the same --counts and --report is recomputed, not read back', async () => {
    const run = await launchTask([...args('2014-03-18'), '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(report, 'utf8')).toBe('date,event_count\n2014-03-18,3\n');
  });

  it('a report changed by hand is rewritten from the counts', async () => {
    writeFileSync(report, 'date,event_count\n2014-03-18,999\n');
    const run = await launchTask([...args('2014-03-18'), '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(report, 'utf8')).toBe('date,event_count\n2014-03-18,3\n');
  });
});

describe('launch-task TotalEventsDailyTask', () => {
  const dir = logs();
  afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

  it('writes date<TAB>count part files; a quiet interval is an empty output, not an error', async () => {
    const out = join(dir.root, 'daily');
    const run = await launchTask(['TotalEventsDailyTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03', '--output-root', out, '--runner', 'inline', '--n-reduce-tasks', '1']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, 'part-00000'), 'utf8')).toBe('2014-03-10\t1\n2014-03-17\t4\n2014-03-18\t3\n2014-03-19\t1\n');
    const quiet = join(dir.root, 'quiet');
    const none = await launchTask(['TotalEventsDailyTask', '--source', JSON.stringify([dir.src]), '--interval', '2014-03-16', '--output-root', quiet, '--runner', 'inline', '--n-reduce-tasks', '1']);
    expect(none.code, none.stderr).toBe(0);
    expect(readFileSync(join(quiet, 'part-00000'), 'utf8')).toBe('');
  });
});

describe('TotalEventsDailyTask through the Hadoop Streaming entry points', () => {
  it('map | sort | combine | sort | reduce gives the same counts', () => {
    const dir = logs();
    try {
      const args = `TotalEventsDailyTask --source '["${dir.src}"]' --interval 2014-03-17-2014-03-19 --output-root ${join(dir.root, 'x')}`;
      const phase = (name: string) => `node ${LAUNCH_TASK} --streaming ${name} --step 0 ${args} 2>/dev/null`;
      const pipeline = `gunzip -c ${join(dir.src, 'FakeServerGroup', 'tracking.log-20140317.gz')} | cat - ${join(dir.src, 'FakeServerGroup', 'tracking.log-20140318')} | ${phase('map')} | LC_ALL=C sort | ${phase('combine')} | LC_ALL=C sort | ${phase('reduce')}`;
      expect(execFileSync('/bin/bash', ['-c', pipeline], { encoding: 'utf8' })).toBe('2014-03-17\t4\n2014-03-18\t3\n');
    } finally {
      rmSync(dir.root, { recursive: true, force: true });
    }
  });
});
