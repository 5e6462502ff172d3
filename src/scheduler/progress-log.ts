import type { Writable } from 'node:stream';
import type { ProgressInfo, Task } from '../core/task.js';
import { describeProgress, errorLine, type RunObserver } from './observer.js';
import type { TaskOutcome } from './outcome.js';

/**
 * Plain timestamped lines, one per event, for cron mail and log files.
 * Progress is logged at most once per `progressEveryMs` per task, so a task
 * reporting every thousand lines does not flood the log.
 */
export class LogProgress implements RunObserver {
  readonly #lastProgress = new Map<string, number>();

  constructor(
    private readonly out: Writable,
    private readonly now: () => Date = () => new Date(),
    private readonly progressEveryMs = 10_000,
  ) {}

  #line(text: string): void {
    this.out.write(`${this.now().toISOString()} ${text}\n`);
  }

  taskStarted(task: Task): void {
    this.#line(`running ${task.id}`);
  }

  taskProgress(task: Task, info: ProgressInfo): void {
    const at = this.now().getTime();
    const last = this.#lastProgress.get(task.id);
    if (last !== undefined && at - last < this.progressEveryMs && !(info.total !== undefined && info.done >= info.total)) return;
    this.#lastProgress.set(task.id, at);
    this.#line(`progress ${task.id}: ${describeProgress(info)}`);
  }

  taskRetrying(task: Task, error: unknown, attempt: number, delayMs: number): void {
    this.#line(`retrying ${task.id} in ${delayMs} ms after attempt ${attempt} failed: ${errorLine(error)}`);
  }

  taskFinished(outcome: TaskOutcome): void {
    const { task, status } = outcome;
    if (status === 'ran') this.#line(`done ${task.id}${outcome.durationMs !== undefined ? ` in ${(outcome.durationMs / 1000).toFixed(1)} s` : ''}`);
    else if (status === 'failed') this.#line(`FAILED ${task.id}: ${errorLine(outcome.error)}`);
    else if (status === 'missing') this.#line(`MISSING INPUT ${task.id}: ${errorLine(outcome.error)}`);
  }

  message(text: string): void {
    this.#line(text);
  }
}
