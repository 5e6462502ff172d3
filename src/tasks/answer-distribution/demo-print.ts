import { describeConnection, queryRows, type ConnectionSpec } from '../../sql/index.js';

/** For `npm run demo`: where the rows went, how many, and the first few. */
export async function printLoadedRows(spec: ConnectionSpec, table: string, n: number): Promise<void> {
  const [{ total }] = await queryRows<{ total: number }>(spec, `SELECT COUNT(*) AS total FROM ${table}`);
  const rows = await queryRows<Record<string, unknown>>(
    spec,
    `SELECT course_id, part_id, value_id, answer_value_text, first_response_count, last_response_count FROM ${table} ORDER BY course_id, part_id, answer_value_text LIMIT ${Math.floor(n)}`,
  );
  const out = [`${total} rows in table ${table} of ${describeConnection(spec)}; the first ${rows.length}:`];
  for (const row of rows) out.push('  ' + Object.values(row).map((v) => (v === null ? 'NULL' : String(v))).join(' | '));
  process.stdout.write(out.join('\n') + '\n');
}
