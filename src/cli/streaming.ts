import { ExitCode, UsageError } from '../core/errors.js';
import type { Task } from '../core/task.js';

type StreamingPhase = 'map' | 'combine' | 'reduce';
type StreamingModule = { runStreamingPhase(task: Task, phase: StreamingPhase, step: number): Promise<void> };

/**
 * `launch-task --streaming map --step 0 Family [params]`: the command Hadoop
 * Streaming (and `cat | map | sort | reduce` in tests) runs. The map/reduce
 * engine owns the phase itself; it is imported only here, on demand, so the
 * CLI does not depend on it for ordinary runs.
 */
export async function runStreaming(task: Task, phase: StreamingPhase, step = 0): Promise<number> {
  const modulePath = '../mapreduce/streaming.js';
  let engine: StreamingModule;
  try {
    engine = (await import(modulePath)) as StreamingModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      throw new UsageError('--streaming needs the map/reduce engine (src/mapreduce/streaming.ts), which this build does not include.');
    throw error;
  }
  await engine.runStreamingPhase(task, phase, step);
  return ExitCode.ok;
}
