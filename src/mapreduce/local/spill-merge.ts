import { unlinkSync } from 'node:fs';
import { formatRecord } from '../keys.js';
import { LineWriter } from './line-writer.js';
import { mergeSorted } from './merge.js';
import { segmentsOf, type Spill } from './map-output-buffer.js';
import { readSegment } from './segment-reader.js';

/** Most runs merged at once: bounds open files and read buffers (Hadoop's io.sort.factor). */
export const MERGE_FACTOR = 64;

/** k-way merge several sorted runs into one, partition by partition. */
function mergeSpills(spills: Spill[], partitions: number, outPath: string, deleteInputs: boolean): Spill {
  const writer = new LineWriter(outPath);
  const ranges: [number, number][] = [];
  try {
    for (let p = 0; p < partitions; p++) {
      const start = writer.bytes;
      for (const [key, value] of mergeSorted(segmentsOf(spills, p).map((s) => readSegment(s)))) writer.line(formatRecord(key, value));
      ranges.push([start, writer.bytes]);
    }
  } finally {
    writer.close();
  }
  if (deleteInputs) for (const s of spills) unlinkSync(s.path);
  return { path: outPath, ranges };
}

/**
 * Merge runs, at most `factor` at a time, until at most `target` remain.
 * Runs this function created are deleted once merged; the given runs only
 * when `ownsInputs` (a map task owns its spills; a reducer shares them).
 */
export function compactSpills(spills: Spill[], partitions: number, prefix: string, options: { target: number; ownsInputs: boolean; factor?: number }): Spill[] {
  const factor = Math.max(2, options.factor ?? MERGE_FACTOR);
  let round = 0;
  let owned = options.ownsInputs;
  while (spills.length > Math.max(1, options.target)) {
    const next: Spill[] = [];
    for (let i = 0; i < spills.length; i += factor) {
      const group = spills.slice(i, i + factor);
      next.push(group.length === 1 ? group[0]! : mergeSpills(group, partitions, `${prefix}-merge-${round}-${i / factor}`, owned));
    }
    spills = next;
    owned = true;
    round++;
  }
  return spills;
}
