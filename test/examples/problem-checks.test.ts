import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/sql/index.js';
import { ensureBuilt } from '../cli/build-once.js';
import { LAUNCH_TASK, REPO_ROOT } from '../support/paths.js';

// The worked example of docs/extending.md, run the way the doc says: a TypeScript module
// loaded with --module by launch-task under tsx (worker threads included), into SQLite.
const MODULE = join(REPO_ROOT, 'examples/problem-checks/problem-checks-load.ts');
let dir: string;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-example-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const event = (time: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    event_type: 'problem_check',
    event_source: 'server',
    time,
    context: { course_id: 'course-v1:OrgX+A+2024' },
    event: { problem_id: 'p1', success: 'correct' },
    ...fields,
  });
const courseB = { context: { course_id: 'OrgY/B/2024' } };

async function writeLogs(): Promise<string> {
  const logs = join(dir, 'logs');
  await mkdir(logs);
  const day1 = [
    event('2024-03-04T10:00:00.000001+00:00'),
    event('2024-03-04T11:00:00.000002+00:00'),
    event('2024-03-04T12:00:00.000003+00:00', courseB),
    event('2024-03-04T12:30:00.000004+00:00', { event_source: 'browser' }),
    JSON.stringify({ event_type: '/courses/course-v1:OrgX+A+2024/courseware', event_source: 'server', time: '2024-03-04T13:00:00+00:00' }),
    '{"event_type": "problem_check", "time": "2024-03-04T1',
  ];
  const day2 = [
    event('2024-03-05T09:00:00.000001+00:00'),
    event('2024-03-05T09:00:00.000002+00:00'),
    event('2024-03-05T23:59:59.999999+00:00'),
    event('2024-03-06T00:00:01.000000+00:00'),
    event('2024-03-05T10:00:00.000000+00:00', { context: {} }),
  ];
  await writeFile(join(logs, 'tracking.log-20240304'), `${day1.join('\n')}\n`);
  await writeFile(join(logs, 'tracking.log-20240305.gz'), gzipSync(`${day2.join('\n')}\n`));
  return logs;
}

function launch(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', LAUNCH_TASK, '--module', MODULE, ...args], {
    cwd: REPO_ROOT, // where tsx is installed, as in a project that depends on pipewright
    env: { ...process.env, PIPEWRIGHT_CONFIG: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('examples/problem-checks', () => {
  it('counts server problem_check events per course and day into SQLite, accounts for every line, and a rerun does nothing', async () => {
    const logs = await writeLogs();
    const db = `sqlite:${join(dir, 'checks.sqlite')}`;
    const args = ['ProblemChecksToSql', '--interval', '2024-03-04-2024-03-06', '--source', logs, '--output-root', join(dir, 'out'), '--database-url', db, '--lock-dir', join(dir, 'locks')];

    const first = await launch(args);
    expect(first.code, first.stderr).toBe(0);
    expect(await queryRows(db, 'SELECT course_id, date, problem_checks FROM problem_checks_daily ORDER BY course_id, date')).toEqual([
      { course_id: 'OrgY/B/2024', date: '2024-03-04', problem_checks: 1 },
      { course_id: 'course-v1:OrgX+A+2024', date: '2024-03-04', problem_checks: 2 },
      { course_id: 'course-v1:OrgX+A+2024', date: '2024-03-05', problem_checks: 3 },
    ]);
    for (const counter of [
      'Input ProblemChecksPerCourseDay lines read: 11',
      'Input ProblemChecksPerCourseDay lines without "problem_check" (not mapped): 1',
      'Problem checks Counted: 6',
      'Problem checks Not A Server problem_check: 1',
      'Problem checks Discard Unparseable Event: 1',
      'Problem checks Discard Outside Date Interval: 1',
      'Problem checks Discard Missing Course Id: 1',
    ])
      expect(first.stderr).toContain(counter);
    // the mixin's folder: one per interval, so another night's run is new work
    expect(existsSync(join(dir, 'out/problem-checks/2024-03-04-2024-03-06/_SUCCESS'))).toBe(true);

    const again = await launch(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Nothing to do: all 1 task already complete.');
    expect(await queryRows(db, 'SELECT COUNT(*) AS n FROM problem_checks_daily')).toEqual([{ n: 3 }]);
  });
});
