import { speedRatio, type BenchResults, type ExtraResult } from './results.js';
import type { CaseResult } from './run-case.js';

/**
 * The targets of issue 6, checked against what this run measured. Stated on
 * the full set; a --quick run checks them on the quick set and says so.
 */
export function targetLines(results: BenchResults): { caveat?: string; lines: string[] } {
  const setName = results.sets.some((set) => set.name === 'full') ? 'full' : results.sets[0]?.name;
  if (setName === undefined) return { lines: ['no data set measured'] };
  const caveat = setName === 'full' ? undefined : `Checked on the ${setName} set: indicative only, the targets are stated for the full set (\`npm run bench\`).`;
  const find = (id: string, gzip: boolean) => results.cases.find((row) => row.caseId === id && row.set === setName && row.gzip === gzip);
  const plain = find('pw-per-course', false);
  const gzip = find('pw-per-course', true);
  const duckdb = find('duckdb-answer-dist', false);
  const lines = [
    check('Answer distribution, plain: >= 450 MB/s', plain, (row) => row.mbPerSecond!.median, 450, 'MB/s'),
    ratioCheck(plain, duckdb),
    check('Answer distribution, plain: peak RSS <= 300 MB', plain, (row) => row.peakRssMb?.median, 300, 'MB', true),
    check('Answer distribution, gzip: >= 300 MB/s', gzip, (row) => row.mbPerSecond!.median, 300, 'MB/s'),
  ];
  const measured = results.scheduler.filter((row) => row.unit === 'tasks/s' && row.status === 'ok');
  const tasksOf = (row: ExtraResult) => (row.detail as { tasks?: number } | undefined)?.tasks ?? 0;
  // The target names 100,000 tasks: judge the largest DAG measured.
  const scheduler = measured.sort((a, b) => tasksOf(a) - tasksOf(b)).at(-1);
  lines.push(
    scheduler?.rate
      ? `Scheduler: >= 20,000 no-op tasks/s: measured ${Math.round(scheduler.rate.median).toLocaleString('en-US')}: ${verdict(scheduler.rate.median >= 20_000)}`
      : `Scheduler: >= 20,000 no-op tasks/s: not measured in this run (${results.scheduler[0]?.note ?? 'run without --no-extras'})`,
  );
  const [small, large] = [measured[0], measured.at(-1)];
  if (small && large && small !== large && small.peakRssMb && large.peakRssMb) {
    const perTask = ((large.peakRssMb - small.peakRssMb) * 1000) / (tasksOf(large) - tasksOf(small));
    lines.push(
      `Scheduler memory: ${tasksOf(small).toLocaleString('en-US')} tasks ${small.peakRssMb.toFixed(0)} MB, ` +
        `${tasksOf(large).toLocaleString('en-US')} tasks ${large.peakRssMb.toFixed(0)} MB: ${perTask.toFixed(1)} KB per extra task`,
    );
  }
  return { ...(caveat ? { caveat } : {}), lines };
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**');

function check(
  what: string,
  row: CaseResult | undefined,
  value: (row: CaseResult) => number | undefined,
  limit: number,
  unit: string,
  atMost = false,
): string {
  if (!row || row.status !== 'ok') return `${what}: not measured (${row?.note ?? 'no Pipewright row'})`;
  const measured = value(row);
  if (measured === undefined) return `${what}: not measured (no RSS on this platform)`;
  return `${what}: measured ${measured.toFixed(0)} ${unit}: ${verdict(atMost ? measured <= limit : measured >= limit)}`;
}

function ratioCheck(plain: CaseResult | undefined, duckdb: CaseResult | undefined): string {
  const what = 'Answer distribution, plain: >= 3x DuckDB';
  if (!plain || !duckdb) return `${what}: not measured`;
  const ratio = speedRatio(plain, duckdb);
  if (ratio === undefined) return `${what}: not measured (${plain.status !== 'ok' ? plain.note : duckdb.note})`;
  return `${what}: measured ${ratio.toFixed(2)}x: ${verdict(ratio >= 3)}`;
}
