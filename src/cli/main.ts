import type { Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { ExitCode, UsageError, isUserFacing } from '../core/errors.js';
import { loadConfigLayers } from '../core/config-files.js';
import { checkConfigKeys } from '../core/config-check.js';
import { registry } from '../core/registry.js';
import { closestMatch } from '../core/suggest.js';
import type { Task, TaskClass } from '../core/task.js';
import { formatDependencyTree } from '../scheduler/dependency-tree.js';
import { defaultLockDir } from '../scheduler/lock.js';
import { runTasks } from '../scheduler/run-tasks.js';
import { scanArgv, type ArgvScan } from './argv-scan.js';
import { configuredModules, configuredWorkers } from './core-section.js';
import { formatFamilyList, programCommand } from './program-command.js';
import { applyFamilyFlags } from './family-flags.js';
import { loadUserModules } from './load-modules.js';
import { stopOnSignals } from './interrupt.js';
import { runStreaming } from './streaming.js';
import { buildTaskCommand, parseTaskCommand, type ParsedTaskCommand } from './task-command.js';

export interface CliIo {
  stdout: Writable;
  /** Progress, the summary and errors: stdout stays free for data (--streaming, --dependency-tree, --list). */
  stderr: Writable;
  cwd: string;
}

/**
 * `launch-task <Family> [--param value...] [--workers N] [--module M...]`:
 * returns the exit code (the caller sets process.exitCode; nothing here exits).
 * Errors a user can cause print one line; --debug adds the stack.
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }): Promise<number> {
  const scan = scanArgv(argv);
  try {
    return await launch(argv, scan, io);
  } catch (error) {
    return report(error, scan.debug, io);
  }
}

async function launch(argv: readonly string[], scan: ArgvScan, io: CliIo): Promise<number> {
  registry.config = loadConfigLayers({ cwd: io.cwd, additional: scan.additionalConfig });
  await import('../tasks/index.js');
  await loadUserModules([...configuredModules(registry.config), ...scan.modules], io.cwd);
  argv = applyFamilyFlags(argv, registry, registry.config);
  checkConfigKeys(registry.config, registry);

  const familyIndex = scanArgv(argv).familyIndex;
  if (familyIndex < 0) {
    const program = programCommand(io);
    program.parse(argv as string[], { from: 'user' });
    if (program.opts().list) {
      io.stdout.write(formatFamilyList(registry));
      return ExitCode.ok;
    }
    program.outputHelp();
    return ExitCode.usage;
  }
  const family = argv[familyIndex]!;
  const cls = findFamily(family);
  const command = buildTaskCommand(cls);
  command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => {} });
  const parsed = parseTaskCommand(cls, command, [...argv.slice(0, familyIndex), ...argv.slice(familyIndex + 1)]);
  const task = construct(cls, parsed);
  if (parsed.globals.dependencyTree) {
    io.stdout.write(await formatDependencyTree([task]));
    return ExitCode.ok;
  }
  if (parsed.globals.streaming) return runStreaming(task, parsed.globals.streaming, parsed.globals.step);
  return runRoot(task, parsed, io);
}

async function runRoot(task: Task, { globals }: ParsedTaskCommand, io: CliIo): Promise<number> {
  const controller = new AbortController();
  const removeHandlers = stopOnSignals(controller, io.stderr);
  const result = await runTasks([task], {
    signal: controller.signal,
    workers: globals.workers ?? configuredWorkers(registry.config) ?? 1,
    lockDir: globals.lock === false ? undefined : (globals.lockDir ?? registry.config.get('core', 'lock_dir') ?? defaultLockDir()),
    display: 'auto',
    output: io.stderr,
    debug: globals.debug,
  }).finally(removeHandlers);
  io.stderr.write(result.summary + '\n');
  return result.exitCode;
}

function findFamily(family: string): TaskClass {
  const cls = registry.get(family);
  if (cls) return cls;
  const hint = closestMatch(family, registry.families());
  throw new UsageError(`Unknown task family '${family}'.${hint ? ` Did you mean ${hint}?` : ''} (launch-task --list shows them all; --module loads your own.)`);
}

function construct(cls: TaskClass, parsed: ParsedTaskCommand): Task {
  const Concrete = cls as unknown as new (params: Record<string, unknown>) => Task;
  return new Concrete(parsed.params);
}

function report(error: unknown, debug: boolean, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    io.stderr.write(`launch-task: ${error.message.replace(/^error: /, '').replace(/\n+/g, ' ').trim()}\n`);
    return ExitCode.usage;
  }
  if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  else if (isUserFacing(error)) io.stderr.write(`launch-task: ${error.message}\n`);
  else io.stderr.write(`launch-task: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (run with --debug for the stack trace)\n`);
  return isUserFacing(error) ? error.exitCode : ExitCode.taskFailed;
}
