import type { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Registry } from '../core/registry.js';
import { addGlobalOptions } from './global-options.js';

/** The command line without a task family: `--list`, `--help`. */
export function programCommand(io: { stdout: Writable }): Command {
  return addGlobalOptions(new Command('launch-task'))
    .usage('<TaskFamily> [task options] [--workers N] [--module M] [--additional-config F]')
    .description('Run a Pipewright task and everything it requires that is not complete yet.')
    .option('--list', 'list the task families that can be launched')
    .version(packageVersion(), '--version', 'print the Pipewright version')
    .addHelpText('after', '\nlaunch-task <TaskFamily> --help lists that task\'s parameters.\nExit codes: 0 done or nothing to do, 1 a task failed, 2 missing input, 3 another run holds the lock, 64 usage error, 130 interrupted.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: () => {} });
}

/** `Family  first sentence of its description`, one per line, sorted. */
export function formatFamilyList(registry: Registry): string {
  const families = registry.families();
  if (families.length === 0) return 'No task families are registered. Load yours with --module ./tasks.js.\n';
  const width = Math.max(...families.map((f) => f.length));
  return families
    .map((family) => {
      const about = registry.get(family)?.description?.split(/(?<=\.)\s/)[0] ?? '';
      return `${family.padEnd(width)}  ${about}`.trimEnd() + '\n';
    })
    .join('');
}

function packageVersion(): string {
  // dist/cli/ and src/cli/ are both two levels below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
