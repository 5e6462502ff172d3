import type { CounterRecord } from '../../core/index.js';
import type { InputSplit } from '../../eventlog/reader/index.js';
import type { TaskBlueprint } from './blueprint.js';
import type { Spill } from './map-output-buffer.js';
import type { Segment } from './segment-reader.js';

/** Map one split of a step's input into sorted, partitioned spills. */
export interface MapRequest {
  kind: 'map';
  step: number;
  split: InputSplit;
  spillPrefix: string;
  partitions: number;
  budgetBytes: number;
}

/** Merge one partition's segments and reduce them into one part file. */
export interface ReduceRequest {
  kind: 'reduce';
  step: number;
  partition: number;
  segments: Segment[];
  outPath: string;
  /** Path prefix for the reducer's own merge files, when there are too many runs to merge at once. */
  mergePrefix: string;
  /** The last step writes formatOutput() lines; earlier steps write records for the next. */
  final: boolean;
}

export type WorkRequest = MapRequest | ReduceRequest;

/** What the pool posts to a worker: a job of the task the blueprint describes, or "idle now: free your buffers". */
export type WorkMessage = { id: number; blueprint: TaskBlueprint; request: WorkRequest } | { release: true };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type WorkReply =
  | { id: number; ok: true; spills: Spill[]; counters: CounterRecord }
  | { id: number; ok: false; error: SerializedError; counters: CounterRecord };
