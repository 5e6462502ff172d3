import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/bench/report-markdown.js';
import type { BenchResults } from '../../src/bench/results.js';
import type { CaseResult } from '../../src/bench/run-case.js';
import { spread } from '../../src/bench/stats.js';
import { describeMachine } from '../../src/bench/machine.js';

/** A measured row from wall times; MB/s follows from the set size, as runCase computes it. */
function row(caseId: string, kind: CaseResult['kind'], wallSeconds: number[] | string): CaseResult {
  const base = { caseId, label: caseId, short: caseId, kind, set: 'quick', gzip: false, runs: [] };
  if (typeof wallSeconds === 'string') return { ...base, status: 'unavailable', note: wallSeconds };
  return {
    ...base,
    status: 'ok',
    runs: wallSeconds.map((s) => ({ wallMs: s * 1000, peakRss: 100e6 })),
    wallSeconds: spread(wallSeconds),
    mbPerSecond: spread(wallSeconds.map((s) => 200 / s)),
    peakRssMb: spread([100]),
  };
}

function results(cases: CaseResult[]): BenchResults {
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    command: 'npm run bench -- --quick',
    machine: describeMachine(),
    repetitions: 3,
    sets: [{ name: 'quick', gzip: false, dir: '/tmp/x', fileCount: 7, bytes: 200e6, uncompressedBytes: 200e6 }],
    cases,
    scale: [],
    scheduler: [],
    tracking: [],
    notes: [],
  };
}

describe('results.md', () => {
  it('says "not available" for missing Pipewright rows and shows no ratio for them', () => {
    const md = renderMarkdown(results([row('duckdb-answer-dist', 'competitor', [2, 2.2, 1.8]), row('pw-per-course', 'pipewright', 'not available: not built')]));
    expect(md).toContain('| pw-per-course | not available |');
    expect(md).toContain('Pipewright rows: not available yet, so no ratios.');
    expect(md).toMatch(/>= 450 MB\/s: not measured/);
    expect(md).toContain(describeMachine().cpuModel);
  });

  it('gives Pipewright speed over each baseline and checks the targets', () => {
    const md = renderMarkdown(results([row('duckdb-answer-dist', 'competitor', [2, 2.2, 1.8]), row('pw-per-course', 'pipewright', [0.5, 0.4, 0.6])]));
    expect(md).toContain('| pw-per-course | 4.00x |');
    expect(md).toContain('>= 3x DuckDB: measured 4.00x: met');
    expect(md).toContain('>= 450 MB/s: measured 400 MB/s: **missed**');
  });
});

describe('scheduler target', () => {
  it('judges the 100,000-task DAG and states memory per extra task', () => {
    const scheduler = [25_000, 100_000].map((tasks, i) => ({
      label: `Scheduler: ${tasks}`,
      status: 'ok' as const,
      unit: 'tasks/s',
      rate: spread([i === 0 ? 30_000 : 15_000]),
      peakRssMb: i === 0 ? 100 : 400,
      detail: { tasks },
    }));
    const md = renderMarkdown({ ...results([]), scheduler });
    expect(md).toContain('>= 20,000 no-op tasks/s: measured 15,000: **missed**');
    expect(md).toContain('4.0 KB per extra task');
  });
});
