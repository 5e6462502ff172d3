import { groupSorted, type EncodedRecord, type Group } from './grouping.js';
import { compareUtf8, partitionOf } from './keys.js';
import type { EmitEncoded } from './phases.js';

/** A map output record held in memory: its reduce partition and encoded key and value. */
export interface BufferedRecord {
  partition: number;
  key: string;
  value: string;
}

/** Rough heap bytes of a record (UTF-16 strings plus object overhead): what the sort buffer budget counts. */
export function recordBytes(key: string, value: string): number {
  return 2 * (key.length + value.length) + 80;
}

/** Sort in place by partition, then by the one key order. Stable: equal keys keep their arrival order. */
export function sortRecords(records: BufferedRecord[]): void {
  records.sort((a, b) => a.partition - b.partition || compareUtf8(a.key, b.key));
}

/** The records of one partition of a sorted array, as encoded pairs. */
function* partitionSlice(records: BufferedRecord[], from: number, to: number): Generator<EncodedRecord> {
  for (let i = from; i < to; i++) yield [records[i]!.key, records[i]!.value];
}

/**
 * Run a combiner over sorted records, one partition at a time, and return
 * its output partitioned and sorted again (a combiner may change keys).
 */
export function combineSorted(records: BufferedRecord[], partitions: number, combine: (groups: Iterable<Group>, emit: EmitEncoded) => void): BufferedRecord[] {
  const out: BufferedRecord[] = [];
  const emit: EmitEncoded = (key, value) => out.push({ partition: partitionOf(key, partitions), key, value });
  let from = 0;
  while (from < records.length) {
    let to = from;
    const partition = records[from]!.partition;
    while (to < records.length && records[to]!.partition === partition) to++;
    combine(groupSorted(partitionSlice(records, from, to)), emit);
    from = to;
  }
  sortRecords(out);
  return out;
}
