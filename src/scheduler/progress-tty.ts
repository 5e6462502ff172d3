import type { Writable } from 'node:stream';
import type { ProgressInfo, Task } from '../core/task.js';
import { describeProgress, errorLine, type RunObserver } from './observer.js';
import type { TaskOutcome } from './outcome.js';

const CLEAR_TO_END = '\x1b[J';
const up = (n: number) => (n > 0 ? `\x1b[${n}A\r` : '\r');

/**
 * On a terminal: finished tasks scroll by as lines, and below them one live
 * line per running task is redrawn in place as it reports progress.
 */
export class TtyProgress implements RunObserver {
  readonly #running = new Map<string, string>();
  #drawn = 0;
  #lastDraw = 0;

  constructor(
    private readonly out: Writable & { columns?: number },
    private readonly now: () => number = Date.now,
  ) {}

  taskStarted(task: Task): void {
    this.#running.set(task.id, 'running');
    this.#redraw();
  }

  taskProgress(task: Task, info: ProgressInfo): void {
    this.#running.set(task.id, describeProgress(info));
    // Redrawing on every report would cost more than the work it shows.
    if (this.now() - this.#lastDraw >= 100) this.#redraw();
  }

  taskRetrying(task: Task, error: unknown, attempt: number, delayMs: number): void {
    this.#print(`↻ ${task.id}: attempt ${attempt} failed (${errorLine(error)}); retrying in ${delayMs} ms`);
  }

  taskFinished(outcome: TaskOutcome): void {
    this.#running.delete(outcome.task.id);
    const { task, status } = outcome;
    if (status === 'ran') this.#print(`✓ ${task.id}`);
    else if (status === 'failed') this.#print(`✗ ${task.id}: ${errorLine(outcome.error)}`);
    else if (status === 'missing') this.#print(`? ${task.id}: ${errorLine(outcome.error)}`);
    else this.#redraw();
  }

  message(text: string): void {
    this.#print(text);
  }

  close(): void {
    this.#running.clear();
    this.#redraw();
  }

  #print(line: string): void {
    this.out.write(up(this.#drawn) + CLEAR_TO_END + line + '\n');
    this.#drawn = 0;
    this.#redraw();
  }

  #redraw(): void {
    const width = Math.max(20, (this.out.columns || 100) - 1); // 0 columns: a pty that never said
    const lines = [...this.#running].map(([id, state]) => `  ${id}  ${state}`.slice(0, width));
    this.out.write(up(this.#drawn) + CLEAR_TO_END + lines.map((l) => l + '\n').join(''));
    this.#drawn = lines.length;
    this.#lastDraw = this.now();
  }
}
