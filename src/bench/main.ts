import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { isUserFacing, UsageError } from '../core/errors.js';
import { BASELINES, type BenchContext } from './cases.js';
import { describeDirectory, ensureDataSet, FULL, QUICK, SCALE_4GB, type DataSet } from './datasets.js';
import { runExtras } from './extras.js';
import { describeMachine } from './machine.js';
import { measure } from './measure.js';
import { PIPEWRIGHT_CASES } from './pipewright-cases.js';
import { profileAnswerDistribution } from './profile-run.js';
import { renderMarkdown } from './report-markdown.js';
import type { BenchResults, SetSummary } from './results.js';
import { runCase, type CaseResult } from './run-case.js';
import { measureScale } from './scale.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const log = (line: string) => process.stderr.write(line + '\n');

interface Options {
  quick?: boolean;
  scale?: boolean;
  reps?: number;
  data?: string[];
  only?: string[];
  cache: string;
  out: string;
  timeout: number;
  extras: boolean;
  profile?: boolean;
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number >= 1.');
  return n;
};

function parseOptions(argv: string[]): Options {
  return new Command('npm run bench --')
    .description('Measure Pipewright against I/O, scan and parse floors and DuckDB on the same generated edX logs.')
    .option('--quick', 'the ~200 MB set only, 3 repetitions (under 2 minutes once the data is cached)')
    .option('--scale', 'also measure peak RSS on 4 GB of input (generates it once: slow)')
    .option('--reps <n>', 'repetitions per row (default 5, or 3 with --quick)', positiveInt)
    .option('--data <dir...>', 'measure these directories of logs instead of the generated sets')
    .option('--only <ids>', 'comma-separated case ids (io, scan, parse, duckdb-filter, duckdb-answer-dist, pw-per-course, pw-sqlite, pw-mariadb)', (v) => v.split(','))
    .option('--cache <dir>', 'where generated data sets are kept', join(tmpdir(), 'pipewright-bench'))
    .option('--out <dir>', 'where results.json and results.md go', join(REPO_ROOT, 'bench'))
    .option('--timeout <seconds>', 'give up on one run after this long', positiveInt, 900)
    .option('--no-extras', 'skip the scheduler and tracking measurements')
    .option('--profile', 'instead of measuring: run the answer distribution once under --cpu-prof on the quick plain set and print its hottest functions')
    .parse(argv, { from: 'user' })
    .opts<Options>();
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const repetitions = options.reps ?? (options.quick ? 3 : 5);
  const startedAt = new Date().toISOString();
  const machine = describeMachine(); // before we add load of our own
  const generator = join(REPO_ROOT, 'dist/eventlog/generator/cli.js');
  const notes: string[] = [];

  const cases = [...BASELINES, ...PIPEWRIGHT_CASES].filter((c) => !options.only || options.only.includes(c.id));
  if (cases.length === 0) throw new UsageError(`--only ${options.only}: no such case; known: ${[...BASELINES, ...PIPEWRIGHT_CASES].map((c) => c.id).join(', ')}.`);
  if (options.profile) options.quick = true;
  const sets = await loadSets(options, generator);

  const scratchDir = mkdtempSync(join(tmpdir(), 'pipewright-bench-run-'));
  const context: BenchContext = {
    repoRoot: REPO_ROOT,
    probesDir: join(REPO_ROOT, 'dist/bench/probes'),
    scratchDir,
    duckdbThreads: 2,
    mysqlUrl: process.env.PIPEWRIGHT_BENCH_MYSQL_URL ?? 'mysql://pipewright:pipewright-test@127.0.0.1:3306/pipewright_bench',
  };
  // --quick bounds each row's time so the whole run stays near two minutes however slow a case is.
  const runOptions = { repetitions, timeoutMs: options.timeout * 1000, log, ...(options.quick && !options.reps ? { budgetSeconds: 6 } : {}) };

  const results: CaseResult[] = [];
  try {
    if (options.profile) return void process.stdout.write(await profileAnswerDistribution(sets[0]!, context, log));
    for (const set of sets) {
      log(`${set.name}, ${set.gzip ? 'gzip' : 'plain'} (${set.files.length} files, ${(set.uncompressedBytes / 1e6).toFixed(0)} MB uncompressed):`);
      await measure('sh', ['-c', 'cat "$@" > /dev/null', 'sh', ...set.files]); // warm the page cache; not reported
      for (const benchCase of cases) results.push(await runCase(benchCase, set, context, runOptions));
    }
    const scale = options.data ? [] : await measureScale(results, sets, options.scale ? [SCALE_4GB] : [], { context, cacheRoot: options.cache, generator, runOptions });
    const extras = options.extras ? await runExtras(context, { log, quick: !!options.quick, timeoutMs: options.timeout * 1000 }) : { scheduler: [], tracking: [] };
    if (options.data) notes.push('Measured on --data directories given by the user, not the generated sets.');
    const report: BenchResults = {
      startedAt,
      finishedAt: new Date().toISOString(),
      command: commandLine(argv),
      machine,
      repetitions,
      sets: sets.map(summarize),
      cases: results,
      scale,
      ...extras,
      notes,
    };
    writeResults(report, options.out);
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** How the run was asked for, without --out (where results go changes nothing measured). */
function commandLine(argv: string[]): string {
  const shown = argv.filter((arg, i) => arg !== '--out' && argv[i - 1] !== '--out' && !arg.startsWith('--out='));
  return ['npm run bench', ...(shown.length > 0 ? ['--', ...shown] : [])].join(' ');
}

/** The user's directories (--data), or the generated sets, generating what the cache lacks. */
async function loadSets(options: Options, generator: string): Promise<DataSet[]> {
  const sets: DataSet[] = [];
  if (options.data) for (const dir of options.data) sets.push(await describeDirectory(resolve(dir)));
  else for (const spec of options.quick ? QUICK : [...QUICK, ...FULL]) sets.push(await ensureDataSet(spec, options.cache, generator, log));
  return sets;
}

function writeResults(report: BenchResults, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(report, null, 2) + '\n');
  const markdown = renderMarkdown(report);
  writeFileSync(join(outDir, 'results.md'), markdown);
  process.stdout.write(markdown);
  log(`wrote ${join(outDir, 'results.json')} and results.md`);
}

const summarize = (set: DataSet): SetSummary => ({
  name: set.name,
  gzip: set.gzip,
  dir: set.dir,
  fileCount: set.files.length,
  bytes: set.bytes,
  uncompressedBytes: set.uncompressedBytes,
});

main(process.argv.slice(2)).catch((error: unknown) => {
  if (isUserFacing(error)) {
    log(`bench: ${error.message}`);
    process.exitCode = error.exitCode;
  } else {
    log(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  }
});
