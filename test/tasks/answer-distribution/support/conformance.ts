import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONFORMANCE } from '../../../support/paths.js';

/** edX's answer-distribution conformance data, read in place (AGPL test data: never copied into the repo). */
export const ANSWER_DIST = join(CONFORMANCE, 'answer_dist');
export const ANSWER_DIST_INPUT = join(ANSWER_DIST, 'input/answer_dist_acceptance_tracking.log');

/** Lines split on "\n" only, as edX reads them. */
export function inputLines(path = ANSWER_DIST_INPUT): string[] {
  const text = readFileSync(path).toString('utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Tab-separated lines of an expected file (without a trailing empty line). */
export function expectedTsv(name: string): string[][] {
  return readFileSync(join(ANSWER_DIST, 'expected', name), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

/** Every expected CSV: relative path -> bytes. */
export function expectedCsvFiles(): Map<string, Buffer> {
  const root = join(ANSWER_DIST, 'expected/csv');
  const files = new Map<string, Buffer>();
  for (const folder of readdirSync(root))
    for (const name of readdirSync(join(root, folder))) files.set(`${folder}/${name}`, readFileSync(join(root, folder, name)));
  return files;
}
