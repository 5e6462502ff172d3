import { describe, expect, it } from 'vitest';
import { measure } from '../../src/bench/measure.js';
import { failureReason } from '../../src/bench/run-case.js';
import { spread } from '../../src/bench/stats.js';

/** A node process that holds `mb` MB of touched memory for a moment, then exits. */
const hold = (mb: number) => `node -e "const b = Buffer.alloc(${mb} * 1048576, 1); setTimeout(() => b.length, 700)"`;

describe('measure', () => {
  it('sums peak RSS over the whole process tree, not just the largest process', async () => {
    // Two children of one shell, 120 MB each at the same time: the tree peaks near 240 MB,
    // while any single process (what GNU time alone reports) stays near 120 MB.
    const run = await measure('sh', ['-c', `${hold(120)} & ${hold(120)} & wait`]);
    expect(run.exitCode).toBe(0);
    expect(run.peakRss).not.toBeNull();
    expect(run.peakRss!).toBeGreaterThan(200 * 1024 * 1024);
  });

  it('captures stdout and the exit code, and reports a failure with its stderr', async () => {
    const ok = await measure(process.execPath, ['-e', 'console.log(JSON.stringify({ n: 42 }))']);
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ n: 42 });
    const bad = await measure(process.execPath, ['-e', 'console.error("disk on fire"); process.exit(3)']);
    expect(bad.exitCode).toBe(3);
    expect(bad.stderrTail).toContain('disk on fire');
  });

  it('kills the whole tree at the timeout', async () => {
    const run = await measure('sh', ['-c', 'sleep 30 & sleep 30; wait'], { timeoutMs: 300 });
    expect(run.exitCode).toBe(124);
    expect(run.stderrTail).toContain('killed after 300 ms');
  });
});

describe('spread', () => {
  it('gives the median of odd and even counts and the range', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  });
});

describe('failureReason', () => {
  it('picks the lines that say why over the trailing counters', () => {
    const stderr = [
      '2026-01-01T00:00:00Z running ProblemCheckEvent(...)',
      '2026-01-01T00:00:01Z FAILED ProblemCheckEvent(...): --src /x holds no input files',
      'Problems:',
      '  FAILED ProblemCheckEvent(...): --src /x holds no input files',
      'Counters:',
      '  Answer distribution rows: 3',
      'Exit code 1: a task failed.',
    ].join('\n');
    expect(failureReason(stderr)).toBe('2026-01-01T00:00:01Z FAILED ProblemCheckEvent(...): --src /x holds no input files | FAILED ProblemCheckEvent(...): --src /x holds no input files');
    expect(failureReason('one\ntwo\nthree\nfour')).toBe('two | three | four');
  });
});
