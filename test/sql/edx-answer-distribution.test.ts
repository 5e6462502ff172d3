/**
 * edX's 32 `answer_distribution` rows (conformance data, read in place) go
 * through the loader into a table declared exactly as edX's, and come back
 * unchanged from both dialects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { queryRows, SqlLoadTask, type SqlValue } from '../../src/sql/index.js';
import { ANSWER_DISTRIBUTION_COLUMNS } from '../../src/tasks/answer-distribution/mysql-workflow-task.js';
import { CONFORMANCE } from '../support/paths.js';
import { DIALECTS, uniqueTable } from './support/dialects.js';

// The table as the answer-distribution workflow declares it (edX's columns and types).
const EDX_COLUMNS = ANSWER_DISTRIBUTION_COLUMNS;
const NUMERIC = new Set(['correct', 'first_response_count', 'last_response_count', 'answer_value_numeric', 'variant']);

function unescapeCell(cell: string): string | null {
  if (cell === '\\N') return null;
  return cell.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
}

function expectedRows(): { header: string[]; rows: SqlValue[][] } {
  const [head, ...lines] = readFileSync(join(CONFORMANCE, 'answer_dist/expected/mysql_answer_distribution_rows.tsv'), 'utf8').split('\n').filter(Boolean);
  const header = head!.split('\t');
  const rows = lines.map((line) =>
    line.split('\t').map((cell, i) => {
      const value = unescapeCell(cell);
      return value !== null && NUMERIC.has(header[i]!) ? Number(value) : value;
    }),
  );
  return { header, rows };
}

for (const dialect of DIALECTS) {
  dialect.describe(`edX answer_distribution rows on ${dialect.name}`, () => {
    test("when edX's 32 rows are loaded into edX's table then they read back unchanged", async () => {
      const spec = dialect.connect();
      const { header, rows } = expectedRows();
      expect(rows).toHaveLength(32);
      const table = uniqueTable(spec, 'answer_distribution');
      const markers = uniqueTable(spec, 'table_updates');
      class Load extends SqlLoadTask {
        readonly table = table;
        readonly columns = EDX_COLUMNS;
        override readonly indexes = [['course_id'], ['module_id'], ['part_id'], ['course_id', 'module_id']];
        rows = () => rows;
        override markerTable = () => markers;
      }
      await new Load({ databaseUrl: spec.dialect === 'sqlite' ? `sqlite:${spec.path}` : urlOf(spec), overwrite: true }).run();
      const back = await queryRows(spec, `SELECT ${header.join(', ')} FROM ${table} ORDER BY id`);
      expect(back.map((r) => header.map((h) => (r[h] === null || !NUMERIC.has(h) ? r[h] : Number(r[h]))))).toEqual(rows);
      const created = await queryRows<{ created: string }>(spec, `SELECT MIN(created) AS created FROM ${table}`);
      expect(created[0]!.created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    });
  });
}

function urlOf(spec: { user: string; password: string; host: string; port: number; database: string }): string {
  return `mysql://${spec.user}:${spec.password}@${spec.host}:${spec.port}/${spec.database}`;
}
