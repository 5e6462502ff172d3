import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LAUNCH_TASK, REPO_ROOT } from '../../support/paths.js';
import { launchTask } from './support/cli.js';

// Expected files made by the Python 2.7 reference (csv_reference_py2.py) from the Python 3 reference's
// stage 2 lines: neither comes from Pipewright's code. How: fixtures/answer_dist/differential/README.md.
const FIXTURE = join(REPO_ROOT, 'fixtures/answer_dist/differential/csv');

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('_SUCCESS'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

describe.runIf(existsSync(LAUNCH_TASK))('per-course CSV files of odd rows, against the Python 2.7 reference', () => {
  const root = mkdtempSync(join(tmpdir(), 'answer-dist-csv-diff-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const outputRoot = join(root, 'csv');
  const expectedRoot = join(FIXTURE, 'expected');
  const run = launchTask([
    'AnswerDistributionOneFilePerCourseTask', '--src', join(FIXTURE, 'input.log.gz'), '--dest', join(root, 'dest'),
    '--name', 'csv-differential', '--output-root', outputRoot, '--runner', 'inline',
  ]);

  it('writes the same files, in the same sha1 folders, under the same names', async () => {
    const result = await run;
    expect(result.code, result.stderr).toBe(0);
    expect(filesUnder(outputRoot)).toEqual(filesUnder(expectedRoot));
  });

  it('writes every file byte for byte as Python 2 wrote it', async () => {
    await run;
    const expected = filesUnder(expectedRoot);
    expect(expected.length).toBeGreaterThan(5);
    for (const file of expected) {
      const ours = readFileSync(join(outputRoot, file));
      expect(ours.equals(readFileSync(join(expectedRoot, file))), file).toBe(true);
    }
  });

  it('leaves out, and counts, the one course whose id edX raises on (course-v1:ª+Csv+2024)', async () => {
    const result = await run;
    expect(result.stdout + result.stderr).toMatch(/course CSV files left out: non-ASCII course id edX cannot name \(it raises\): 1/);
  });
});
