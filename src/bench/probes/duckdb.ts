import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { inputFiles } from './input-chunks.js';
import { answerDistributionSql, filterSql } from './duckdb-sql.js';

/**
 * DuckDB baseline, in its own process so its memory is measured alone.
 * Usage: node duckdb.js filter|answer-dist THREADS DIR... [--out FILE.tsv]
 * Prints one JSON line: {rows} for answer-dist, {events} for filter.
 */
async function main(argv: string[]): Promise<void> {
  const outAt = argv.indexOf('--out');
  const out = outAt === -1 ? undefined : argv.splice(outAt, 2)[1];
  const [query, threads, ...roots] = argv;
  if ((query !== 'filter' && query !== 'answer-dist') || !threads || roots.length === 0)
    throw new Error('usage: duckdb.js filter|answer-dist THREADS DIR... [--out FILE.tsv]');
  const files = inputFiles(roots);
  const instance = await DuckDBInstance.create(':memory:', { threads });
  const connection = await instance.connect();
  if (query === 'filter') {
    const reader = await connection.runAndReadAll(filterSql(files));
    process.stdout.write(JSON.stringify({ events: Number(reader.getRows()[0]![0]) }) + '\n');
  } else {
    const reader = await connection.runAndReadAll(answerDistributionSql(files));
    const rows = reader.getRows();
    if (out) writeFileSync(out, rows.map((row) => row.map((cell) => (cell === null ? '\\N' : String(cell))).join('\t')).join('\n') + '\n');
    process.stdout.write(JSON.stringify({ rows: rows.length }) + '\n');
  }
  connection.closeSync();
  instance.closeSync();
}

await main(process.argv.slice(2));
