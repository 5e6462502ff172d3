#!/usr/bin/env node
// The track-collector command: a thin shell around dist/tracking/cli.js (compiled by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/tracking/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('track-collector: dist/ is missing; run `npm run build` in the pipewright package first.\n');
  process.exitCode = 64;
} else {
  const { main } = await import(cli.href);
  const code = await main(process.argv.slice(2));
  // undefined: running until SIGTERM/SIGINT, when the shutdown hooks drain and exit.
  if (code !== undefined) process.exitCode = code;
}
