import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import mysql from 'mysql2/promise';
import { MYSQL_TEST_URL } from '../../support/services.js';

/** A temp dir laid out as edX's acceptance tests upload logs: `<src>/FakeServerGroup/tracking.log-YYYYMMDD.gz`. */
export function logDir(prefix: string, logs: Record<string, string>): { root: string; src: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const src = join(root, 'src');
  mkdirSync(join(src, 'FakeServerGroup'), { recursive: true });
  for (const [day, file] of Object.entries(logs)) writeFileSync(join(src, 'FakeServerGroup', `tracking.log-${day}.gz`), gzipSync(readFileSync(file)));
  return { root, src };
}

/** A CSV of the conformance set (header + rows; no quoting needed there) as sorted rows of text cells. */
export function expectedCsv(path: string): { header: string[]; rows: string[] } {
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return { header: header!.split(','), rows: lines.sort() };
}

/** Rows read back, rendered like the CSV: the given columns joined by commas, sorted. */
export function csvRows(rows: Record<string, unknown>[], columns: readonly string[]): string[] {
  return rows.map((row) => columns.map((c) => String(row[c])).join(',')).sort();
}

/** A fresh MariaDB database; returns its URL. */
export async function freshMysqlDatabase(name: string): Promise<string> {
  const admin = await mysql.createConnection(MYSQL_TEST_URL);
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(MYSQL_TEST_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
