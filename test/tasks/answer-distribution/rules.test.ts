import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { perCourseTsv } from '../../../src/tasks/answer-distribution/canonical-tsv.js';
import { DEFAULT_VALID_RESPONSE_TYPES, parseValidResponseTypes } from '../../../src/tasks/answer-distribution/columns.js';
import { REPO_ROOT } from '../../support/paths.js';
import { inputLines } from './support/conformance.js';
import { runInMemory } from './support/in-memory-pipeline.js';

const RULES = join(REPO_ROOT, 'fixtures/answer_dist/rules');

// Each folder: input.log, expected.tsv (rows worked out by hand from the spec), optional counters.json.
describe.each(readdirSync(RULES).filter((name) => existsSync(join(RULES, name, 'input.log'))))('rule fixture %s', (name) => {
  const dir = join(RULES, name);
  const result = runInMemory(inputLines(join(dir, 'input.log')), parseValidResponseTypes(DEFAULT_VALID_RESPONSE_TYPES));

  it('gives the hand-computed rows', () => {
    expect(perCourseTsv(result.stage2)).toBe(readFileSync(join(dir, 'expected.tsv'), 'utf8'));
  });

  if (existsSync(join(dir, 'counters.json')))
    it('counts every drop and crash by name', () => {
      const expected = JSON.parse(readFileSync(join(dir, 'counters.json'), 'utf8')) as Record<string, number>;
      const ours = Object.fromEntries([...result.counters].filter(([k]) => k.startsWith('drop:') || k.startsWith('crash_dropped:')));
      expect(ours).toEqual(expected);
    });
});
