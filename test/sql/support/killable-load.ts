/**
 * A load run in a child process so a test can kill -9 it mid-way:
 * `node --import tsx killable-load.ts <database-url> <table> <marker-table> <rows>`.
 * Prints `rows N` after each committed-to-transaction batch and `done` after
 * the commit, then waits to be killed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { scoreLoadTask, scoreRows } from './load-tasks.js';

const [databaseUrl, table, markerTable, total] = process.argv.slice(2) as [string, string, string, string];

async function* slowRows() {
  for (const [i, row] of scoreRows(Number(total)).entries()) {
    if (i > 0 && i % 50 === 0) await sleep(20);
    yield row;
  }
}

const Load = scoreLoadTask({ table, markerTable, rows: slowRows });
const task = new Load({ databaseUrl, insertChunkSize: 50, name: 'killed' });
task.reporter = { progress: (_t, info) => info.done > 0 && process.stdout.write(`rows ${info.done}\n`) };
await task.run();
process.stdout.write('done\n');
await sleep(60_000);
