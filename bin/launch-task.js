#!/usr/bin/env node
// The launch-task command: a thin shell around dist/cli (compiled by `npm run build`).
// It is the only place that sets the process exit code.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('launch-task: dist/ is missing; run `npm run build` in the pipewright package first.\n');
  process.exitCode = 64;
} else {
  const { main } = await import(cli.href);
  process.exitCode = await main(process.argv.slice(2));
}
