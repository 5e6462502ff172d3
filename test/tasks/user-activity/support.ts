import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { queryRows } from '../../../src/sql/index.js';

/** A temp dir laid out as edX's acceptance tests upload logs, with a config naming the warehouse. */
export interface LogWorkDir {
  root: string;
  /** The `source` folder: logs go to `<source>/FakeServerGroup/tracking.log-YYYYMMDD.gz`. */
  source: string;
  warehouse: string;
  config: string;
}

export function logWorkDir(prefix: string): LogWorkDir {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const source = join(root, 'src');
  mkdirSync(join(source, 'FakeServerGroup'), { recursive: true });
  const warehouse = join(root, 'warehouse');
  const config = join(root, 'acceptance.cfg');
  writeFileSync(
    config,
    ['[event-logs]', 'pattern = [".*tracking.log-(?P<date>\\d{8}).*\\.gz"]', 'expand_interval = 2 days', '[hive]', `warehouse_path = ${warehouse}`, ''].join('\n'),
  );
  return { root, source, warehouse, config };
}

/** edX's upload_tracking_log: the whole file, gzipped, as one day's log. */
export function uploadLog(dir: LogWorkDir, logFile: string, yyyymmdd: string): void {
  writeFileSync(join(dir.source, 'FakeServerGroup', `tracking.log-${yyyymmdd}.gz`), gzipSync(readFileSync(logFile)));
}

/** Rotated daily logs as a real site has them: the events of day D in `tracking.log-(D+1).gz`. */
export function uploadDailyLogs(dir: LogWorkDir, logFile: string): void {
  const byFile = new Map<string, string[]>();
  for (const line of readFileSync(logFile, 'utf8').split('\n').filter(Boolean)) {
    const day = (JSON.parse(line) as { time: string }).time.slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    byFile.set(next, [...(byFile.get(next) ?? []), line]);
  }
  for (const [yyyymmdd, lines] of byFile)
    writeFileSync(join(dir.source, 'FakeServerGroup', `tracking.log-${yyyymmdd}.gz`), gzipSync(lines.join('\n') + '\n'));
}

/** A conformance CSV (header + rows, `\N` = NULL) as sorted row texts. */
export function expectedCsvRows(file: string): string[] {
  const [, ...lines] = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.sort();
}

/** A table's rows in the CSV's column order, rendered the same way, sorted. */
export async function tableRows(db: string, table: string, columns: readonly string[]): Promise<string[]> {
  const rows = await queryRows<Record<string, unknown>>(db, `SELECT ${columns.join(', ')} FROM ${table}`);
  return rows.map((row) => columns.map((c) => (row[c] === null ? '\\N' : String(row[c]))).join(',')).sort();
}
