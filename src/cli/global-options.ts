import { Command, InvalidArgumentError, Option } from 'commander';

/** Options every launch-task command line accepts, before or after the family. */
export interface GlobalOptions {
  workers?: number;
  module?: string[];
  additionalConfig?: string[];
  localScheduler?: boolean;
  lock?: boolean;
  lockDir?: string;
  debug?: boolean;
  list?: boolean;
  streaming?: 'map' | 'combine' | 'reduce';
  step?: number;
  dependencyTree?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError('Expected a whole number of at least 1.');
  return n;
}

function stepNumber(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('Expected a step number (0, 1, ...).');
  return Number(value);
}

export function addGlobalOptions(command: Command, heading = 'Launch options:'): Command {
  return command
    .optionsGroup(heading)
    .option('--workers <n>', 'tasks to run at the same time (default: [core] workers, else 1)', positiveInt)
    .option('--module <module>', 'load a module that registers tasks: ./path.js or a package name (repeatable)', collect)
    .option('--additional-config <file>', 'read this INI file after the others (repeatable)', collect)
    .option('--local-scheduler', 'accepted for edX/luigi compatibility; the scheduler is always local')
    .option('--no-lock', 'do not take the lock file that stops overlapping runs of the same task')
    .option('--lock-dir <dir>', 'where lock files go (default: [core] lock_dir, else a pipewright-locks folder in the temp dir)')
    .option('--debug', 'show stack traces')
    .option('--dependency-tree', 'print the tasks below this one and whether each is complete, then stop (edX)')
    .addOption(new Option('--streaming <phase>', 'run one map/reduce phase over stdin/stdout (Hadoop Streaming)').choices(['map', 'combine', 'reduce']))
    .option('--step <n>', 'map/reduce step number for --streaming', stepNumber);
}
