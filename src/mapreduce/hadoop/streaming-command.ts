import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registry, toKebab, type TaskClass } from '../../core/index.js';
import { moduleSpecifier } from '../local/blueprint.js';
import type { MapReduceTask } from '../job.js';
import type { Phase } from '../step.js';
import type { HadoopConfig } from './hadoop-config.js';

/** Quote for Hadoop Streaming's command splitting (which honours single quotes like a shell). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The modules a node must load to find the job: the class's own moduleUrl
 * and the --module modules of this run. Local files are shipped with -files
 * and loaded as `--module ./NAME` from the task's working directory; package
 * names are passed as they are (install them on the nodes).
 */
export function nodeModules(task: MapReduceTask): { ship: string[]; load: string[] } {
  const cls = task.constructor as TaskClass & { moduleUrl?: string };
  const own = Object.hasOwn(cls, 'moduleUrl') && cls.moduleUrl ? [cls.moduleUrl] : [];
  const ship: string[] = [];
  const load: string[] = [];
  for (const specifier of new Set([...own, ...registry.modules.map(moduleSpecifier)])) {
    if (specifier.startsWith('file:')) {
      const path = fileURLToPath(specifier);
      ship.push(path);
      load.push(`./${basename(path)}`);
    } else load.push(specifier);
  }
  return { ship, load };
}

/** `launch-task --streaming map --step 0 Family --param value ...`: what a node runs for one phase. */
export function phaseCommand(task: MapReduceTask, config: HadoopConfig, phase: Phase, step: number): string {
  const cls = task.constructor as TaskClass;
  const words = ['--streaming', phase, '--step', String(step)];
  for (const module of nodeModules(task).load) words.push('--module', module);
  words.push(task.family);
  for (const [name, spec] of Object.entries(cls.parameters)) {
    if (name === 'runner') continue;
    words.push(`--${toKebab(name)}`, spec.serialize(task.params[name]));
  }
  return [config.launchCommand, ...words.map(shellQuote)].join(' ');
}

/** The argv of `hadoop jar <streaming jar> ...` for one step. Generic options (-D, -files) come first, as Hadoop requires. */
export function streamingArgs(task: MapReduceTask, config: HadoopConfig, step: number, inputs: string[], output: string): string[] {
  const steps = task.checkedSteps();
  const files = [...nodeModules(task).ship, ...config.files];
  const args = [
    'jar',
    config.streamingJar,
    '-D',
    `mapreduce.job.name=${task.family} step ${step + 1} of ${steps.length}`,
    '-D',
    `mapreduce.job.reduces=${task.nReduceTasks}`,
    // Keys are compared as bytes, the same order as every other runner.
    '-D',
    'mapreduce.job.output.key.comparator.class=org.apache.hadoop.io.Text$Comparator',
  ];
  if (files.length > 0) args.push('-files', files.join(','));
  for (const input of inputs) args.push('-input', input);
  args.push('-output', output, '-mapper', phaseCommand(task, config, 'map', step));
  if (steps[step]!.combiner) args.push('-combiner', phaseCommand(task, config, 'combine', step));
  args.push('-reducer', phaseCommand(task, config, 'reduce', step), '-numReduceTasks', String(task.nReduceTasks));
  return args;
}
