import { mapSplit } from '../map-input.js';
import type { MapReduceTask } from '../job.js';
import { formatRecord } from '../keys.js';
import { MapPhase, reduceGroups } from '../phases.js';
import { groupSorted } from '../grouping.js';
import { LineWriter } from './line-writer.js';
import { rmSync } from 'node:fs';
import { MapOutputBuffer, segmentsOf, type Spill } from './map-output-buffer.js';
import { compactSpills, MERGE_FACTOR } from './spill-merge.js';
import { mergeSorted } from './merge.js';
import type { MapRequest, ReduceRequest } from './messages.js';
import type { RecordBuffer } from './record-buffer.js';
import { readSegment } from './segment-reader.js';

/** One map task, on a fresh task instance: read the split, map, buffer, spill. */
export async function runMapTask(task: MapReduceTask, request: MapRequest, records?: RecordBuffer): Promise<Spill[]> {
  const step = task.checkedSteps()[request.step]!;
  const combine = step.combiner ? (groups: Parameters<typeof reduceGroups>[4], emit: Parameters<typeof reduceGroups>[5]) => reduceGroups(task, step, request.step, 'combiner', groups, emit) : undefined;
  const buffer = new MapOutputBuffer(request.partitions, request.budgetBytes, request.spillPrefix, combine, records);
  const phase = new MapPhase(task, step, request.step, buffer.emit);
  phase.start();
  await mapSplit(request.split, phase, { records: request.step > 0, prefilter: task.mapperPrefilter, onCorrupt: task.onCorruptInput, counters: task.counters });
  phase.finish();
  return buffer.finish();
}

/** One reduce task: k-way merge of the partition's sorted segments into the reducer, written as one part file. */
export function runReduceTask(task: MapReduceTask, request: ReduceRequest): void {
  const step = task.checkedSteps()[request.step]!;
  // Too many runs to merge at once: merge them into fewer first (files of our own, deleted below).
  const runs = compactSpills(request.segments.map((s) => ({ path: s.path, ranges: [[s.start, s.end] as [number, number]] })), 1, request.mergePrefix, { target: MERGE_FACTOR, ownsInputs: false });
  const writer = new LineWriter(request.outPath);
  try {
    const records = mergeSorted(segmentsOf(runs, 0).map((s) => readSegment(s)));
    const emit = request.final
      ? (key: string, value: string) => writer.line(task.formatOutput(JSON.parse(key), JSON.parse(value)))
      : (key: string, value: string) => writer.line(formatRecord(key, value));
    // Pairs JSON would not change go to formatOutput as they are (the same line, without the encode/decode).
    const direct = request.final ? (key: unknown, value: unknown) => writer.line(task.formatOutput(key, value)) : undefined;
    reduceGroups(task, step, request.step, 'reducer', groupSorted(records), emit, direct);
  } finally {
    writer.close();
    const given = new Set(request.segments.map((s) => s.path));
    for (const run of runs) if (!given.has(run.path)) rmSync(run.path, { force: true });
  }
}
