import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/index.js';
import { parsePythonJson, pythonJsonDumps } from '../../../src/eventlog/parse/index.js';
import { DEFAULT_VALID_RESPONSE_TYPES, parseValidResponseTypes, type DistributionRow } from '../../../src/tasks/answer-distribution/columns.js';
import { courseCsv, courseCsvRelativePath } from '../../../src/tasks/answer-distribution/course-csv.js';
import { mysqlRow } from '../../../src/tasks/answer-distribution/mysql-rows.js';
import { expectedCsvFiles, expectedTsv, inputLines } from './support/conformance.js';
import { runInMemory } from './support/in-memory-pipeline.js';

const result = runInMemory(inputLines(), parseValidResponseTypes(DEFAULT_VALID_RESPONSE_TYPES));
const canonical = (json: string) => canonicalJson(parsePythonJson(json));

describe("edX's answer_dist acceptance log", () => {
  it('gives the 74 stage 1 answer records edX gives', () => {
    const ours = result.stage1.map((r) => [r.courseId, r.answerId, r.timestamp, canonical(r.json)].join('\t')).sort();
    const theirs = expectedTsv('stage1_problem_check_answers.tsv').map(([c, a, t, j]) => [c, a, t, canonical(j!)].join('\t')).sort();
    expect(theirs).toHaveLength(74);
    expect(ours).toEqual(theirs);
  });

  it('gives the 32 stage 2 rows edX gives', () => {
    const ours = result.stage2.map(({ courseId, row }) => `${courseId}\t${canonical(pythonJsonDumps(row as never))}`).sort();
    const theirs = expectedTsv('stage2_answer_distribution_per_course.tsv').map(([c, j]) => `${c}\t${canonical(j!)}`).sort();
    expect(theirs).toHaveLength(32);
    expect(ours).toEqual(theirs);
  });

  it('writes the three per-course CSV files byte for byte', () => {
    const byCourse = new Map<string, DistributionRow[]>();
    for (const { courseId, row } of result.stage2) byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), row]);
    const ours = new Map([...byCourse].map(([courseId, rows]) => [courseCsvRelativePath(courseId), courseCsv(rows)]));
    const theirs = expectedCsvFiles();
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [path, bytes] of theirs) expect(Buffer.from(ours.get(path)!, 'utf8').equals(bytes), path).toBe(true);
  });

  it('maps the rows to the 32 MySQL rows edX inserts', () => {
    const [header, ...expected] = expectedTsv('mysql_answer_distribution_rows.tsv');
    expect(header).toHaveLength(12);
    const render = (cells: unknown[]) => cells.map((c) => (c === null ? '\\N' : typeof c === 'number' ? String(c) : String(c))).join('\t');
    const ours = result.stage2.map(({ courseId, row }) => render(mysqlRow(courseId, row))).sort();
    const theirs = expected.map((cells) => render(cells.map((c, i) => (c === '\\N' ? null : i === 8 ? Number(c) : c)))).sort();
    expect(ours).toEqual(theirs);
  });

  it('keeps the 66 server problem_check events and counts why the others were dropped', () => {
    const kept = new Set(result.stage1.map((r) => r.timestamp)).size;
    expect(kept).toBeGreaterThan(0);
    expect(result.counters.get('drop:not_server_event')).toBe(66);
    expect([...result.counters.keys()].filter((k) => k.startsWith('crash_dropped'))).toEqual([]);
  });
});
