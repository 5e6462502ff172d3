/**
 * LmsTableReader on a real SQLite LMS: whatever the page size, the same rows
 * come out in key order, and every row read is either a line or a counted skip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../../src/sql/index.js';
import { LmsTableReader } from '../../../src/tasks/warehouse/lms-table-reader.js';

const root = mkdtempSync(join(tmpdir(), 'lms-reader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Five NULL ids (more than a page), id 3 four times, ids past 2^53, text and a real in an INT column. */
function lms(): string {
  const path = join(root, 'lms.sqlite');
  const db = new Database(path);
  db.exec('CREATE TABLE t (id INT, name TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  for (const [id, name] of [
    [null, 'n1'], [null, 'n2'], [null, 'n3'], [null, 'n4'], [null, 'n5'],
    [3, 'three'], [1, 'one'], [3, 'three'], [2, 'two'], [3, 'three'], [3, 'three'],
    [9_007_199_254_740_993n, 'big+1'], [9_007_199_254_740_992n, 'big'], [4.5, 'four and a half'], ['abc', 'text'],
  ] as const)
    insert.run(id, name);
  db.close();
  return `sqlite:${path}`;
}

async function readAll(url: string, pageRows: number | undefined) {
  const reader = await LmsTableReader.open(parseDatabaseUrl(url), { table: 't', columns: ['id', 'name'], key: 'id', pageRows });
  const lines: string[] = [];
  try {
    for await (const page of reader.pages()) lines.push(...page.map((cells) => cells.join('\t')));
  } finally {
    await reader.close();
  }
  return { lines, skipped: Object.fromEntries(reader.counts.skipped) };
}

describe('LmsTableReader', () => {
  const url = lms();
  const expected = {
    lines: ['1\tone', '2\ttwo', '3\tthree', '4.5\tfour and a half', '9007199254740992\tbig', '9007199254740993\tbig+1', 'abc\ttext'],
    skipped: { 'Skip NULL id': 5, 'Skip Duplicate id': 3 },
  };

  it.each([undefined, 1, 2, 3, 4, 100])('reads the same rows and counts the same skips in pages of %s', async (pageRows) => {
    const read = await readAll(url, pageRows);
    expect(read).toEqual(expected);
    expect(read.lines.length + 5 + 3).toBe(15);
  });
});
