import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../core/index.js';
import { planSplits } from '../../eventlog/reader/index.js';
import { makeOutputDir, removeStaleTemps, siblingTempPath } from '../../targets/index.js';
import type { MapReduceTask } from '../job.js';
import { partName, type MapReduceRunner } from '../runner.js';
import { describeTask } from './blueprint.js';
import { segmentsOf, spillPrefix, type Spill } from './map-output-buffer.js';
import { needsTypeScript, WorkerPool, type JobGroup } from './worker-pool.js';

const MIN_SPLIT = 64 * 1024;
const MAX_SPLIT = 64 * 1024 * 1024;

/**
 * All cores of one machine. Per step: the input is cut into splits (per file,
 * and large plain files by byte range), mapped by `mapWorkers` worker threads
 * into sorted runs spilled to disk past `sortBufferMb`, then each of the
 * `nReduceTasks` partitions is k-way merged into the reducer, partitions in
 * parallel. Intermediate data lives in a work directory beside the output
 * and is removed however the run ends.
 *
 * The worker threads come from the run (task.resources, lent by runTasks):
 * one pool per size, kept across the map/reduce tasks of the run, so each
 * thread loads and JIT-compiles the engine once. Without one (a task run by
 * hand, a test), the job starts its own pool and closes it when done.
 */
export class LocalRunner implements MapReduceRunner {
  async run(task: MapReduceTask): Promise<void> {
    const steps = task.checkedSteps();
    const files = await task.inputFiles();
    if (files.length === 0) throw new InputError(`${task.family} has no input files; check what it reads (inputFiles()).`);
    const output = task.output();
    const workDir = siblingTempPath(output.path + '-work');
    const blueprint = describeTask(task);
    const size = Math.max(1, task.mapWorkers);
    const typeScript = needsTypeScript(blueprint);
    const shared = task.resources;
    const pool = shared
      ? shared.get(`local-runner-workers:${size}:${typeScript ? 'ts' : 'js'}`, () => new WorkerPool(size, typeScript), (p) => p.close())
      : new WorkerPool(size, typeScript);
    const jobs = pool.group(blueprint, (counters) => task.counters.merge(counters));
    await makeOutputDir(workDir, output.path); // beside the output: an unwritable --dest fails here, in one line
    await removeStaleTemps(output.path + '-work'); // spills of a killed run of this job
    try {
      await output.build(async (outDir) => {
        let inputs = files;
        for (let i = 0; i < steps.length; i++) {
          const last = i === steps.length - 1;
          const spillDir = join(workDir, `step-${i}-spills`);
          const stepOut = last ? outDir : join(workDir, `step-${i}-output`);
          await mkdir(spillDir);
          if (!last) await mkdir(stepOut);
          const spills = await this.#map(task, jobs, i, inputs, spillDir, steps.length);
          await this.#reduce(task, jobs, i, spills, stepOut, last, spillDir);
          await rm(spillDir, { recursive: true, force: true });
          if (i > 0) await rm(join(workDir, `step-${i - 1}-output`), { recursive: true, force: true });
          inputs = (await readdir(stepOut)).sort().map((name) => join(stepOut, name));
        }
      });
    } finally {
      // On failure, stop this job's other work before its files are removed; a shared pool stays for the run.
      await (shared ? jobs.cancel() : pool.close());
      await rm(workDir, { recursive: true, force: true });
    }
  }

  async #map(task: MapReduceTask, pool: JobGroup, step: number, inputs: string[], spillDir: string, stepCount: number): Promise<Spill[]> {
    let total = 0;
    for (const file of inputs) total += (await stat(file)).size;
    // About two splits per worker, so a slow split does not leave cores idle.
    const target = Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, Math.ceil(total / (2 * pool.size))));
    const splits = await planSplits(inputs, target);
    let done = 0;
    const results = await Promise.all(
      splits.map(async (split, n) => {
        const { spills } = await pool.run({
          kind: 'map',
          step,
          split,
          spillPrefix: spillPrefix(spillDir, n),
          partitions: task.nReduceTasks,
          budgetBytes: task.sortBufferMb * 1024 * 1024,
        });
        task.reportProgress({ done: ++done, total: splits.length, unit: 'map tasks', message: `step ${step + 1} of ${stepCount}: map` });
        return spills;
      }),
    );
    return results.flat();
  }

  async #reduce(task: MapReduceTask, pool: JobGroup, step: number, spills: Spill[], outDir: string, final: boolean, spillDir: string): Promise<void> {
    const partitions = Array.from({ length: task.nReduceTasks }, (_, p) => p);
    let done = 0;
    await Promise.all(
      partitions.map(async (partition) => {
        await pool.run({ kind: 'reduce', step, partition, segments: segmentsOf(spills, partition), outPath: join(outDir, partName(partition)), mergePrefix: join(spillDir, `reduce-${partition}`), final });
        task.reportProgress({ done: ++done, total: partitions.length, unit: 'reduce tasks', message: `step ${step + 1}: reduce` });
      }),
    );
  }
}
