import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test, vi } from 'vitest';
import { queryRows } from '../../src/sql/index.js';
import { scoreLoadTask, scoreRows } from './support/load-tasks.js';

function withDefaultFile(path: string) {
  const Base = scoreLoadTask({ table: 'scores', markerTable: 'table_updates', rows: () => scoreRows(3) });
  return class DefaultLoad extends Base {
    override defaultSqlitePath() {
      return path;
    }
  };
}

test('when no database is named then the load goes to the default SQLite file and says where', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pipewright-default-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'dest', 'pipewright.sqlite');
  const task = new (withDefaultFile(path))();
  expect(task.connection().source).toBe('default');

  // Asking whether the load is done must not create the database file.
  expect(await task.complete()).toBe(false);
  expect(existsSync(path)).toBe(false);

  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
  try {
    await task.run();
  } finally {
    spy.mockRestore();
  }
  expect(written).toEqual([`scores: no --credentials, --database-url or [database] url given; loading into the SQLite file ${path}\n`]);
  expect(await queryRows(`sqlite:${path}`, 'SELECT COUNT(*) AS n FROM scores')).toEqual([{ n: 3 }]);
  expect(await task.complete()).toBe(true);
  expect(task.output().toString()).toBe(`sqlite:${path}#scores`);
});
