import type { MapReduceTask } from './job.js';

/** Runs every step of a job and leaves its output() complete, or throws. */
export interface MapReduceRunner {
  run(task: MapReduceTask): Promise<void>;
}

/** A new instance of the task's class with the same parameters: one per map or reduce task, as on Hadoop. */
export function freshInstance<T extends MapReduceTask>(task: T): T {
  const cls = task.constructor as new (params: Record<string, unknown>) => T;
  return new cls({ ...task.params });
}

/** `part-00003`: Hadoop's part file names, which downstream jobs and tools expect. */
export function partName(partition: number): string {
  return `part-${String(partition).padStart(5, '0')}`;
}
