import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { groupSorted, type EncodedRecord, type Group } from '../grouping.js';
import { partitionOf } from '../keys.js';
import type { EmitEncoded } from '../phases.js';
import { RecordBuffer } from './record-buffer.js';
import type { Segment } from './segment-reader.js';
import { compactSpills, MERGE_FACTOR } from './spill-merge.js';

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

const WRITE_BLOCK = 1 << 20;

/**
 * Map output of one map task: partitioned and kept in memory up to a byte
 * budget, then sorted (and combined, when the step has a combiner) and
 * written to disk as a spill, Hadoop's io.sort.mb scheme. Memory is bounded
 * by the budget whatever the input size.
 */
export class MapOutputBuffer {
  readonly #records: RecordBuffer;
  readonly spills: Spill[] = [];
  /** The emit function to give the map phase. */
  readonly emit: EmitEncoded = (key, value) => {
    this.#records.add(partitionOf(key, this.partitions), key, value);
    if (this.#records.bytes >= this.budgetBytes) this.spill();
  };

  constructor(
    readonly partitions: number,
    readonly budgetBytes: number,
    /** Directory and file name prefix for this task's spills. */
    readonly spillPrefix: string,
    readonly combine?: (groups: Iterable<Group>, emit: EmitEncoded) => void,
    /** A worker reuses one buffer for all its map tasks rather than leave a budget-sized one to the GC each time. */
    records?: RecordBuffer,
  ) {
    this.#records = records ?? new RecordBuffer(budgetBytes);
    this.#records.clear();
  }

  /** Spill what is left; if the task made very many runs, merge them so a reducer never opens too many files. */
  finish(): Spill[] {
    this.spill();
    return compactSpills(this.spills, this.partitions, this.spillPrefix, { target: MERGE_FACTOR, ownsInputs: true });
  }

  /** Sort, combine and write what is in memory as one run. */
  spill(): void {
    if (this.#records.count === 0) return;
    let source = this.#records;
    let order = source.sortedOrder();
    if (this.combine) {
      // Combined output is usually far smaller: start small and let it grow.
      const combined = new RecordBuffer(source.bytes / 8);
      this.combine(groupSorted(recordsOf(source, order)), (key, value) => combined.add(partitionOf(key, this.partitions), key, value));
      source = combined;
      order = combined.sortedOrder();
    }
    this.spills.push(writeRun(source, order, this.partitions, `${this.spillPrefix}-${this.spills.length}`));
    this.#records.clear();
  }
}

function* recordsOf(buffer: RecordBuffer, order: Uint32Array): Generator<EncodedRecord> {
  for (const i of order) yield [buffer.key(i), buffer.value(i)];
}

/** Write records in the given (sorted) order as `key<TAB>value` lines, noting where each partition lies. */
function writeRun(buffer: RecordBuffer, order: Uint32Array, partitions: number, path: string): Spill {
  const fd = openSync(path, 'w');
  const ranges: [number, number][] = [];
  let written = 0;
  let block = Buffer.allocUnsafe(WRITE_BLOCK);
  let at = 0;
  const flush = () => {
    if (at > 0) writeSync(fd, block, 0, at);
    written += at;
    at = 0;
  };
  try {
    let n = 0;
    for (let p = 0; p < partitions; p++) {
      const start = written + at;
      for (; n < order.length && buffer.partitionOf(order[n]!) === p; n++) {
        const i = order[n]!;
        let next = buffer.copyLine(i, block, at);
        if (next < 0) {
          flush();
          if (buffer.lineLength(i) > block.length) block = Buffer.allocUnsafe(buffer.lineLength(i));
          next = buffer.copyLine(i, block, at);
        }
        at = next;
      }
      ranges.push([start, written + at]);
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { path, ranges };
}

export function spillPrefix(dir: string, mapTask: number): string {
  return join(dir, `map-${String(mapTask).padStart(5, '0')}`);
}
