import { InlineRunner } from './inline-runner.js';
import type { MapReduceRunner } from './runner.js';
import type { RunnerName } from './runner-parameter.js';

/** The runner behind `--runner NAME`. The local and Hadoop runners load on first use. */
export function runnerFor(name: RunnerName): MapReduceRunner {
  switch (name) {
    case 'inline':
      return new InlineRunner();
    case 'local':
      return { run: async (task) => new (await import('./local/local-runner.js')).LocalRunner().run(task) };
    case 'hadoop':
      return { run: async (task) => new (await import('./hadoop/hadoop-runner.js')).HadoopRunner().run(task) };
  }
}
