import type { Counters } from '../core/counters.js';
import type { Task } from '../core/task.js';

/**
 * What happened to one task in a run:
 * - `complete`: already complete before the run; nothing to do.
 * - `ran`: run() finished and complete() became true.
 * - `failed`: run(), complete() or requires() threw, or run() left it incomplete.
 * - `missing`: input made outside Pipewright (an ExternalTask) is not there.
 * - `blocked`: not run because a dependency failed or is missing.
 * - `stopped`: not started because the run was interrupted (RunOptions.signal).
 */
export type TaskStatus = 'complete' | 'ran' | 'failed' | 'missing' | 'blocked' | 'stopped';

export const TASK_STATUSES: readonly TaskStatus[] = ['complete', 'ran', 'failed', 'missing', 'blocked', 'stopped'];

export interface TaskOutcome {
  task: Task;
  status: TaskStatus;
  /** Why it failed or is missing (for `blocked`: the dependency's error is on that dependency). */
  error?: unknown;
  /** For `blocked`: the id of the dependency that failed or is missing. */
  blockedBy?: string;
  /** Calls of run(), retries included. */
  attempts: number;
  durationMs?: number;
}

export interface RunResult {
  /** 0 all done or nothing to do, 1 a task failed, 2 missing input, 3 locked, 130 interrupted (see ExitCode). */
  exitCode: number;
  /** Every task the run looked at, by id, in the order they were first seen. */
  outcomes: Map<string, TaskOutcome>;
  counts: Record<TaskStatus, number>;
  /** Counters of every task that ran, added together. */
  counters: Counters;
  /** An error that stopped the whole run before tasks ran: a dependency cycle, the lock held by another run, a usage error found while planning. */
  error?: unknown;
  /** The human summary printed at the end of a CLI run. */
  summary: string;
}
