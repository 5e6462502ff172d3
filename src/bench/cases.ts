import { join } from 'node:path';
import type { DataSet } from './datasets.js';

/**
 * A thing the bench measures on each data set. Floors say what the machine
 * can do at all, the competitor is what an analyst would use instead, and the
 * Pipewright cases are the product, run through its real CLI.
 */
export type CaseKind = 'floor' | 'competitor' | 'pipewright';

/** One repetition's command, plus what to do after it (outside the measured time). */
export interface Invocation {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** What the run produced (e.g. output row count), read before cleanup; overrides what the command printed. */
  inspect?: () => unknown;
  cleanup?: () => Promise<void> | void;
}

export interface BenchContext {
  repoRoot: string;
  /** Compiled probes: <repo>/dist/bench/probes. */
  probesDir: string;
  /** A directory for outputs of one run of the bench; removed at the end. */
  scratchDir: string;
  duckdbThreads: number;
  mysqlUrl: string;
}

export interface BenchCase {
  id: string;
  label: string;
  /** Column heading in the ratio table. */
  short: string;
  kind: CaseKind;
  /** Why it cannot run here (missing piece or server), or undefined when it can. */
  unavailable(context: BenchContext): Promise<string | undefined>;
  /** The command for one repetition on one data set. */
  prepare(set: DataSet, context: BenchContext, repetition: number): Promise<Invocation>;
}

const always = async () => undefined;
const node = (context: BenchContext, probe: string, args: string[]): Invocation => ({
  command: process.execPath,
  args: [join(context.probesDir, probe), ...args],
});

/** `cat` or `gzip -dc` into /dev/null: reading (and inflating) the bytes, nothing else. */
export const ioFloor: BenchCase = {
  id: 'io',
  short: 'I/O floor',
  label: 'cat / gzip -dc > /dev/null (I/O floor)',
  kind: 'floor',
  unavailable: always,
  prepare: async (set) => ({
    command: 'sh',
    args: ['-c', `${set.gzip ? 'gzip -dc' : 'cat'} "$@" > /dev/null`, 'sh', ...set.files],
  }),
};

export const scanFloor: BenchCase = {
  id: 'scan',
  short: 'scan floor',
  label: 'Node: find problem_check lines in Buffers (scan floor)',
  kind: 'floor',
  unavailable: always,
  prepare: async (set, context) => node(context, 'scan.js', [set.dir]),
};

export const parseFloor: BenchCase = {
  id: 'parse',
  short: 'parse floor',
  label: 'Node: JSON.parse every line (parse floor)',
  kind: 'floor',
  unavailable: always,
  prepare: async (set, context) => node(context, 'parse.js', [set.dir]),
};

export const duckdbFilter: BenchCase = {
  id: 'duckdb-filter',
  short: 'DuckDB filter',
  label: 'DuckDB: read_ndjson, count server problem_check events',
  kind: 'competitor',
  unavailable: duckdbMissing,
  prepare: async (set, context) => node(context, 'duckdb.js', ['filter', String(context.duckdbThreads), set.dir]),
};

export const duckdbAnswerDistribution: BenchCase = {
  id: 'duckdb-answer-dist',
  short: 'DuckDB SQL',
  label: 'DuckDB: answer distribution in SQL',
  kind: 'competitor',
  unavailable: duckdbMissing,
  prepare: async (set, context, repetition) => {
    const out = join(context.scratchDir, `duckdb-${set.name}-${repetition}.tsv`);
    return node(context, 'duckdb.js', ['answer-dist', String(context.duckdbThreads), set.dir, '--out', out]);
  },
};

/** @duckdb/node-api is a dev dependency: a production-only install has no competitor to measure. */
async function duckdbMissing(): Promise<string | undefined> {
  try {
    await import('@duckdb/node-api');
    return undefined;
  } catch {
    return 'not available: @duckdb/node-api is not installed (npm install installs it)';
  }
}

export const BASELINES: BenchCase[] = [ioFloor, scanFloor, parseFloor, duckdbFilter, duckdbAnswerDistribution];
