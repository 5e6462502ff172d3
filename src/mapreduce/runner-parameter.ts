import { availableParallelism } from 'node:os';
import { ChoiceParameter, p, registry, UsageError } from '../core/index.js';

export const RUNNER_NAMES = ['inline', 'local', 'hadoop'] as const;
export type RunnerName = (typeof RUNNER_NAMES)[number];

registry.declareSection('mapreduce', ['runner']);

/**
 * `--runner`: its default is read when a task is built, from `[mapreduce]
 * runner` in the config in force, else `local`. (A `[Family] runner` key
 * still overrides it per task, like any parameter.)
 */
class RunnerParameter extends ChoiceParameter<RunnerName> {
  constructor() {
    super(RUNNER_NAMES, { description: 'where map/reduce runs: inline (one thread, for debugging), local (all cores), hadoop (Hadoop Streaming)', identity: false });
    Object.defineProperty(this, 'hasDefault', { value: true });
    Object.defineProperty(this, 'defaultValue', {
      get: () => {
        const configured = registry.config.get('mapreduce', 'runner')?.trim();
        if (configured === undefined) return 'local';
        if (!(RUNNER_NAMES as readonly string[]).includes(configured))
          throw new UsageError(`[mapreduce] runner = ${configured} is not a runner; use one of ${RUNNER_NAMES.join(', ')} (or pass --runner).`);
        return configured;
      },
    });
  }
}

/** The engine parameters every MapReduceTask has; none of them changes what is computed, so none is in the task id. */
export const mapReduceParameters = {
  runner: new RunnerParameter(),
  nReduceTasks: p.int({ default: availableParallelism(), identity: false, description: 'reduce partitions, one part file each (edX --n-reduce-tasks)' }),
  mapWorkers: p.int({ default: availableParallelism(), defaultText: `the core count, ${availableParallelism()} here`, identity: false, description: 'worker threads of the local runner' }),
  sortBufferMb: p.float({ default: 32, identity: false, description: 'map output kept in memory per worker before a sorted run is spilled to disk' }),
  onCorruptInput: p.choice(['error', 'skip'] as const, { default: 'error', identity: false, description: 'a corrupt or truncated gzip input: fail (error) or count it and go on (skip)' }),
};
