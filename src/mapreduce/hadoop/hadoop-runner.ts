import { spawn } from 'node:child_process';
import { InputError } from '../../core/index.js';
import { StampedDirectoryTarget } from '../../targets/index.js';
import { JobFailedError } from '../failure.js';
import type { MapReduceTask } from '../job.js';
import type { MapReduceRunner } from '../runner.js';
import { hadoopConfig, type HadoopConfig } from './hadoop-config.js';
import { parseHadoopCounters, probableCause } from './failure-cause.js';
import { streamingArgs } from './streaming-command.js';

/**
 * Hadoop Streaming: one `hadoop jar <streaming jar>` per step, each phase
 * run on the nodes as `launch-task --streaming ...`. Steps before the last
 * write to `<output>-step-N` (removed after the run); the last writes the
 * output directory, where Hadoop's committer writes _SUCCESS.
 */
export class HadoopRunner implements MapReduceRunner {
  async run(task: MapReduceTask): Promise<void> {
    const config = hadoopConfig(task.family);
    const steps = task.checkedSteps();
    let inputs = await task.inputFiles();
    if (inputs.length === 0) throw new InputError(`${task.family} has no input files; check what it reads (inputFiles()).`);
    const output = task.output().path;
    const intermediate: string[] = [];
    try {
      for (let i = 0; i < steps.length; i++) {
        const out = i === steps.length - 1 ? output : `${output}-step-${i}`;
        if (out !== output) intermediate.push(out);
        // Hadoop refuses an existing output directory; one left by an interrupted run is not output (no _SUCCESS).
        await runQuietly(config.command, ['fs', '-rm', '-r', '-f', out]);
        await runHadoop(task, config, streamingArgs(task, config, i, inputs, out), i);
        inputs = [out];
      }
      const target = task.output();
      if (target instanceof StampedDirectoryTarget) await target.stampInPlace(); // Hadoop wrote it in place
    } finally {
      for (const dir of intermediate) await runQuietly(config.command, ['fs', '-rm', '-r', '-f', dir]);
    }
  }
}

async function runHadoop(task: MapReduceTask, config: HadoopConfig, args: string[], step: number): Promise<void> {
  const child = spawn(config.command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
  let output = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    output += text;
    // Keep memory bounded on chatty clients: the cause and counters are near the end.
    if (output.length > 8 * 1024 * 1024) output = output.slice(-4 * 1024 * 1024);
    process.stderr.write(text);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new JobFailedError(`${task.family}: cannot run ${config.command} (${error.message}); set [hadoop] command.`)));
    child.once('close', resolve);
  });
  task.counters.merge(parseHadoopCounters(output));
  if (code !== 0) throw new JobFailedError(`${task.family} step ${step + 1} failed on Hadoop (exit code ${code}): ${probableCause(output, config.yarnCommand)}`);
}

async function runQuietly(command: string, args: string[]): Promise<void> {
  await new Promise<void>((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', () => resolve());
    child.once('close', () => resolve());
  });
}
