import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/index.js';
import { planSplits } from '../eventlog/reader/index.js';
import { annotate } from './failure.js';
import { groupSorted, type EncodedRecord } from './grouping.js';
import type { MapReduceTask } from './job.js';
import { partitionOf } from './keys.js';
import { mapSplit } from './map-input.js';
import { MapPhase, reduceGroups } from './phases.js';
import { freshInstance, partName, type MapReduceRunner } from './runner.js';
import { combineSorted, sortRecords, type BufferedRecord } from './sorted-run.js';
import type { MapReduceStep } from './step.js';

/**
 * Everything in this thread and in memory: for tests and debugging, where a
 * breakpoint in a mapper just works and job errors keep their own stack.
 * Still one fresh task instance per input file and per partition, so state
 * that only works on one machine shows up here first.
 */
export class InlineRunner implements MapReduceRunner {
  async run(task: MapReduceTask): Promise<void> {
    const steps = task.checkedSteps();
    const files = await task.inputFiles();
    if (files.length === 0) throw new InputError(`${task.family} has no input files; check what it reads (inputFiles()).`);
    const partitions = task.nReduceTasks;
    await task.output().build(async (outDir) => {
      // Step 0 maps the input files; later steps map the partitions of the step before.
      let previous: EncodedRecord[][] | undefined;
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i]!;
        const mapped: BufferedRecord[] = [];
        if (previous === undefined) {
          for (const split of await planSplits(files, Number.MAX_SAFE_INTEGER)) {
            const out: BufferedRecord[] = [];
            await runPhase(task, (t) => new MapPhase(t, step, i, collect(out, partitions)), (phase) =>
              mapSplit(split, phase, { records: false, prefilter: task.mapperPrefilter, onCorrupt: task.onCorruptInput, counters: phase.task.counters }),
            );
            for (const r of combine(task, step, i, out, partitions)) mapped.push(r);
          }
        } else {
          for (const [p, records] of previous.entries()) {
            const out: BufferedRecord[] = [];
            await runPhase(task, (t) => new MapPhase(t, step, i, collect(out, partitions)), async (phase) => {
              for (const [n, [key, value]] of records.entries()) {
                try {
                  phase.record(key, value);
                } catch (error) {
                  throw annotate(error, `${phase.who} failed on record ${n + 1} of partition ${p} of step ${i - 1}`);
                }
              }
            });
            for (const r of combine(task, step, i, out, partitions)) mapped.push(r);
          }
        }
        sortRecords(mapped);
        const reduced: EncodedRecord[][] = Array.from({ length: partitions }, () => []);
        for (let p = 0; p < partitions; p++) {
          const instance = freshInstance(task);
          const records = mapped.filter((r) => r.partition === p).map((r): EncodedRecord => [r.key, r.value]);
          reduceGroups(instance, step, i, 'reducer', groupSorted(records), (key, value) => reduced[p]!.push([key, value]));
          task.counters.merge(instance.counters);
        }
        previous = reduced;
      }
      for (const [p, records] of previous!.entries()) {
        const lines = records.map(([key, value]) => task.formatOutput(JSON.parse(key), JSON.parse(value)) + '\n');
        await writeFile(join(outDir, partName(p)), lines.join(''));
      }
    });
  }
}

function collect(out: BufferedRecord[], partitions: number) {
  return (key: string, value: string) => void out.push({ partition: partitionOf(key, partitions), key, value });
}

async function runPhase(task: MapReduceTask, make: (instance: MapReduceTask) => MapPhase, body: (phase: MapPhase) => Promise<void>): Promise<void> {
  const instance = freshInstance(task);
  const phase = make(instance);
  phase.start();
  await body(phase);
  phase.finish();
  task.counters.merge(instance.counters);
}

function combine(task: MapReduceTask, step: MapReduceStep, i: number, records: BufferedRecord[], partitions: number): BufferedRecord[] {
  if (!step.combiner) return records;
  sortRecords(records);
  const instance = freshInstance(task);
  const out = combineSorted(records, partitions, (groups, emit) => reduceGroups(instance, step, i, 'combiner', groups, emit));
  task.counters.merge(instance.counters);
  return out;
}
