import { ExitCode, isUserFacing, PipewrightError } from '../core/errors.js';
import { flatten } from '../core/flatten.js';
import type { RunResources } from '../core/run-resources.js';
import type { Task } from '../core/task.js';
import type { GraphNode } from './graph.js';
import type { RunObserver } from './observer.js';
import type { TaskOutcome } from './outcome.js';
import { AttemptsError, runWithRetries, type Sleep } from './retry.js';

/**
 * Runs one task whose dependencies settled as done: re-checks that they
 * really are complete (something may have removed an output meanwhile), runs
 * it with retries, then checks that it became complete.
 */
export async function executeTask(node: GraphNode, deps: readonly Task[], observer: RunObserver, sleep?: Sleep, resources?: RunResources): Promise<TaskOutcome> {
  const { task } = node;
  const started = Date.now();
  let attempts = 0;
  const outcome = (status: TaskOutcome['status'], error?: unknown): TaskOutcome => ({ task, status, error, attempts, durationMs: Date.now() - started });
  try {
    for (const dep of deps)
      if (!(await dep.complete())) return outcome('failed', new PipewrightError(`Unfulfilled dependency at run time: ${dep.id} is not complete.`));
    task.reporter = { progress: (t, info) => observer.taskProgress?.(t, info) };
    task.resources = resources ?? null;
    observer.taskStarted?.(task);
    attempts = await runWithRetries(task, { sleep, onRetry: (error, attempt, delayMs) => observer.taskRetrying?.(task, error, attempt, delayMs) });
    if (!(await task.complete())) {
      const outputs = flatten(task.output()).map(String).join(', ');
      return outcome('failed', new PipewrightError(`${task.id} finished running, but complete() is still false${outputs ? ` (outputs: ${outputs}); did run() write them?` : '.'}`));
    }
    return outcome('ran');
  } catch (caught) {
    const error = caught instanceof AttemptsError ? caught.error : caught;
    if (caught instanceof AttemptsError) attempts = caught.attempts;
    // MissingInputError, and input data found missing while running (a --src that is not there).
    return outcome(isUserFacing(error) && error.exitCode === ExitCode.missingInput ? 'missing' : 'failed', error);
  } finally {
    task.reporter = null;
    task.resources = null;
  }
}
