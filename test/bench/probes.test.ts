import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDirectory } from '../../src/bench/datasets.js';
import { duckdbAnswerDistribution, duckdbFilter } from '../../src/bench/probes/duckdb.js';
import { parseFloor } from '../../src/bench/probes/parse.js';
import { scanFloor } from '../../src/bench/probes/scan.js';
import { schedulerProbe } from '../../src/bench/probes/scheduler.js';
import { CONFORMANCE } from '../support/paths.js';

/**
 * The baselines must do the work they claim: count what a plain split-and-test
 * counts, across 1 MiB read chunks, in plain and gzip files alike.
 */
let dir: string;
let text: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pipewright-bench-probes-'));
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < 2.5 * 1024 * 1024; i++) {
    const type = i % 7 === 0 ? 'problem_check' : 'page_view';
    // Long lines of varying length so some problem_check lines straddle the 1 MiB chunk boundaries.
    lines.push(JSON.stringify({ event_type: type, event_source: 'server', pad: 'x'.repeat((i * 37) % 900) }));
    length += lines.at(-1)!.length + 1;
    if (i % 101 === 0) lines.push('not json at all, mentions problem_check');
  }
  lines.push(JSON.stringify({ event_type: 'problem_check', last: 'no newline after me' }));
  text = lines.join('\n');
  mkdirSync(join(dir, 'plain'));
  mkdirSync(join(dir, 'gzip'));
  writeFileSync(join(dir, 'plain', 'tracking.log'), text);
  writeFileSync(join(dir, 'gzip', 'tracking.log.gz'), gzipSync(text));
  writeFileSync(join(dir, 'plain', '_SUCCESS'), 'problem_check'); // skipped like edX's input selection skips it
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench probes', () => {
  it('scan floor counts problem_check lines in plain and gzip files', async () => {
    const expected = text.split('\n').filter((line) => line.includes('problem_check')).length;
    for (const kind of ['plain', 'gzip']) {
      const counts = await scanFloor([join(dir, kind)]);
      expect(counts).toEqual({ bytes: Buffer.byteLength(text), problemCheckLines: expected });
    }
  });

  it('parse floor parses every line and counts the unparseable ones', async () => {
    const lines = text.split('\n');
    const bad = lines.filter((line) => line.startsWith('not json')).length;
    const problemChecks = lines.filter((line) => line.includes('"event_type":"problem_check"')).length;
    const counts = await parseFloor([join(dir, 'gzip')]);
    expect(counts).toEqual({ lines: lines.length, parsed: lines.length - bad, unparseable: bad, problemCheckEvents: problemChecks });
  });

  it('data set description measures the uncompressed size of gzip files', async () => {
    const set = await describeDirectory(join(dir, 'gzip'));
    expect(set.gzip).toBe(true);
    expect(set.uncompressedBytes).toBe(Buffer.byteLength(text));
    expect(set.bytes).toBeLessThan(set.uncompressedBytes);
  });

  it('DuckDB answer distribution SQL gives edX rows on the conformance input', async () => {
    const input = join(CONFORMANCE, 'answer_dist/input');
    const expected = readFileSync(join(CONFORMANCE, 'answer_dist/expected/stage2_answer_distribution_per_course.tsv'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [course, json] = line.split('\t', 2) as [string, string];
        const row = JSON.parse(json) as Record<string, unknown>;
        const cells = ['ModuleID', 'PartID', 'Correct Answer', 'First Response Count', 'Last Response Count', 'ValueID', 'AnswerValue', 'Variant', 'Problem Display Name', 'Question'];
        return [course, ...cells.map((name) => String(row[name]))].join('\t');
      })
      .sort();
    const { tsv } = await duckdbAnswerDistribution([input], 2);
    expect([...tsv].sort()).toEqual(expected);
    const { events } = await duckdbFilter([input], 2);
    expect(events).toBe(readFileSync(join(input, 'answer_dist_acceptance_tracking.log'), 'utf8').split('\n')
      .filter((line) => line.includes('"event_source": "server"') && line.includes('"event_type": "problem_check"')).length);
  });

  it('scheduler probe runs every task of the DAG', async () => {
    const counts = await schedulerProbe(500);
    expect(counts.ran).toBe(500);
    expect(counts.exitCode).toBe(0);
  });
});
