import type { Writable } from 'node:stream';
import pLimit from 'p-limit';
import { Counters } from '../core/counters.js';
import { ExitCode, MissingInputError, UsageError, isUserFacing } from '../core/errors.js';
import { flatten } from '../core/flatten.js';
import { RunResources } from '../core/run-resources.js';
import type { Task } from '../core/task.js';
import { executeTask } from './execute-task.js';
import { buildGraph, type GraphNode } from './graph.js';
import { acquireRunLocks } from './lock.js';
import { combineObservers, type RunObserver } from './observer.js';
import { TASK_STATUSES, type RunResult, type TaskOutcome, type TaskStatus } from './outcome.js';
import { LogProgress } from './progress-log.js';
import { TtyProgress } from './progress-tty.js';
import type { Sleep } from './retry.js';
import { formatSummary } from './summary.js';

export interface RunOptions {
  /** Tasks run at the same time. Default 1. */
  workers?: number;
  /** Take a lock file per root task id in this directory (the CLI always does). Default: no lock. */
  lockDir?: string;
  /** `auto`: live lines on a TTY, timestamped log lines otherwise. Default `none`. */
  display?: 'auto' | 'tty' | 'log' | 'none';
  /** Where the display writes. Default process.stderr. */
  output?: Writable;
  /** More listeners for run events (a ledger, a test). */
  observers?: RunObserver[];
  /** Stack traces in the summary. */
  debug?: boolean;
  /**
   * When aborted, no further task starts; running ones finish (run() cannot
   * be cancelled safely) and the result says what was left (luigi's "phase out").
   */
  signal?: AbortSignal;
  /** Replaces the wait between retries (tests). */
  sleep?: Sleep;
}

/**
 * Runs the DAG below `roots` and reports what happened; it never throws for
 * a failing task, a cycle or a held lock: those are in the result, with the
 * exit code the CLI returns.
 *
 *     const result = await runTasks([new MyReport({ date: '2014-03-01' })], { workers: 4 });
 *     if (result.exitCode !== 0) console.error(result.summary);
 */
export async function runTasks(roots: readonly Task[], options: RunOptions = {}): Promise<RunResult> {
  const observer = combineObservers([...displayFor(options), ...(options.observers ?? [])]);
  const outcomes = new Map<string, TaskOutcome>();
  let error: unknown;
  let release = () => {};
  // Shared by the tasks of this run (the local runner's worker threads); closed before the locks are released.
  const resources = new RunResources();
  try {
    if (options.lockDir) release = acquireRunLocks(roots, options.lockDir);
    const graph = await buildGraph(roots);
    for (const [id, node] of graph) outcomes.set(id, { task: node.task, status: 'blocked', attempts: 0 });
    const misuse = firstUsageFailure(graph);
    if (misuse !== undefined) error = misuse;
    else await settleAll(graph, roots, outcomes, observer, options, resources);
  } catch (caught) {
    if (!isUserFacing(caught)) throw caught; // a bug in the scheduler itself: let it surface whole
    error = caught;
  } finally {
    await resources.close();
    release();
    observer.close?.();
  }
  return resultOf(outcomes, error, options.debug);
}

async function settleAll(graph: Map<string, GraphNode>, roots: readonly Task[], outcomes: Map<string, TaskOutcome>, observer: RunObserver, options: RunOptions, resources: RunResources) {
  const limit = pLimit(Math.max(1, options.workers ?? 1));
  const settled = new Map<string, Promise<TaskStatus>>();
  const settle = (id: string): Promise<TaskStatus> => {
    let promise = settled.get(id);
    if (!promise) settled.set(id, (promise = settleOne(id)));
    return promise;
  };
  const record = (outcome: TaskOutcome): TaskStatus => {
    outcomes.set(outcome.task.id, outcome);
    observer.taskFinished?.(outcome);
    return outcome.status;
  };
  const settleOne = async (id: string): Promise<TaskStatus> => {
    const node = graph.get(id)!;
    if (node.state !== 'pending') return record({ task: node.task, status: node.state, error: node.error ?? missingError(node), attempts: 0 });
    const depStatuses = await Promise.all(node.deps.map(settle));
    const badDep = node.deps.find((_, i) => depStatuses[i] !== 'complete' && depStatuses[i] !== 'ran');
    if (badDep) {
      const onlyStopped = depStatuses.every((s) => s === 'complete' || s === 'ran' || s === 'stopped');
      return record({ task: node.task, status: onlyStopped ? 'stopped' : 'blocked', blockedBy: badDep, attempts: 0 });
    }
    const deps = node.deps.map((d) => graph.get(d)!.task);
    return record(
      await limit(() =>
        options.signal?.aborted ? { task: node.task, status: 'stopped' as const, attempts: 0 } : executeTask(node, deps, observer, options.sleep, resources),
      ),
    );
  };
  await Promise.all(roots.map((r) => settle(r.id)));
}

/**
 * A wrong command line found while planning (a UsageError from complete(),
 * requires() or preflight()) stops the run before any task starts, like a
 * cycle: running the parts it does not touch would leave half of a nightly
 * job done.
 */
function firstUsageFailure(graph: Map<string, GraphNode>): UsageError | undefined {
  for (const node of graph.values()) if (node.state === 'failed' && node.error instanceof UsageError) return node.error;
  return undefined;
}

function missingError(node: GraphNode): unknown {
  if (node.state !== 'missing') return undefined;
  const outputs = flatten(node.task.output()).map(String).join(', ');
  return new MissingInputError(`${node.task.family}: input is not there${outputs ? `: ${outputs}` : ''}.`);
}

// A UsageError raised by a task (a flag it needs, a value it checks late) fails it; the exit code still says "usage".
function failedOnUsage(outcomes: Map<string, TaskOutcome>): boolean {
  for (const o of outcomes.values()) if (o.status === 'failed' && o.error instanceof UsageError) return true;
  return false;
}

function resultOf(outcomes: Map<string, TaskOutcome>, error: unknown, debug?: boolean): RunResult {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const counters = new Counters();
  for (const o of outcomes.values()) {
    counts[o.status]++;
    if (o.attempts > 0) counters.merge(o.task.counters);
  }
  let exitCode: number = ExitCode.ok;
  if (error !== undefined) exitCode = (error as { exitCode?: number }).exitCode ?? ExitCode.taskFailed;
  else if (failedOnUsage(outcomes)) exitCode = ExitCode.usage; // the command line is wrong, though only a task found out
  else if (counts.stopped > 0) exitCode = ExitCode.interrupted;
  else if (counts.missing > 0) exitCode = ExitCode.missingInput; // luigi: the highest applicable code wins
  else if (counts.failed > 0) exitCode = ExitCode.taskFailed;
  const summary = formatSummary({ outcomes: outcomes.values(), counts, counters, exitCode, error, debug });
  return { exitCode, outcomes, counts, counters, error, summary };
}

function displayFor(options: RunOptions): RunObserver[] {
  const out = options.output ?? process.stderr;
  const mode = options.display ?? 'none';
  if (mode === 'none') return [];
  const tty = mode === 'tty' || (mode === 'auto' && (out as { isTTY?: boolean }).isTTY === true);
  return [tty ? new TtyProgress(out) : new LogProgress(out)];
}
