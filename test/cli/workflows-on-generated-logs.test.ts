/**
 * Every built-in workflow that needs nothing but tracking logs, run through
 * the real CLI on a week of generated logs with every kind of bad line:
 * fixtures written by hand exercise the rules, this exercises the mixture
 * (a smoke run like it found four bugs the per-task tests had missed).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLogs } from '../../src/eventlog/generator/index.js';
import { ensureBuilt, launchTask, type CliRun } from './build-once.js';

const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');

let root: string;
let logs: string;
let db: string;

beforeAll(async () => {
  ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'pipewright-workflows-'));
  logs = join(root, 'logs');
  db = join(root, 'results.sqlite');
  await generateLogs({ out: logs, bytes: 3_000_000, days: 7, seed: 23, badRate: 0.01, start: '2024-03-04' });
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function rowsOf(table: string): number {
  const handle = new Database(db, { readonly: true });
  try {
    return (handle.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    handle.close();
  }
}

function expectCleanSuccess(run: CliRun): void {
  expect(run.stderr, run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect(run.code, run.stderr.split('\n').slice(-5).join('\n')).toBe(0);
}

const source = () => ['--source', JSON.stringify([logs])];
const WORKFLOWS: Array<{ family: string; args: () => string[]; tables?: string[]; files?: () => string; rerunRecomputes?: boolean }> = [
  {
    family: 'InsertToMysqlCourseActivityTask',
    args: () => ['--end-date', '2024-03-11', '--weeks', '1', '--overwrite-n-days', '7', ...source(), '--warehouse-path', join(root, 'wh')],
    tables: ['course_activity'],
  },
  {
    family: 'InsertToMysqlAllVideoTask',
    args: () => ['--interval', '2024-03-04-2024-03-11', ...source(), '--warehouse-path', join(root, 'wh')],
    tables: ['video', 'video_timeline'],
  },
  {
    family: 'ModuleEngagementWorkflowTask',
    args: () => ['--date', '2024-03-11', ...source(), '--warehouse-path', join(root, 'wh')],
    tables: ['module_engagement'],
    rerunRecomputes: true, // edX's overwrite_n_days: the last days are recomputed on every run
  },
  {
    family: 'TagsDistributionWorkflow',
    args: () => ['--interval', '2024-03-04-2024-03-11', ...source(), '--output-root', join(root, 'tags')],
    tables: ['tags_distribution'],
  },
  {
    family: 'EventExportByCourseTask',
    args: () => ['--interval', '2024-03-04-2024-03-11', ...source(), '--output-root', join(root, 'exports')],
    files: () => join(root, 'exports'),
  },
  {
    family: 'StudentEngagementToMysqlTask',
    args: () => ['--interval', '2024-03-04-2024-03-11', '--interval-type', 'weekly', ...source(), '--warehouse-path', join(root, 'wh')],
    tables: ['student_engagement_weekly'],
  },
  {
    family: 'TotalEventsReportWorkflow',
    args: () => ['--interval', '2024-03-04-2024-03-11', ...source(), '--counts', join(root, 'total-events'), '--report', join(root, 'total-events.csv')],
    files: () => join(root, 'total-events'),
  },
  {
    family: 'EventTypeDistributionWorkflow',
    args: () => ['--interval', '2024-03-04-2024-03-11', ...source(), '--output-root', join(root, 'event-type-dist')],
    tables: ['event_type_distribution'],
  },
  {
    family: 'AnswerDistributionWorkflow',
    args: () => ['--src', logs, '--dest', join(root, 'dest'), '--name', 'week', '--output-root', join(root, 'csv')],
    tables: ['answer_distribution'],
    files: () => join(root, 'csv'),
  },
];

describe('every log-only workflow on a generated week of logs with bad lines', () => {
  for (const workflow of WORKFLOWS) {
    it(`${workflow.family}: exit 0, rows in its tables, and a second run that changes nothing`, async () => {
      const args = [workflow.family, ...workflow.args(), ...(workflow.tables ? ['--database-url', `sqlite:${db}`] : [])];
      const first = await launchTask(args, { cwd: root });
      expectCleanSuccess(first);
      expect(first.stdout + first.stderr).toMatch(/lines read: \d+/);
      const rows = (workflow.tables ?? []).map(rowsOf);
      rows.forEach((n) => expect(n).toBeGreaterThan(0));
      if (workflow.files) expect(readdirSync(workflow.files(), { recursive: true }).length).toBeGreaterThan(0);

      const second = await launchTask(args, { cwd: root });
      expectCleanSuccess(second);
      if (!workflow.rerunRecomputes) expect(second.stdout + second.stderr).toMatch(/Nothing to do/);
      expect((workflow.tables ?? []).map(rowsOf)).toEqual(rows);
    }, 120_000);
  }

  it('leaves no temporary folders behind', () => {
    const hidden = readdirSync(root, { recursive: true }).map(String).filter((p) => p.includes('-pipewright-tmp-'));
    expect(hidden).toEqual([]);
    expect(existsSync(db)).toBe(true);
  });
});
