import { ExitCode, UsageError } from '../core/errors.js';
import type { Task } from '../core/task.js';

type StreamingPhase = 'map' | 'combine' | 'reduce';
type StreamingModule = { runStreamingPhase(task: Task, phase: StreamingPhase, step: number): Promise<void> };
type JobModule = { MapReduceTask?: Function };

/**
 * `launch-task --streaming map --step 0 Family [params]`: the command Hadoop
 * Streaming (and `cat | map | sort | reduce` in tests) runs. The map/reduce
 * engine owns the phase itself; it is imported only here, on demand, so the
 * CLI does not depend on it for ordinary runs.
 */
export async function runStreaming(task: Task, phase: StreamingPhase, step = 0): Promise<number> {
  const modulePath = '../mapreduce/streaming.js';
  const jobPath = '../mapreduce/job.js';
  let engine: StreamingModule;
  let job: JobModule;
  try {
    engine = (await import(modulePath)) as StreamingModule;
    job = (await import(jobPath)) as JobModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      throw new UsageError('--streaming needs the map/reduce engine (src/mapreduce/streaming.ts), which this build does not include.');
    throw error;
  }
  if (job.MapReduceTask && !(task instanceof job.MapReduceTask))
    throw new UsageError(`${task.family} is not a map/reduce task; --streaming runs only those.`);
  await engine.runStreamingPhase(task, phase, step);
  return ExitCode.ok;
}
