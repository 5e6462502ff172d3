import { DefinitionError, flatten, Task, UsageError } from '../core/index.js';
import { DirectoryTarget, LocalTarget } from '../targets/index.js';
import { encodeJson, parseRecord } from './keys.js';
import { mapReduceParameters, type RunnerName } from './runner-parameter.js';
import { runnerFor } from './runners.js';
import type { MapReduceStep, Pairs } from './step.js';

/**
 * A map/reduce job as a task. Declare `*mapper(line)`, optionally
 * `*combiner(key, values)`, `*reducer(key, values)` and the init/final hooks
 * (see MapReduceStep), or return several steps from `steps()`. Count things
 * with `this.incrementCounter(group, name)`. run() hands the job to the runner
 * named by `--runner`; output() must be a DirectoryTarget of part files.
 *
 * The local runner rebuilds the task in worker threads from its family and
 * parameters, so it must find the class there: it imports `static moduleUrl`
 * (set it to `import.meta.url`), the modules in registry.modules (`--module`)
 * and the built-in library, and takes the class registered under the family,
 * or else the one exported under that family name.
 */
export abstract class MapReduceTask extends Task {
  static override parameters = { ...Task.parameters, ...mapReduceParameters };
  /** The module that defines this class, for worker threads and Hadoop nodes: `static moduleUrl = import.meta.url`. */
  static moduleUrl?: string;

  declare runner: RunnerName;
  declare nReduceTasks: number;
  declare mapWorkers: number;
  declare sortBufferMb: number;
  declare onCorruptInput: 'error' | 'skip';

  /** Only raw input lines containing these bytes are decoded and mapped (step 0). Set it when most lines are irrelevant. */
  mapperPrefilter?: string;

  mapper?(...input: any[]): Pairs;
  combiner?(key: any, values: Iterable<any>): Pairs;
  reducer?(key: any, values: Iterable<any>): Pairs;
  mapperInit?(): void;
  mapperFinal?(): Pairs | void;
  combinerInit?(): void;
  combinerFinal?(): Pairs | void;
  reducerInit?(): void;
  reducerFinal?(): Pairs | void;

  abstract override output(): DirectoryTarget;

  /** The steps of the job. Default: one step made of this class's own methods. */
  steps(): MapReduceStep[] {
    return [
      {
        mapper: this.mapper,
        combiner: this.combiner,
        reducer: this.reducer,
        mapperInit: this.mapperInit,
        mapperFinal: this.mapperFinal,
        combinerInit: this.combinerInit,
        combinerFinal: this.combinerFinal,
        reducerInit: this.reducerInit,
        reducerFinal: this.reducerFinal,
      },
    ];
  }

  /** The input files, read line by line. Default: the files of input(): LocalTarget paths and DirectoryTarget part files. */
  async inputFiles(): Promise<string[]> {
    const files: string[] = [];
    for (const target of flatten(this.input())) {
      if (target instanceof DirectoryTarget) files.push(...(await target.partFiles()));
      else if (target instanceof LocalTarget) files.push(target.path);
      else throw new DefinitionError(`${this.family}: cannot read input ${String(target)} line by line; override inputFiles() to list its files.`);
    }
    return files;
  }

  /** One line of a part file of the last step. Default: `keyJSON<TAB>valueJSON`, what parseInput() reads back. */
  formatOutput(key: unknown, value: unknown): string {
    return encodeJson(key) + '\t' + encodeJson(value);
  }

  /** Reads a line another job's formatOutput() wrote: call it in a mapper that reads MapReduceTask output. */
  parseInput(line: string): [key: any, value: any] {
    return parseRecord(line);
  }

  override async run(): Promise<void> {
    await runnerFor(this.runner).run(this);
  }

  /** The steps, checked once: every runner calls this rather than steps(). */
  checkedSteps(): MapReduceStep[] {
    const steps = this.steps();
    if (!Array.isArray(steps) || steps.length === 0) throw new DefinitionError(`${this.family}.steps() returned no steps; define mapper()/reducer() or return at least one step.`);
    if (!steps[0]!.mapper) throw new DefinitionError(`${this.family}: the first step has no mapper(line); define mapper() or give steps()[0] one.`);
    if (this.nReduceTasks < 1) throw new UsageError(`${this.family}: --n-reduce-tasks must be at least 1 (got ${this.nReduceTasks}).`);
    return steps;
  }
}
