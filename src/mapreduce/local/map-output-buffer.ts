import { join } from 'node:path';
import type { Group } from '../grouping.js';
import { formatRecord, partitionOf } from '../keys.js';
import type { EmitEncoded } from '../phases.js';
import { combineSorted, recordBytes, sortRecords, type BufferedRecord } from '../sorted-run.js';
import { LineWriter } from './line-writer.js';
import { compactSpills } from './spill-merge.js';
import type { Segment } from './segment-reader.js';

/** A sorted run on disk: one file, partitions stored one after another, with where each one lies. */
export interface Spill {
  path: string;
  /** Indexed by partition; [start, end) byte offsets, equal when the partition is empty. */
  ranges: [number, number][];
}

export function segmentsOf(spills: Spill[], partition: number): Segment[] {
  return spills
    .map((s) => ({ path: s.path, start: s.ranges[partition]![0], end: s.ranges[partition]![1] }))
    .filter((s) => s.end > s.start);
}

/**
 * Map output of one map task: partitioned and kept in memory up to a byte
 * budget, then sorted (and combined, when the step has a combiner) and
 * written to disk as a spill, Hadoop's io.sort.mb scheme. Memory is bounded
 * by the budget whatever the input size.
 */
export class MapOutputBuffer {
  #records: BufferedRecord[] = [];
  #bytes = 0;
  readonly spills: Spill[] = [];
  /** The emit function to give the map phase. */
  readonly emit: EmitEncoded = (key, value) => {
    this.#records.push({ partition: partitionOf(key, this.partitions), key, value });
    this.#bytes += recordBytes(key, value);
    if (this.#bytes >= this.budgetBytes) this.spill();
  };

  constructor(
    readonly partitions: number,
    readonly budgetBytes: number,
    /** Directory and file name prefix for this task's spills. */
    readonly spillPrefix: string,
    readonly combine?: (groups: Iterable<Group>, emit: EmitEncoded) => void,
  ) {}

  /** Spill what is left and merge this task's runs into one file with an index, as a Hadoop map task does. */
  finish(): Spill[] {
    this.spill();
    return compactSpills(this.spills, this.partitions, this.spillPrefix, { target: 1, ownsInputs: true });
  }

  /** Sort, combine and write what is in memory as one run. */
  spill(): void {
    if (this.#records.length === 0) return;
    let records = this.#records;
    this.#records = [];
    this.#bytes = 0;
    sortRecords(records);
    if (this.combine) records = combineSorted(records, this.partitions, this.combine);
    const writer = new LineWriter(`${this.spillPrefix}-${this.spills.length}`);
    const ranges: [number, number][] = [];
    let i = 0;
    try {
      for (let p = 0; p < this.partitions; p++) {
        const start = writer.bytes;
        for (; i < records.length && records[i]!.partition === p; i++) writer.line(formatRecord(records[i]!.key, records[i]!.value));
        ranges.push([start, writer.bytes]);
      }
    } finally {
      writer.close();
    }
    this.spills.push({ path: writer.path, ranges });
  }
}

export function spillPrefix(dir: string, mapTask: number): string {
  return join(dir, `map-${String(mapTask).padStart(5, '0')}`);
}
