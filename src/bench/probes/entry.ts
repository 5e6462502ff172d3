import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when the module at `url` is the script node was started with, so a
 * probe can be both a child-process entry point (what the bench measures)
 * and an importable function (what the tests check).
 */
export function isEntryPoint(url: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
}

/** Runs a probe's main, printing its result as one JSON line; a failure is one line on stderr and exit 1. */
export function runProbe(main: () => Promise<unknown>): void {
  main().then(
    (result) => process.stdout.write(JSON.stringify(result) + '\n'),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
