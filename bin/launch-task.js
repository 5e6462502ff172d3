#!/usr/bin/env node
// The launch-task command: a thin shell around dist/cli (compiled by `npm run build`).
// It is the only place that sets the process exit code.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`launch-task --help | head`) is no error: drop the rest of the output,
// as cat does, instead of dying with a stack trace; a run goes on and keeps its exit code.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const cli = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('launch-task: dist/ is missing; run `npm run build` in the pipewright package first.\n');
  process.exitCode = 64;
} else {
  const { main } = await import(cli.href);
  process.exitCode = await main(process.argv.slice(2));
}
