import type { ProgressInfo, Task } from '../core/task.js';
import type { TaskOutcome } from './outcome.js';

/**
 * Everything that happens in a run flows through one observer in the parent
 * process: the progress display, and whatever else a caller plugs in (a run
 * ledger, a test recording events).
 */
export interface RunObserver {
  taskStarted?(task: Task): void;
  taskProgress?(task: Task, info: ProgressInfo): void;
  taskRetrying?(task: Task, error: unknown, attempt: number, delayMs: number): void;
  taskFinished?(outcome: TaskOutcome): void;
  /** A line for the person running this (graph built, summary, ...). */
  message?(text: string): void;
  close?(): void;
}

/** Fans each event out to several observers. */
export function combineObservers(observers: readonly RunObserver[]): RunObserver {
  return {
    taskStarted: (t) => observers.forEach((o) => o.taskStarted?.(t)),
    taskProgress: (t, i) => observers.forEach((o) => o.taskProgress?.(t, i)),
    taskRetrying: (t, e, a, d) => observers.forEach((o) => o.taskRetrying?.(t, e, a, d)),
    taskFinished: (x) => observers.forEach((o) => o.taskFinished?.(x)),
    message: (m) => observers.forEach((o) => o.message?.(m)),
    close: () => observers.forEach((o) => o.close?.()),
  };
}

/** `12/40 files: reading x.gz` */
export function describeProgress(info: ProgressInfo): string {
  const amount = info.total !== undefined ? `${info.done}/${info.total}` : `${info.done}`;
  const unit = info.unit ? ` ${info.unit}` : '';
  return `${amount}${unit}${info.message ? `: ${info.message}` : ''}`;
}

export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? '';
}
