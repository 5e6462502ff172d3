import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mysqlTsv, perCourseTsv } from '../../../src/tasks/answer-distribution/canonical-tsv.js';
import { DEFAULT_VALID_RESPONSE_TYPES, parseValidResponseTypes } from '../../../src/tasks/answer-distribution/columns.js';
import { mysqlRow } from '../../../src/tasks/answer-distribution/mysql-rows.js';
import { REPO_ROOT } from '../../support/paths.js';
import { runInMemory } from './support/in-memory-pipeline.js';

const DIR = join(REPO_ROOT, 'fixtures/answer_dist/differential');

describe('random odd and broken problem_check lines, against the independent Python reference', () => {
  const lines = gunzipSync(readFileSync(join(DIR, 'input.log.gz'))).toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const result = runInMemory(lines, parseValidResponseTypes(DEFAULT_VALID_RESPONSE_TYPES));

  it('gives the same per-course rows', () => {
    expect(perCourseTsv(result.stage2)).toBe(readFileSync(join(DIR, 'expected.tsv'), 'utf8'));
  });

  it('gives the same MySQL rows', () => {
    expect(mysqlTsv(result.stage2.map(({ courseId, row }) => mysqlRow(courseId, row)))).toBe(readFileSync(join(DIR, 'expected.mysql.tsv'), 'utf8'));
  });

  it('keeps, drops and crash-drops the same number of lines', () => {
    const sum = (prefix: string) => [...result.counters].filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
    expect({ kept: lines.length - sum('drop:') - sum('crash_dropped:'), drop: sum('drop:'), crash: sum('crash_dropped:') }).toEqual({ kept: 494, drop: 1385, crash: 121 });
  });
});
