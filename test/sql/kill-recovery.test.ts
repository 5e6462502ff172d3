import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { queryRows, type ConnectionSpec } from '../../src/sql/index.js';
import { REPO_ROOT } from '../support/paths.js';
import { DIALECTS, uniqueTable } from './support/dialects.js';
import { scoreLoadTask, scoreRows } from './support/load-tasks.js';

const TOTAL = 400;

/** Runs killable-load.ts until it prints `line`, then kill -9s it. */
function loadUntilThenKill(url: string, table: string, markers: string, line: string, pauseAt?: number): Promise<void> {
  const args = [join(REPO_ROOT, 'test/sql/support/killable-load.ts'), url, table, markers, String(TOTAL), ...(pauseAt === undefined ? [] : [String(pauseAt)])];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.split('\n').includes(line)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited before "${line}": ${out} ${err}`)),
    );
  });
}

function url(spec: ConnectionSpec): string {
  return spec.dialect === 'sqlite' ? `sqlite:${spec.path}` : `mysql://${spec.user}:${spec.password}@${spec.host}:${spec.port}/${spec.database}`;
}

for (const dialect of DIALECTS) {
  dialect.describe(`kill -9 during a load on ${dialect.name}`, () => {
    test.each([
      ['halfway through the inserts', 'rows 200', 250],
      ['right after the commit', 'done', undefined],
    ])('when the loader is killed %s then a rerun leaves exactly one copy of every row', async (_when, line, pauseAt) => {
      const spec = dialect.connect();
      const table = uniqueTable(spec, 'killed');
      const markers = uniqueTable(spec, 'killed_marks');
      await loadUntilThenKill(url(spec), table, markers, line, pauseAt);

      const Load = scoreLoadTask({ table, markerTable: markers, rows: () => scoreRows(TOTAL) });
      const rerun = new Load({ databaseUrl: url(spec), name: 'killed' });
      expect(await rerun.complete()).toBe(line === 'done');
      await rerun.run();
      const quoted = spec.dialect === 'mysql' ? `\`${table}\`` : `"${table}"`;
      const rows = await queryRows<{ learners: number; n: number }>(spec, `SELECT learners, COUNT(*) AS n FROM ${quoted} GROUP BY learners ORDER BY learners`);
      expect(rows.map((r) => [Number(r.learners), Number(r.n)])).toEqual(Array.from({ length: TOTAL }, (_, i) => [i, 1]));
      expect(await rerun.complete()).toBe(true);
    });
  });
}
