/**
 * A load run in a child process so a test can kill -9 it mid-way:
 * `node --import tsx killable-load.ts <database-url> <table> <marker-table> <rows> [pause-at]`.
 * Prints `rows N` after each batch is inserted (not yet committed) and `done`
 * after the commit, then waits to be killed. With pause-at, rows() stalls at
 * that row so the kill surely lands inside the transaction.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { scoreLoadTask, scoreRows } from './load-tasks.js';

const [databaseUrl, table, markerTable, total, pauseAt] = process.argv.slice(2) as [string, string, string, string, string?];

async function* slowRows() {
  for (const [i, row] of scoreRows(Number(total)).entries()) {
    if (i > 0 && i % 50 === 0) await sleep(20);
    if (pauseAt !== undefined && i === Number(pauseAt)) await sleep(60_000);
    yield row;
  }
}

const Load = scoreLoadTask({ table, markerTable, rows: slowRows });
const task = new Load({ databaseUrl, insertChunkSize: 50, name: 'killed' });
task.reporter = { progress: (_t, info) => info.done > 0 && process.stdout.write(`rows ${info.done}\n`) };
await task.run();
process.stdout.write('done\n');
await sleep(60_000);
