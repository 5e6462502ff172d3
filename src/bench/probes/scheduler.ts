import { p } from '../../core/parameters/index.js';
import { Task } from '../../core/task.js';
import { runTasks } from '../../scheduler/run-tasks.js';
import { isEntryPoint, runProbe } from './entry.js';

/**
 * The scheduler alone: a DAG of N no-op tasks (task i requires tasks 2i+1
 * and 2i+2, a binary tree of depth log2 N), run from its root with the
 * default options. Usage: node scheduler.js N [WORKERS]
 * Prints one JSON line: {tasks, ran, seconds, tasksPerSecond, exitCode}.
 */
const done = new Set<number>();
let size = 0;

class BenchNoOp extends Task {
  static override parameters = { index: p.int() };
  declare readonly index: number;

  override requires(): Task[] {
    const children: Task[] = [];
    for (const child of [2 * this.index + 1, 2 * this.index + 2]) if (child < size) children.push(new BenchNoOp({ index: child }));
    return children;
  }

  // Completion lives in memory: the scheduler's own cost is measured, not a filesystem's.
  override async complete(): Promise<boolean> {
    return done.has(this.index);
  }

  override async run(): Promise<void> {
    done.add(this.index);
  }
}

export interface SchedulerCounts {
  tasks: number;
  ran: number;
  seconds: number;
  tasksPerSecond: number;
  exitCode: number;
}

export async function schedulerProbe(count: number, workers = 1): Promise<SchedulerCounts> {
  if (!Number.isInteger(count) || count < 1) throw new Error('usage: scheduler.js N [WORKERS]');
  size = count;
  done.clear();
  const started = process.hrtime.bigint();
  const result = await runTasks([new BenchNoOp({ index: 0 })], { workers });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.exitCode !== 0) throw new Error(`the scheduler run failed (exit ${result.exitCode}): ${result.summary}`);
  return { tasks: size, ran: result.counts.ran, seconds, tasksPerSecond: result.counts.ran / seconds, exitCode: result.exitCode };
}

if (isEntryPoint(import.meta.url)) runProbe(() => schedulerProbe(Number(process.argv[2]), Number(process.argv[3] ?? 1)));
