import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { BenchCase, BenchContext, Invocation } from './cases.js';
import type { DataSet } from './datasets.js';

/**
 * Pipewright itself, end to end through the real CLI (`node bin/launch-task.js`)
 * with default settings, as a user would run it. Every repetition gets an
 * empty --dest (and, for MariaDB, an empty database) so nothing is skipped
 * as already complete.
 */

let families: { known: Set<string>; problem?: string } | undefined;

/** The task families the built CLI knows (`launch-task --list`), read once; or why they cannot be listed. */
function knownFamilies(context: BenchContext): { known: Set<string>; problem?: string } {
  if (families) return families;
  const cli = join(context.repoRoot, 'bin/launch-task.js');
  if (!existsSync(cli)) return (families = { known: new Set(), problem: 'bin/launch-task.js is missing' });
  const result = spawnSync(process.execPath, [cli, '--list'], { cwd: context.repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    const why = result.stderr.trim().split('\n').slice(-2).join(' | ') || `exit ${result.status}`;
    return (families = { known: new Set(), problem: `\`launch-task --list\` failed (${why})` });
  }
  return (families = { known: new Set(result.stdout.match(/[A-Za-z][\w.]*/g) ?? []) });
}

function familyMissing(family: string) {
  return async (context: BenchContext) => {
    const { known, problem } = knownFamilies(context);
    if (problem) return `not available: ${problem}`;
    return known.has(family) ? undefined : `not available: \`launch-task --list\` has no ${family} yet`;
  };
}

function launch(context: BenchContext, set: DataSet, family: string, repetition: number, extra: (dest: string) => string[]): Invocation {
  const dest = join(context.scratchDir, `${family}-${set.name}-${set.gzip ? 'gzip' : 'plain'}-${repetition}`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  return {
    command: process.execPath,
    args: [join(context.repoRoot, 'bin/launch-task.js'), family, '--src', set.dir, '--dest', dest, '--name', `bench${repetition}`, ...extra(dest)],
    inspect: () => ({ rows: countOutputRows(dest) }),
    cleanup: () => rmSync(dest, { recursive: true, force: true }),
  };
}

/** Lines in the answer distribution's part files: the same row count DuckDB's SQL reports, as a check that both did the work. */
function countOutputRows(dest: string): number | undefined {
  const output = readdirSync(dest).find((name) => name.startsWith('answer_distribution_per_course_'));
  if (!output) return undefined;
  let rows = 0;
  for (const part of readdirSync(join(dest, output)).filter((name) => name.startsWith('part-'))) {
    const text = readFileSync(join(dest, output, part), 'utf8');
    rows += text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
  return rows;
}

export const answerDistributionPerCourse: BenchCase = {
  id: 'pw-per-course',
  short: 'AnswerDistributionPerCourse',
  label: 'Pipewright: AnswerDistributionPerCourse',
  kind: 'pipewright',
  unavailable: familyMissing('AnswerDistributionPerCourse'),
  prepare: async (set, context, repetition) => launch(context, set, 'AnswerDistributionPerCourse', repetition, () => []),
};

export const workflowIntoSqlite: BenchCase = {
  id: 'pw-sqlite',
  short: 'workflow into SQLite',
  label: 'Pipewright: AnswerDistributionToMySQLTaskWorkflow into SQLite',
  kind: 'pipewright',
  unavailable: familyMissing('AnswerDistributionToMySQLTaskWorkflow'),
  prepare: async (set, context, repetition) =>
    launch(context, set, 'AnswerDistributionToMySQLTaskWorkflow', repetition, (dest) => ['--database-url', `sqlite:${join(dest, 'bench.sqlite')}`]),
};

export const workflowIntoMariadb: BenchCase = {
  id: 'pw-mariadb',
  short: 'workflow into MariaDB',
  label: 'Pipewright: AnswerDistributionToMySQLTaskWorkflow into MariaDB',
  kind: 'pipewright',
  unavailable: async (context) => (await familyMissing('AnswerDistributionToMySQLTaskWorkflow')(context)) ?? (await mariadbMissing(context.mysqlUrl)),
  prepare: async (set, context, repetition) => {
    await recreateDatabase(context.mysqlUrl);
    return launch(context, set, 'AnswerDistributionToMySQLTaskWorkflow', repetition, () => ['--database-url', context.mysqlUrl]);
  },
};

async function mariadbMissing(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  const open = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 3306), timeout: 1000 });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.once('connect', () => done(true)).once('error', () => done(false)).once('timeout', () => done(false));
  });
  if (!open) return `skipped: no MariaDB/MySQL answers on ${hostname}:${port || 3306}`;
  try {
    await recreateDatabase(url);
    return undefined;
  } catch (error) {
    return `skipped: cannot prepare the bench database on ${hostname}:${port || 3306} (${(error as Error).message})`;
  }
}

/** A bench database of its own (never the tests' one), emptied before each repetition. */
async function recreateDatabase(url: string): Promise<void> {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/';
  const connection = await mysql.createConnection(parsed.toString());
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
  } finally {
    await connection.end();
  }
}

export const PIPEWRIGHT_CASES: BenchCase[] = [answerDistributionPerCourse, workflowIntoSqlite, workflowIntoMariadb];
