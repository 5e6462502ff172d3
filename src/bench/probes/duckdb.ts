import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { answerDistributionSql, filterSql } from './duckdb-sql.js';
import { isEntryPoint, runProbe } from './entry.js';
import { inputFiles } from './input-chunks.js';

/**
 * DuckDB baseline, run in its own process so its memory is measured alone.
 * Usage: node duckdb.js filter|answer-dist THREADS DIR... [--out FILE.tsv]
 * Prints one JSON line: {events} for filter, {rows} for answer-dist.
 */
export async function duckdbFilter(roots: string[], threads: number): Promise<{ events: number }> {
  const rows = await query(filterSql(inputFiles(roots)), threads);
  return { events: Number(rows[0]![0]) };
}

/** The answer distribution rows as TSV cells (null as \N), sorted; written to `out` when given. */
export async function duckdbAnswerDistribution(roots: string[], threads: number, out?: string): Promise<{ rows: number; tsv: string[] }> {
  const rows = await query(answerDistributionSql(inputFiles(roots)), threads);
  const tsv = rows.map((row) => row.map((cell) => (cell === null ? '\\N' : escapeCell(String(cell)))).join('\t'));
  if (out) writeFileSync(out, tsv.join('\n') + '\n');
  return { rows: rows.length, tsv };
}

/** One row per line: backslash, tab, newline and CR escaped as in the project's canonical TSV. */
const escapeCell = (text: string) => text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

async function query(sql: string, threads: number): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRows();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function main(argv: string[]): Promise<unknown> {
  const outAt = argv.indexOf('--out');
  const out = outAt === -1 ? undefined : argv.splice(outAt, 2)[1];
  const [which, threads, ...roots] = argv;
  const threadCount = Number(threads);
  if ((which !== 'filter' && which !== 'answer-dist') || !(threadCount >= 1) || roots.length === 0)
    throw new Error('usage: duckdb.js filter|answer-dist THREADS DIR... [--out FILE.tsv]');
  if (which === 'filter') return duckdbFilter(roots, threadCount);
  const { rows } = await duckdbAnswerDistribution(roots, threadCount, out);
  return { rows };
}

if (isEntryPoint(import.meta.url)) runProbe(() => main(process.argv.slice(2)));
