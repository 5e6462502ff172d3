import { DefinitionError } from '../core/errors.js';
import type { Task } from '../core/task.js';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls task.run() up to retryPolicy().attempts times. A failure is retried
 * only when task.isRetryable(error) says so, and never when it is a
 * DefinitionError (a task written wrong fails the same way every time).
 * Waits backoffMs, doubling, between attempts. Returns the attempts made.
 */
export async function runWithRetries(
  task: Task,
  options: { sleep?: Sleep; onRetry?: (error: unknown, attempt: number, delayMs: number) => void } = {},
): Promise<number> {
  const { attempts, backoffMs } = task.retryPolicy();
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      await task.run();
      return attempt;
    } catch (error) {
      const retryable = !(error instanceof DefinitionError) && task.isRetryable(error);
      if (!retryable || attempt >= attempts) throw new AttemptsError(error, attempt);
      const delayMs = backoffMs * 2 ** (attempt - 1);
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}

/** Carries the final error of run() and how many attempts were made. */
export class AttemptsError extends Error {
  constructor(
    readonly error: unknown,
    readonly attempts: number,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}
