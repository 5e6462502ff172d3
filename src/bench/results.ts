import type { Machine } from './machine.js';
import type { CaseResult } from './run-case.js';
import type { Spread } from './stats.js';

/** The shape of bench/results.json (and the input of the markdown table). */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: Machine;
  repetitions: number;
  sets: SetSummary[];
  cases: CaseResult[];
  /** Peak RSS of the answer distribution as input grows (--scale adds 4 GB). */
  scale: ScaleResult[];
  scheduler: ExtraResult[];
  tracking: ExtraResult[];
  notes: string[];
}

export interface SetSummary {
  name: string;
  gzip: boolean;
  dir: string;
  fileCount: number;
  bytes: number;
  uncompressedBytes: number;
}

export interface ScaleResult {
  set: string;
  uncompressedBytes: number;
  status: CaseResult['status'];
  peakRssMb?: number | null;
  mbPerSecond?: number;
  note?: string;
}

/** A measurement that is not "MB/s over a data set": scheduler tasks/s, tracking events/s. */
export interface ExtraResult {
  label: string;
  status: CaseResult['status'];
  /** e.g. "tasks/s", "events/s". */
  unit?: string;
  rate?: Spread;
  peakRssMb?: number | null;
  note?: string;
  detail?: unknown;
}

/** Pipewright's speed relative to a baseline: > 1 means Pipewright is faster. */
export function speedRatio(pipewright: CaseResult, baseline: CaseResult): number | undefined {
  if (pipewright.status !== 'ok' || baseline.status !== 'ok') return undefined;
  return baseline.wallSeconds!.median / pipewright.wallSeconds!.median;
}
