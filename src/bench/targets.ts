import { speedRatio, type BenchResults } from './results.js';
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
  const scheduler = results.scheduler.find((row) => row.unit === 'tasks/s' && row.status === 'ok');
  lines.push(
    scheduler?.rate
      ? `Scheduler: >= 20,000 no-op tasks/s: measured ${Math.round(scheduler.rate.median).toLocaleString('en-US')}: ${verdict(scheduler.rate.median >= 20_000)}`
      : `Scheduler: >= 20,000 no-op tasks/s: not measured in this run (${results.scheduler[0]?.note ?? 'run without --no-extras'})`,
  );
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
